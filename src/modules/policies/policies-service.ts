import { londonToday } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Caller } from '../../platform/web/request.ts';
import { askedVersion, inAudience, isAcknowledged, reviewStanding } from '../../domain/policies/policy.ts';
import { groupBy } from '../../domain/shared/group-by.ts';
import type { ExceptionInput, PolicyInput, VersionInput } from './inputs.ts';
import {
  changePolicy,
  createPolicy,
  grantException,
  recordReview,
  type PoliciesDeps,
} from './commands/library.ts';
import { addVersion, approveVersion, publishVersion } from './commands/versions.ts';
import { acknowledge } from './commands/acknowledge.ts';
import { remindPolicies } from './commands/reminders.ts';
import { policyStandings } from './coverage.ts';
import * as repo from './repository.ts';

/** The policy library: document control, acknowledgement and coverage, reviews, reminders and the public list. */
export class PoliciesService {
  constructor(private readonly deps: PoliciesDeps) {}

  private today() {
    return londonToday(this.deps.clock);
  }

  standings() {
    return policyStandings(this.deps.db.orm, this.today());
  }

  async policy(id: number) {
    const [standing] = await policyStandings(this.deps.db.orm, this.today(), id);
    if (!standing) throw new NotFoundError('No such policy');
    const [versions, exceptions] = await Promise.all([
      repo.versionsOf(this.deps.db.orm, id),
      repo.exceptionsOf(this.deps.db.orm, id),
    ]);
    const people = await repo.userNames(this.deps.db.orm, [
      standing.policy.ownerId,
      standing.policy.approverId,
    ]);
    return {
      ...standing,
      versions,
      exceptions,
      owner: people.get(standing.policy.ownerId)!,
      approver: people.get(standing.policy.approverId)!,
    };
  }

  async version(policyId: number, versionId: number) {
    const version = await repo.findVersion(this.deps.db.orm, policyId, versionId);
    if (!version) throw new NotFoundError('No such version');
    return version;
  }

  /** A version's uploaded document. */
  async document(policyId: number, versionId: number) {
    const version = await this.version(policyId, versionId);
    if (!version.fileSha256) throw new NotFoundError('This version was written in the page, not uploaded');
    return {
      filename: version.fileName!,
      mediaType: version.fileType!,
      content: await this.deps.files.get(version.fileSha256),
    };
  }

  create(caller: Caller, input: PolicyInput) {
    return createPolicy(this.deps, caller, input);
  }

  change(caller: Caller, id: number, version: number, input: PolicyInput) {
    return changePolicy(this.deps, caller, id, version, input);
  }

  addVersion(caller: Caller, policyId: number, input: VersionInput, file?: { name: string; bytes: Buffer }) {
    return addVersion(this.deps, caller, policyId, input, file);
  }

  approve(caller: Caller, policyId: number, versionId: number) {
    return approveVersion(this.deps, caller, policyId, versionId);
  }

  publish(caller: Caller, policyId: number, versionId: number) {
    return publishVersion(this.deps, caller, policyId, versionId);
  }

  recordReview(caller: Caller, policyId: number) {
    return recordReview(this.deps, caller, policyId);
  }

  async grantException(caller: Caller, policyId: number, input: ExceptionInput) {
    return grantException(
      this.deps,
      caller,
      policyId,
      input,
      await repo.staffIdByRef(this.deps.db.orm, input.person),
    );
  }

  /**
   * The policies that apply to a member of staff, the version in force of each, and whether they are up to date:
   * worked out for that one person (the home page asks on every visit), not from the whole establishment's coverage.
   */
  async applyingTo(staffId: number) {
    const db = this.deps.db.orm;
    const [library, published, [me], mine] = await Promise.all([
      repo.listPolicies(db),
      repo.publishedVersions(db),
      repo.workingToday(db, this.today(), staffId),
      repo.versionsAcknowledgedBy(db, staffId),
    ]);
    if (!me) return [];
    const versionsOf = groupBy(
      published.map((v) => ({ ...v, publishedOn: v.publishedOn! })),
      (v) => v.policyId,
    );
    return library.flatMap((policy) => {
      const versions = versionsOf.get(policy.id) ?? [];
      if (!askedVersion(versions) || !inAudience(policy.audience, me)) return [];
      return [{ policy, current: versions.at(-1)!, upToDate: isAcknowledged(versions, mine) }];
    });
  }

  /** Where the reviews of the policies someone owns stand today. */
  async reviewsOwnedBy(userId: number) {
    const owned = (await repo.listPolicies(this.deps.db.orm)).filter((p) => p.ownerId === userId);
    return owned.map((policy) => ({ policy, review: reviewStanding(policy.nextReviewOn, this.today()) }));
  }

  /** A person's acknowledgements, for their IG record. */
  acknowledgementsBy(staffId: number) {
    return repo.acknowledgementsBy(this.deps.db.orm, staffId);
  }

  async acknowledge(
    caller: Caller,
    input: { policyId: number; versionId: number; confirmed: boolean; answers: (number | null)[] },
  ) {
    const staffId = await repo.staffIdOfUser(this.deps.db.orm, caller.principal.id);
    if (!staffId)
      throw new NotFoundError('HR has no record of you yet, so Custodian cannot record your acknowledgement');
    return acknowledge(this.deps, caller, { ...input, staffId });
  }

  awaitingApprovalBy(userId: number) {
    return repo.countAwaitingApproval(this.deps.db.orm, userId);
  }

  staffIdOf(userId: number) {
    return repo.staffIdOfUser(this.deps.db.orm, userId);
  }

  async remind() {
    return remindPolicies(this.deps, await this.standings());
  }

  /** The policies listed on the public page, with the version in force of each. */
  async published() {
    const standings = await this.standings();
    const out = [];
    for (const s of standings.filter((s) => s.policy.public)) {
      const current = (await repo.versionsOf(this.deps.db.orm, s.policy.id)).find(
        (v) => v.status === 'published',
      );
      if (current) out.push({ policy: s.policy, current });
    }
    return out;
  }
}
