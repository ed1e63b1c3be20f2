import { parseInput } from '../../../../platform/validation.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import type { Caller } from '../../../../platform/web/request.ts';
import type { RequestsDeps } from '../context.ts';

import { internalReviewSchema } from '../../inputs.ts';
import { canManageCase, canViewCase } from '../../policy.ts';
import * as repo from '../../repository.ts';
import { logRequest } from '../intake/log-request.ts';

/** A request for internal review of a responded case: a new case, linked to it, on the review clock. */
export async function openInternalReview(deps: RequestsDeps, caller: Caller, id: number, rawInput: unknown) {
  const c = await repo.findCase(deps.db.orm, id);
  if (!c || !canViewCase(caller.principal, c)) throw new NotFoundError('No such case');
  if (!canManageCase(caller.principal, c)) throw new ForbiddenError('You cannot open a review of this case');
  if (c.status !== 'responded' && c.status !== 'closed')
    throw new ValidationError('Only a case that has been responded to can be reviewed');
  const input = parseInput(internalReviewSchema, rawInput);
  return logRequest(deps, caller, {
    type: 'internal-review',
    channel: 'email',
    subject: `Internal review of ${c.reference}: ${c.subject}`.slice(0, 300),
    description: input.grounds,
    requesterName: c.requesterName,
    requesterEmail: c.requesterEmail ?? undefined,
    requesterAddress: c.requesterAddress ?? undefined,
    receivedOn: input.receivedOn,
    reviewOf: c.id,
  });
}
