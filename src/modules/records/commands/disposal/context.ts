import { ConflictError, NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import { authorize } from '../../../../platform/authz/policy.ts';
import type { Tx } from '../../../../platform/db/database.ts';
import type { Caller } from '../../../../platform/web/request.ts';
import {
  LIST_STATUS_NAMES,
  listCanTake,
  type ListAction,
  type ListStatus,
} from '../../../../domain/records/disposal.ts';
import * as lists from '../../disposal-repository.ts';
import type { DisposalListRow } from '../../disposal-repository.ts';
import { canViewList } from '../../policy.ts';

/**
 * Loads and locks a list for an action on it: 404 for a list the caller cannot see, 403 when `allowed` says no,
 * 409 for a stale copy, 400 when its status does not allow the action.
 */
export async function listFor(
  tx: Tx,
  caller: Caller,
  ref: { id: number; version?: number },
  action: ListAction,
  allowed: (list: DisposalListRow) => boolean,
): Promise<DisposalListRow> {
  const list = await lists.findListForUpdate(tx, ref.id);
  if (!list || !canViewList(caller.principal, list)) throw new NotFoundError('No such disposal list');
  authorize(caller.principal, allowed(list), undefined, 'You cannot do that to this list');
  if (ref.version !== undefined && ref.version !== list.version)
    throw new ConflictError(
      'Someone else changed this list while you were looking at it. Nothing has been saved: look at it again.',
    );
  if (!listCanTake(action, list.status as ListStatus))
    throw new ValidationError(
      `This list is “${LIST_STATUS_NAMES[list.status as ListStatus]}”, so it cannot be ${ACTION_WORDS[action]} now`,
    );
  return list;
}

const ACTION_WORDS: Record<ListAction, string> = {
  decide: 'reviewed',
  'submit-review': 'sent for approval',
  approve: 'approved',
  'return-to-owner': 'sent back to its owner',
  stop: 'stopped',
  execute: 'carried out',
  finish: 'finished',
};
