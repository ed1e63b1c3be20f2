import { ConflictError, ForbiddenError, ValidationError } from '../../../../platform/errors.ts';
import type { Caller } from '../../../../platform/web/request.ts';
import { canViewCase } from '../../policy.ts';
import * as repo from '../../repository.ts';
import type { RequestsDeps } from '../context.ts';
import { runCaseAction } from '../run-case-action.ts';

/**
 * Allocates many cases to one directorate (and team) at once; each is its own audited change. A case the officer
 * cannot see is passed over without a word, so the answer never tells them which cases exist elsewhere.
 */
export async function allocateMany(
  deps: RequestsDeps,
  caller: Caller,
  input: { caseIds: number[]; directorateId: number; teamId?: number },
): Promise<{ allocated: number; skipped: string[] }> {
  let allocated = 0;
  const skipped: string[] = [];
  for (const id of input.caseIds) {
    const c = await repo.findCase(deps.db.orm, id);
    if (!c || !canViewCase(caller.principal, c)) continue;
    try {
      await runCaseAction(deps, caller, id, c.version, 'allocate', {
        directorateId: input.directorateId,
        teamId: input.teamId,
      });
      allocated += 1;
    } catch (error) {
      if (!(
        error instanceof ValidationError ||
        error instanceof ConflictError ||
        error instanceof ForbiddenError
      ))
        throw error;
      skipped.push(`${c.reference}: ${error.message}`);
    }
  }
  return { allocated, skipped };
}
