import { londonToday } from '../../../platform/clock.ts';
import { parseInput } from '../../../platform/validation.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors.ts';
import { runCommand } from '../../../platform/commands.ts';
import type { Caller } from '../../../platform/web/request.ts';
import {
  canTake,
  regimeOf,
  RIGHTS_TYPES,
  STATUS_NAMES,
  type CaseAction,
  type CaseStatus,
  type CaseType,
} from '../../../domain/requests/workflow.ts';
import type { Pause } from '../case-clock.ts';
import { ACTION_INPUTS } from '../inputs.ts';
import { canTakeAction, canViewCase } from '../policy.ts';
import * as repo from '../repository.ts';
import type { RequestCase } from '../repository.ts';
import { type RequestsDeps } from './context.ts';
import { CASE_COMMANDS } from './index.ts';

const STALE =
  'Someone else changed this case while you were working on it. Nothing has been saved: reload the case and try again.';

/**
 * Takes one action on one case, in one transaction: loads and locks the case; refuses one the caller cannot see
 * (404), may not change (403), has read from a stale copy (409) or whose status does not allow the action (400); checks
 * the action's input; then runs its command, which saves, writes any letter and audits.
 */
export async function runCaseAction(
  deps: RequestsDeps,
  caller: Caller,
  id: number,
  version: number,
  action: CaseAction,
  rawInput: unknown,
): Promise<RequestCase> {
  const calendar = await deps.calendar.current();
  const today = londonToday(deps.clock);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const c = await repo.findCaseForUpdate(tx, id);
    if (!c || !canViewCase(caller.principal, c)) throw new NotFoundError('No such case');
    if (!canTakeAction(caller.principal, c, action)) throw new ForbiddenError(refusal(action, c));
    if (c.version !== version) throw new ConflictError(STALE);
    if (!canTake(action, c.status as CaseStatus))
      throw new ValidationError(
        `This case is “${STATUS_NAMES[c.status as CaseStatus]}”, so it cannot take “${action.replace(/-/g, ' ')}” now`,
      );
    const input = parseInput(ACTION_INPUTS[action], rawInput);
    const type = c.type as CaseType;
    const reviewedType = c.reviewOf ? await repo.typeOfCase(tx, c.reviewOf) : undefined;
    return CASE_COMMANDS[action](
      {
        tx,
        audit,
        deps,
        caller,
        action,
        c,
        type,
        reviewedType,
        regime: regimeOf(type, reviewedType),
        pauses: (c.pauses as Pause[] | null) ?? [],
        calendar,
        today,
      },
      input,
    );
  });
}

function refusal(action: CaseAction, c: RequestCase): string {
  if (action !== 'approve' && action !== 'return-for-redraft')
    return 'You cannot make this change to this case';
  return RIGHTS_TYPES.has(c.type as CaseType)
    ? 'Only the data protection officer can approve a data-protection rights response'
    : 'Only an IG officer or the DPO can approve a response';
}
