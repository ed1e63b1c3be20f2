import type { TestContext } from './app.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import type { Caller } from '../../src/platform/web/request.ts';
import type { NewCase } from '../../src/modules/requests/inputs.ts';
import type { RequestCase } from '../../src/modules/requests/repository.ts';
import type { CaseAction, CaseStatus } from '../../src/domain/requests/workflow.ts';
import type { ClassInput } from '../../src/modules/records/inputs.ts';

let counter = 0;

/** A case as an officer would log it, with defaults for whatever the test does not care about. */
export async function createCase(ctx: TestContext, overrides: Partial<NewCase> = {}, acknowledge = false) {
  counter += 1;
  return ctx.services.requests.create(
    systemActor('Test factory'),
    {
      type: 'foi',
      channel: 'email',
      subject: `Test request ${counter}`,
      description: `Please send the information for test request ${counter}.`,
      requesterName: `Requester ${counter}`,
      requesterEmail: `requester${counter}@example.com`,
      receivedOn: '2026-11-20',
      ...overrides,
    },
    { acknowledge },
  );
}

/** The test context's DPO, as a caller: allowed every case action. */
export async function dpoCaller(ctx: TestContext): Promise<Caller> {
  const principal = (await ctx.services.signIn.principalFor(ctx.userIds.dpo))!;
  return { principal, actor: { type: 'user', id: String(principal.id), label: principal.label } };
}

/** Input each action accepts on an ordinary FOI case (or SAR, for its own actions) in the test context. */
export function validInput(ctx: TestContext, action: CaseAction, c: RequestCase): Record<string, unknown> {
  switch (action) {
    case 'request-clarification':
    case 'request-identity':
    case 'return-for-redraft':
      return { note: 'Please say which years you mean.' };
    case 'issue-fee-notice':
      return { amount: '£10', from: c.receivedOn };
    case 'resume-clock':
      return { on: '2026-11-25', method: 'Passport seen' };
    case 'allocate':
      return { directorateId: ctx.directorateId };
    case 'request-contribution':
      return { teamId: ctx.teamId, note: 'The figures for 2025' };
    case 'extend':
      return { exemptions: ['s43(2)'], note: 'The contractor must be consulted.' };
    case 'submit-for-approval':
      return {
        outcome: 'granted',
        responseText: 'Here it is.',
        purposes: 'Housing.',
        recipients: 'The housing team.',
        retention: 'Six years.',
        source: 'You.',
      };
    case 'respond':
      return { on: '2026-11-25' };
    case 'publish':
      return { title: 'Published title', response: 'Published response' };
    case 'record-ico':
      return { reference: 'IC-12345-A1B2' };
    case 'log-search':
      return { systemId: ctx.sarSystemId, found: 'yes' };
    case 'record-disclosure':
      return { item: 'Case note 1', decision: 'disclosed' };
    default:
      return {};
  }
}

/** The actions that take a fresh case to each status, in order. */
export const PATHS: Record<CaseStatus, readonly CaseAction[]> = {
  received: [],
  acknowledged: ['acknowledge'],
  allocated: ['allocate'],
  contributions: ['allocate', 'request-contribution'],
  drafting: ['allocate', 'start-drafting'],
  approval: ['allocate', 'submit-for-approval'],
  approved: ['allocate', 'submit-for-approval', 'approve'],
  responded: ['allocate', 'submit-for-approval', 'approve', 'respond'],
  closed: ['allocate', 'submit-for-approval', 'approve', 'respond', 'close'],
  'awaiting-clarification': ['request-clarification'],
  'awaiting-identity': ['request-identity'],
  'awaiting-fee': ['issue-fee-notice'],
};

/** A case taken to a status by the actions an officer would take. */
export async function caseInStatus(
  ctx: TestContext,
  status: CaseStatus,
  overrides: Partial<NewCase> = {},
  path: readonly CaseAction[] = PATHS[status],
): Promise<RequestCase> {
  const caller = await dpoCaller(ctx);
  let c = await createCase(ctx, overrides);
  for (const action of path)
    c = await ctx.services.requests.act(caller, c.id, c.version, action, validInput(ctx, action, c));
  return c;
}

/** A class of the retention schedule, as the form or an import gives it: request files kept a day, then destroyed. */
export function recordClass(overrides: Partial<ClassInput> = {}): ClassInput {
  return {
    code: 'IG-01',
    function: 'Information governance',
    activity: '',
    description: 'Request files',
    trigger: 'receipt',
    retention: { years: 0, months: 0, days: 1 },
    from: 'trigger',
    action: 'destroy',
    authority: '',
    authorityUrl: null,
    personalData: true,
    specialCategory: false,
    notes: '',
    ownerDirectorateId: null,
    variance: '',
    changeReason: '',
    ...overrides,
  };
}

/** The next disposal list the nightly run proposes (of a class, if named), every record disposed of, approved. */
export async function approvedDisposalList(ctx: TestContext, caller: Caller, classCode?: string) {
  const actor = systemActor('Test');
  await ctx.services.recordScheduler.run(actor);
  const proposed = (await ctx.services.disposal.propose(actor)).find(
    (p) => !classCode || p.classCode === classCode,
  )!;
  const list = (await ctx.services.disposal.lists(caller.principal)).find(
    (l) => l.list.number === proposed.number,
  )!.list;
  await ctx.services.disposal.disposeOfPending(caller, list.id);
  return ctx.services.disposal.approve(caller, await ctx.services.disposal.submitReview(caller, list));
}
