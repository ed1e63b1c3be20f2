import { londonToday } from '../../platform/clock.ts';
import { can, scopeOf } from '../../platform/authz/policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as identity from '../../platform/identity/repository.ts';
import type { AttentionItem } from '../../platform/modules.ts';
import type { Page } from '../../platform/db/queries.ts';
import type { Caller } from '../../platform/web/request.ts';
import { computeDeadline } from '../../domain/requests/deadlines.ts';
import { RIGHTS_TYPES, type CaseStatus, type CaseType } from '../../domain/requests/workflow.ts';
import type { RequestsDeps } from './commands/context.ts';
import { REQUESTS } from './permissions.ts';
import { canViewCase } from './policy.ts';
import * as repo from './repository.ts';
import * as settingsRepo from './settings-repository.ts';
import type { RequestCase } from './repository.ts';

/** The read side of casework: what the pages and the API show, each read of a case's personal data audited. */

export interface CaseListFilter {
  view?: 'all' | 'mine' | 'team' | 'due-soon' | 'overdue' | 'open';
  type?: CaseType;
  status?: CaseStatus;
  directorateId?: number;
  q?: string;
}

/** A case the caller may see; the view is audited, since every case holds the requester's personal data. */
export async function viewCase(deps: RequestsDeps, caller: Caller, id: number): Promise<RequestCase> {
  const c = await repo.findCase(deps.db.orm, id);
  if (!c || !canViewCase(caller.principal, c)) throw new NotFoundError('No such case');
  await deps.audit.recordView(caller.actor, {
    action: RIGHTS_TYPES.has(c.type as CaseType) ? 'request.sar-viewed' : 'request.viewed',
    entityType: 'request-case',
    entityId: id,
  });
  return c;
}

/** The cases the principal may see that match the filter, soonest due first. */
export async function listCases(
  deps: RequestsDeps,
  principal: Principal,
  filter: CaseListFilter,
  page: Page,
) {
  const today = londonToday(deps.clock);
  const dueSoonUntil = computeDeadline(await deps.calendar.current(), {
    kind: 'foi',
    received: today,
    workingDays: 5,
  }).due;
  const teamIds = filter.view === 'team' ? await identity.teamIdsOf(deps.db.orm, principal.id) : [];
  return repo.listCases(
    deps.db.orm,
    {
      ...filter,
      scope: scopeOf(principal, REQUESTS.view),
      userId: principal.id,
      teamIds,
      today,
      dueSoonUntil,
    },
    page,
  );
}

/** What needs this officer's attention, for the home page. */
export async function requestsAttention(deps: RequestsDeps, principal: Principal): Promise<AttentionItem[]> {
  if (!can(principal, REQUESTS.view)) return [];
  const count = async (filter: CaseListFilter) =>
    (await listCases(deps, principal, filter, { limit: 1, offset: 0 })).total;
  const items: AttentionItem[] = [
    {
      count: await count({ view: 'mine' }),
      one: 'of your cases is open',
      other: 'of your cases are open',
      href: '/requests?view=mine',
    },
    {
      count: await count({ view: 'due-soon' }),
      one: 'case is due in the next 5 working days',
      other: 'cases are due in the next 5 working days',
      href: '/requests?view=due-soon',
    },
    {
      count: await count({ view: 'overdue' }),
      one: 'case is overdue',
      other: 'cases are overdue',
      href: '/requests?view=overdue',
    },
  ];
  if (can(principal, REQUESTS.approve) || can(principal, REQUESTS.approveRights))
    items.push({
      count: await count({ view: 'open', status: 'approval' }),
      one: 'response is waiting for approval',
      other: 'responses are waiting for approval',
      href: '/requests?view=open&status=approval',
    });
  return items;
}

/** Everything on a case's page besides the case: its contributions, searches, disclosures, reviews and files. */
export async function caseDetails(deps: RequestsDeps, c: RequestCase) {
  const db = deps.db.orm;
  const [contributions, searches, disclosures, systems, reviews, attachments, reviewed] = await Promise.all([
    repo.contributionsOf(db, c.id),
    repo.searchesOf(db, c.id),
    repo.disclosuresOf(db, c.id),
    settingsRepo.systems(db, { activeOnly: true }),
    repo.reviewsOf(db, c.id),
    repo.attachmentsOf(db, c.id),
    c.reviewOf ? repo.findCase(db, c.reviewOf) : undefined,
  ]);
  return { contributions, searches, disclosures, systems, reviews, attachments, reviewed };
}
