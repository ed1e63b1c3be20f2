import { londonToday } from '../../platform/clock.ts';
import type { Actor } from '../../platform/audit/service.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import type { Page } from '../../platform/db/queries.ts';
import type { Caller } from '../../platform/web/request.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import type { CaseAction } from '../../domain/requests/workflow.ts';
import type { RequestsDeps } from './commands/context.ts';
import { runCaseAction } from './commands/run-case-action.ts';
import { logRequest } from './commands/intake/log-request.ts';
import { allocateMany } from './commands/allocation/allocate-many.ts';
import { openInternalReview } from './commands/after-response/open-internal-review.ts';
import type { NewCase } from './inputs.ts';
import { caseDetails, listCases, requestsAttention, viewCase, type CaseListFilter } from './queries.ts';
import * as repo from './repository.ts';
import type { RequestCase } from './repository.ts';

export type { RequestCase, RequestsDeps, CaseListFilter };

/**
 * Casework, as routes, the API, other modules and the command line call it: each change is a command in commands/
 * (one file each, `act()` a lookup in the workflow table), each read a query in queries.ts.
 */
export class RequestsService {
  constructor(private readonly deps: RequestsDeps) {}

  /** London's date today, as the statutory clock counts it. */
  today(): IsoDate {
    return londonToday(this.deps.clock);
  }

  /** Logs a new request (and acknowledges it when asked and there is an address). */
  create(who: Caller | Actor, input: NewCase, options: { acknowledge?: boolean } = {}): Promise<RequestCase> {
    return logRequest(this.deps, who, input, options);
  }

  /** One action of the workflow on one case, from a copy read at `version`. */
  act(caller: Caller, id: number, version: number, action: CaseAction, input: unknown): Promise<RequestCase> {
    return runCaseAction(this.deps, caller, id, version, action, input);
  }

  allocateMany(caller: Caller, input: { caseIds: number[]; directorateId: number; teamId?: number }) {
    return allocateMany(this.deps, caller, input);
  }

  openInternalReview(caller: Caller, id: number, input: unknown): Promise<RequestCase> {
    return openInternalReview(this.deps, caller, id, input);
  }

  view(caller: Caller, id: number): Promise<RequestCase> {
    return viewCase(this.deps, caller, id);
  }

  /** A case by id, unaudited and unchecked: for commands' callers and tests, never for showing to a person. */
  find(id: number): Promise<RequestCase | undefined> {
    return repo.findCase(this.deps.db.orm, id);
  }

  list(principal: Principal, filter: CaseListFilter, page: Page) {
    return listCases(this.deps, principal, filter, page);
  }

  details(c: RequestCase) {
    return caseDetails(this.deps, c);
  }

  attention(principal: Principal) {
    return requestsAttention(this.deps, principal);
  }
}
