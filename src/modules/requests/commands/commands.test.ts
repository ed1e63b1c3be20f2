import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext, type TestContext } from '../../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../../test/support/databases.ts';
import { caseInStatus, dpoCaller, PATHS, validInput } from '../../../../test/support/factories.ts';
import { ValidationError } from '../../../platform/errors.ts';
import {
  CASE_ACTIONS,
  nextStatus,
  STATUSES,
  WORKFLOW,
  type CaseAction,
  type CaseStatus,
} from '../../../domain/requests/workflow.ts';
import type { NewCase } from '../inputs.ts';
import type { RequestCase } from '../repository.ts';

/** Actions only a data-protection rights request takes, and the one status only such a request reaches. */
const RIGHTS_ONLY: ReadonlySet<CaseAction> = new Set(['request-identity', 'log-search', 'record-disclosure']);

/** The kind of case on which an action makes sense from a status, so the test exercises the table, not the rules. */
function caseFor(action: CaseAction, status: CaseStatus): Partial<NewCase> {
  if (RIGHTS_ONLY.has(action) || status === 'awaiting-identity') return { type: 'sar' };
  if (action === 'record-press-sight') return { pressInterest: true };
  return {};
}

/**
 * How to reach a status with what the action's case needs along the way: an outstanding contribution; the press
 * office's sight of a response before it is approved.
 */
function pathFor(action: CaseAction, status: CaseStatus): readonly CaseAction[] {
  if (action === 'record-contribution' && status === 'drafting')
    return ['allocate', 'request-contribution', 'start-drafting'];
  if (action === 'record-press-sight')
    return PATHS[status].flatMap((a) =>
      a === 'submit-for-approval' ? [a, 'record-press-sight' as const] : [a],
    );
  return PATHS[status];
}

function auditsOf(ctx: TestContext, action: CaseAction, c: RequestCase) {
  return ctx.services.audit.search(
    { action: `request.${action}`, entityId: String(c.id) },
    { limit: 1, offset: 0 },
  );
}

async function inputFor(ctx: TestContext, action: CaseAction, c: RequestCase) {
  if (action !== 'record-contribution') return validInput(ctx, action, c);
  const { contributions } = await ctx.services.requests.details(c);
  return { contributionId: contributions.find((x) => !x.receivedOn)?.id ?? 1 };
}

for (const kind of DATABASE_KINDS) {
  describe(`Each case action against the workflow table (${kind})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    for (const action of CASE_ACTIONS) {
      const allowed = WORKFLOW[action].from as readonly CaseStatus[];

      it(`${action}: from each status the table allows, leaves the case where the table says and audits it`, async () => {
        const caller = await dpoCaller(ctx);
        for (const status of allowed) {
          const c = await caseInStatus(ctx, status, caseFor(action, status), pathFor(action, status));
          assert.equal(c.status, status, `reached ${status}`);
          const before = await auditsOf(ctx, action, c);
          const after = await ctx.services.requests.act(
            caller,
            c.id,
            c.version,
            action,
            await inputFor(ctx, action, c),
          );
          assert.equal(after.status, nextStatus(action, { status, directorateId: c.directorateId }));
          assert.equal(after.version, c.version + 1, 'one action is one saved change');
          const events = await auditsOf(ctx, action, c);
          assert.equal(events.total, before.total + 1, `${action} from ${status} is audited once`);
          const { from, to } = events.rows[0]!.details as { from: string; to: string };
          assert.deepEqual([from, to], [status, after.status]);
        }
      });

      const refused = STATUSES.filter((s) => !allowed.includes(s));
      if (!refused.length) continue;
      it(`${action}: refused from every other status, with nothing saved`, async () => {
        const caller = await dpoCaller(ctx);
        for (const status of refused) {
          const c = await caseInStatus(ctx, status, caseFor(action, status), pathFor(action, status));
          await assert.rejects(
            ctx.services.requests.act(caller, c.id, c.version, action, await inputFor(ctx, action, c)),
            (error: unknown) => error instanceof ValidationError && /so it cannot take/.test(error.message),
            `${action} from ${status}`,
          );
          const unchanged = (await ctx.services.requests.find(c.id))!;
          assert.equal(unchanged.version, c.version, `${action} from ${status} saved nothing`);
        }
      });
    }
  });
}
