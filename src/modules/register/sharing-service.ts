import { londonToday } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Caller } from '../../platform/web/request.ts';
import { agreementStatus, sharingWithoutAgreement } from '../../domain/register/sharing.ts';
import { groupBy } from '../../domain/shared/group-by.ts';
import type { RegisterDeps } from './commands/context.ts';
import {
  addParty,
  removeParty,
  saveAgreement,
  signForParty,
  terminateAgreement,
} from './commands/sharing.ts';
import type { AgreementInput, PartyInput } from './inputs.ts';
import * as repo from './repository.ts';
import * as sharing from './sharing-repository.ts';

/**
 * Information-sharing agreements: their terms, parties and signatures, where each stands today, and the sharing the
 * register records that no agreement in force covers. Every register reader sees every agreement (they hold no
 * personal data); asset owners change their own directorate's.
 */
export class SharingService {
  constructor(private readonly deps: RegisterDeps) {}

  /** Every agreement with its parties, the activities it covers, its standing today and whether its review is due. */
  async agreements() {
    const db = this.deps.db.orm;
    const today = londonToday(this.deps.clock);
    const rows = await sharing.agreements(db);
    const [parties, links] = [
      await sharing.partiesOf(
        db,
        rows.map((r) => r.id),
      ),
      await sharing.agreementActivityLinks(db),
    ];
    const partiesOf = groupBy(parties, (p) => p.agreementId);
    const linksOf = groupBy(links, (l) => l.agreementId);
    return rows.map((a) => {
      const own = partiesOf.get(a.id) ?? [];
      return {
        ...a,
        parties: own,
        activityIds: (linksOf.get(a.id) ?? []).map((l) => l.activityId),
        status: agreementStatus({ ...a, parties: own }, today),
        reviewDue: !a.terminatedOn && a.reviewOn < today,
      };
    });
  }

  async agreement(id: number) {
    const found = (await this.agreements()).find((a) => a.id === id);
    if (!found) throw new NotFoundError('No such agreement');
    const activities = await repo.activities(this.deps.db.orm, { scope: 'all', ids: found.activityIds });
    return { ...found, activities };
  }

  save(caller: Caller, input: AgreementInput, existing?: { id: number; version: number }) {
    const { activityIds, version: _version, ...terms } = input;
    return saveAgreement(
      this.deps,
      caller,
      {
        values: {
          ...terms,
          parentId: terms.parentId ?? null,
          directorateId: terms.directorateId ?? null,
          dataItems: terms.dataItems ?? '',
          method: terms.method ?? '',
          retention: terms.retention ?? '',
          rightsHandling: terms.rightsHandling ?? '',
          breachClause: terms.breachClause ?? '',
          endsOn: terms.endsOn ?? null,
        },
        activityIds,
      },
      existing,
    );
  }

  addParty(caller: Caller, agreementId: number, input: PartyInput) {
    return addParty(this.deps, caller, agreementId, input);
  }

  sign(
    caller: Caller,
    party: { agreementId: number; id: number },
    signature: { signatory: string; signedOn: string },
  ) {
    return signForParty(this.deps, caller, party, signature);
  }

  removeParty(caller: Caller, party: { agreementId: number; id: number }) {
    return removeParty(this.deps, caller, party);
  }

  terminate(
    caller: Caller,
    agreement: { id: number; version: number },
    termination: { terminatedOn: string; reason: string },
  ) {
    return terminateAgreement(this.deps, caller, agreement, termination);
  }

  /**
   * What the register records as shared with no agreement in force (each activity's outside recipients), and the
   * agreements past their review.
   */
  async gaps() {
    const db = this.deps.db.orm;
    const today = londonToday(this.deps.clock);
    const [activities, agreements] = [await repo.activities(db, { scope: 'all' }), await this.agreements()];
    const uncovered = sharingWithoutAgreement({ activities, agreements }, today);
    const byId = new Map(activities.map((a) => [a.id, a]));
    const titles = new Map(agreements.map((a) => [a.id, a.title]));
    return {
      uncovered: uncovered.map((u) => ({
        ...u,
        activity: byId.get(u.activityId)!,
        namedIn: u.namedIn.map((id) => ({ id, title: titles.get(id)! })),
        notInForce: u.notInForce.map((id) => ({ id, title: titles.get(id)! })),
      })),
      pastReview: agreements.filter((a) => a.reviewDue && a.status !== 'ended'),
    };
  }
}
