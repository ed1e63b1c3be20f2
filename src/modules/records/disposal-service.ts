import type { Actor } from '../../platform/audit/service.ts';
import { londonToday } from '../../platform/clock.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { scopeOf } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import type { Caller } from '../../platform/web/request.ts';
import type { RecordsDeps } from './commands/context.ts';
import { approveList, changesSinceReview, returnToOwner, stopList } from './commands/disposal/approval.ts';
import { carryOutDisposals } from './commands/disposal/execute.ts';
import { proposeDisposals } from './commands/disposal/propose.ts';
import { decide, disposeOfPending, submitReview, type DecisionInput } from './commands/disposal/review.ts';
import { certificateCsv, certificatePdf, type Certificate } from './certificate.ts';
import * as lists from './disposal-repository.ts';
import * as repo from './repository.ts';
import { ruleSentence } from './presenters.ts';
import { RECORDS } from './permissions.ts';
import { canViewList } from './policy.ts';

type Ref = { id: number; version: number };

/** Disposal lists from proposal to certificate: a facade over the disposal commands and their queries. */
export class DisposalService {
  constructor(private readonly deps: RecordsDeps) {}

  /** The lists a person may see, newest first. */
  async lists(principal: Principal | undefined, statuses?: readonly string[]) {
    const scope = scopeOf(principal, RECORDS.view);
    const rows = await lists.lists(this.deps.db.orm, statuses);
    return rows.filter(
      (r) => scope === 'all' || (r.list.directorateId !== null && scope.includes(r.list.directorateId)),
    );
  }

  /** A list the caller may see, with its tally and a page of its records. */
  async find(caller: Caller, number: string, page = { limit: 50, offset: 0 }) {
    const list = await lists.findList(this.deps.db.orm, { number });
    if (!list || !canViewList(caller.principal, list)) throw new NotFoundError('No such disposal list');
    const [tally, items, versions, owner] = await Promise.all([
      lists.listTally(this.deps.db.orm, list.id),
      lists.listItems(this.deps.db.orm, list.id, page),
      repo.classVersions(this.deps.db.orm, list.classId),
      repo.findClass(this.deps.db.orm, { id: list.classId }),
    ]);
    // The rule the list was proposed under, which may since have changed.
    const rule = versions.find((v) => v.version === list.classVersion)!;
    const classOf = { code: owner!.code, description: rule.description, sentence: ruleSentence(rule) };
    return { list, tally, items, classOf };
  }

  /** What changed since the owner's review, for the approval page. */
  async changes(caller: Caller, number: string) {
    const { list } = await this.find(caller, number, { limit: 0, offset: 0 });
    return this.deps.db.orm.transaction((tx) => changesSinceReview(this.deps, tx, list));
  }

  propose(actor: Actor) {
    return proposeDisposals(this.deps, actor, londonToday(this.deps.clock));
  }

  decide(caller: Caller, listId: number, itemIds: readonly number[], input: DecisionInput) {
    return decide(this.deps, caller, listId, itemIds, input);
  }

  disposeOfPending(caller: Caller, listId: number) {
    return disposeOfPending(this.deps, caller, listId);
  }

  submitReview(caller: Caller, ref: Ref) {
    return submitReview(this.deps, caller, ref);
  }

  approve(caller: Caller, ref: Ref) {
    return approveList(this.deps, caller, ref);
  }

  returnToOwner(caller: Caller, ref: Ref, reason: string) {
    return returnToOwner(this.deps, caller, ref, reason);
  }

  stop(caller: Caller, ref: Ref, reason: string) {
    return stopList(this.deps, caller, ref, reason);
  }

  carryOut(actor: Actor) {
    return carryOutDisposals(this.deps, actor);
  }

  /** An executed list's certificate, as PDF or CSV. */
  async certificate(caller: Caller, number: string, format: 'pdf' | 'csv') {
    const { list } = await this.find(caller, number, { limit: 0, offset: 0 });
    const row = list.certificateNumber
      ? await lists.findCertificate(this.deps.db.orm, list.certificateNumber)
      : undefined;
    if (!row) throw new NotFoundError('This list has no certificate yet');
    const content = row.content as Certificate;
    return {
      filename: `${row.number}.${format}`,
      body: format === 'pdf' ? await certificatePdf(content) : certificateCsv(content),
    };
  }
}
