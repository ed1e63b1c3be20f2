import { runCommand, NotFoundError } from '../../../platform/commands.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { can } from '../../../platform/authz/policy.ts';
import { grantsOf } from '../../../platform/identity/repository.ts';
import { fieldError } from '../../../platform/validation.ts';
import type { Caller } from '../../../platform/web/request.ts';
import type { RotaInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import { INCIDENTS } from '../permissions.ts';
import type { IncidentsDeps } from './context.ts';

/**
 * The DPO names who deputises when they are away or out of hours: an IG officer, for given days. The deputy then gets
 * the escalations and may take the decisions to tell the ICO and the people affected.
 */
export async function addRotaEntry(deps: IncidentsDeps, caller: Caller, input: RotaInput) {
  authorize(caller.principal, INCIDENTS.rota);
  if (input.endsOn < input.startsOn) throw fieldError('endsOn', 'The cover cannot end before it starts');
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const [deputy] = await repo.usersByEmail(tx, [input.deputyEmail.toLowerCase()]);
    if (!deputy)
      throw fieldError('deputyEmail', `No member of staff has the e-mail address ${input.deputyEmail}`);
    const grants = (await grantsOf(tx, [deputy.id])).get(deputy.id) ?? [];
    const principal = { kind: 'user' as const, id: deputy.id, label: deputy.name, grants };
    if (!can(principal, INCIDENTS.decide))
      throw fieldError('deputyEmail', `${deputy.name} is not an IG officer, so cannot deputise for the DPO`);
    const entry = await repo.insertRota(tx, {
      deputyId: deputy.id,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    await audit({
      action: 'incident-rota.added',
      entityType: 'incident-rota',
      entityId: entry.id,
      details: { deputy: deputy.id, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return entry;
  });
}

export async function removeRotaEntry(deps: IncidentsDeps, caller: Caller, id: number) {
  authorize(caller.principal, INCIDENTS.rota);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const removed = await repo.deleteRota(tx, id);
    if (!removed) throw new NotFoundError('No such rota entry');
    await audit({ action: 'incident-rota.removed', entityType: 'incident-rota', entityId: id });
  });
}
