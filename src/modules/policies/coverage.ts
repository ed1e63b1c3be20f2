import type { Executor } from '../../platform/db/database.ts';
import { percentOf } from '../../domain/training/compliance.ts';
import { groupBy } from '../../domain/shared/group-by.ts';
import {
  askedVersion,
  inAudience,
  isAcknowledged,
  reviewStanding,
  type PublishedVersion,
  type ReviewStanding,
} from '../../domain/policies/policy.ts';
import * as repo from './repository.ts';
import type { AudiencePerson, PolicyRow } from './repository.ts';

export interface Coverage {
  audience: number;
  acknowledged: number;
  percent: number | null;
}

/** Where a policy stands today: the version asked for, who has and has not acknowledged it, and its review. */
export interface PolicyStanding {
  policy: PolicyRow;
  asked: PublishedVersion | null;
  coverage: Coverage;
  byDirectorate: Map<number, Coverage>;
  /** In its audience, not excused, and not up to date. */
  outstanding: AudiencePerson[];
  excused: number;
  review: ReviewStanding;
}

const coverageOf = (audience: number, acknowledged: number): Coverage => ({
  audience,
  acknowledged,
  percent: percentOf(acknowledged, audience),
});

/**
 * Every policy's standing on a day, counted from the people working for the council that day (HR's record) and their
 * acknowledgements, by the rules of domain/policies/policy.ts.
 */
export async function policyStandings(db: Executor, today: string, only?: number): Promise<PolicyStanding[]> {
  const library = (await repo.listPolicies(db)).filter((p) => only === undefined || p.id === only);
  const published = groupBy(
    (await repo.publishedVersions(db)).map((v) => ({ ...v, publishedOn: v.publishedOn! })),
    (v) => v.policyId,
  );
  const people = await repo.workingToday(db, today);
  const acks = await repo.acknowledgementsOf(
    db,
    [...published.values()].flat().map((v) => v.id),
  );
  const exceptions = await repo.activeExceptions(db, today);
  return library.map((policy) => {
    const versions = published.get(policy.id) ?? [];
    const asked = askedVersion(versions);
    const excusedIds = exceptions.get(policy.id) ?? new Set<number>();
    const audience = people.filter((p) => inAudience(policy.audience, p));
    const counted = audience.filter((p) => !excusedIds.has(p.id));
    const done = (p: AudiencePerson) => isAcknowledged(versions, acks.get(p.id) ?? new Set());
    const byDirectorate = new Map(
      [...groupBy(counted, (p) => p.directorateId)].map(([id, group]) => [
        id,
        coverageOf(group.length, group.filter(done).length),
      ]),
    );
    return {
      policy,
      asked,
      coverage: asked ? coverageOf(counted.length, counted.filter(done).length) : coverageOf(0, 0),
      byDirectorate: asked ? byDirectorate : new Map(),
      outstanding: asked ? counted.filter((p) => !done(p)) : [],
      excused: audience.length - counted.length,
      review: reviewStanding(policy.nextReviewOn, today),
    };
  });
}
