import { runCommand, NotFoundError, ValidationError } from '../../../platform/commands.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { fieldError } from '../../../platform/validation.ts';
import type { PartyInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import * as sharing from '../sharing-repository.ts';
import { canEditEntry } from '../policy.ts';
import type { RegisterDeps } from './context.ts';

const YOU_CANNOT = 'You can change only the sharing agreements of your own directorate';

/** The agreement, if the caller may change it: found, in their reach, and not terminated. */
async function editable(tx: Tx, caller: Caller, id: number) {
  const agreement = await sharing.findAgreement(tx, id);
  if (!agreement) throw new NotFoundError('No such agreement');
  authorize(caller.principal, canEditEntry(caller.principal, agreement), undefined, YOU_CANNOT);
  return agreement;
}

/**
 * Adds an agreement, or changes its terms if nobody has changed it since it was read. A purpose-specific agreement may
 * sit only under a protocol; every activity it covers must exist.
 */
export async function saveAgreement(
  deps: RegisterDeps,
  caller: Caller,
  change: { values: sharing.AgreementValues; activityIds: number[] },
  existing?: { id: number; version: number },
) {
  authorize(caller.principal, canEditEntry(caller.principal, change.values), undefined, YOU_CANNOT);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    if (change.values.parentId) {
      const parent = await sharing.findAgreement(tx, change.values.parentId);
      if (parent?.tier !== 'protocol' || parent.id === existing?.id)
        throw fieldError('parentId', 'Choose an overarching protocol for it to sit under');
    }
    const activities = new Set(change.activityIds);
    const found = await repo.activities(tx, { scope: 'all', ids: [...activities] });
    if (found.length !== activities.size)
      throw fieldError('activityIds', 'One of the processing activities chosen is no longer in the register');
    let agreement: sharing.AgreementRow;
    if (existing) {
      const current = await editable(tx, caller, existing.id);
      if (current.terminatedOn)
        throw new ValidationError('This agreement has been terminated: record a new one');
      agreement = await sharing.updateAgreement(tx, existing, change.values, deps.clock.now());
    } else agreement = await sharing.insertAgreement(tx, change.values);
    await sharing.setAgreementActivities(tx, agreement.id, [...activities]);
    await audit({
      action: existing ? 'sharing-agreement.changed' : 'sharing-agreement.added',
      entityType: 'sharing-agreement',
      entityId: agreement.id,
      details: { tier: agreement.tier, gateways: agreement.gateways, activities: activities.size },
    });
    return agreement;
  });
}

export async function addParty(deps: RegisterDeps, caller: Caller, agreementId: number, input: PartyInput) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const agreement = await editable(tx, caller, agreementId);
    const parties = await sharing.partiesOf(tx, [agreement.id]);
    if (parties.some((p) => p.organisation.toLowerCase() === input.organisation.toLowerCase()))
      throw fieldError('organisation', `${input.organisation} is already a party to this agreement`);
    const party = await sharing.insertParty(tx, {
      agreementId,
      organisation: input.organisation,
      role: input.role,
      article6: input.article6 ?? null,
      article9: input.article9 ?? null,
      article10: input.article10,
    });
    await audit({
      action: 'sharing-agreement.party-added',
      entityType: 'sharing-agreement',
      entityId: agreementId,
      details: { party: party.id, role: party.role },
    });
    return party;
  });
}

/** Records who signed for a party and when; a signature cannot be dated in the future. */
export async function signForParty(
  deps: RegisterDeps,
  caller: Caller,
  party: { agreementId: number; id: number },
  signature: { signatory: string; signedOn: string },
) {
  if (signature.signedOn > londonToday(deps.clock))
    throw fieldError('signedOn', 'The date it was signed must be today or in the past');
  return runCommand(deps, caller.actor, async (tx, audit) => {
    await editable(tx, caller, party.agreementId);
    const signed = await sharing.signParty(tx, party, signature);
    if (!signed) throw new NotFoundError('No such party to this agreement');
    await audit({
      action: 'sharing-agreement.signed',
      entityType: 'sharing-agreement',
      entityId: party.agreementId,
      details: { party: party.id, signedOn: signature.signedOn },
    });
  });
}

export async function removeParty(
  deps: RegisterDeps,
  caller: Caller,
  party: { agreementId: number; id: number },
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    await editable(tx, caller, party.agreementId);
    const removed = await sharing.deleteParty(tx, party);
    if (!removed) throw new NotFoundError('No such party to this agreement');
    await audit({
      action: 'sharing-agreement.party-removed',
      entityType: 'sharing-agreement',
      entityId: party.agreementId,
      details: { party: party.id, wasSigned: !!removed.signedOn },
    });
  });
}

/** Ends an agreement early, with the reason; it stays on record. */
export async function terminateAgreement(
  deps: RegisterDeps,
  caller: Caller,
  agreement: { id: number; version: number },
  termination: { terminatedOn: string; reason: string },
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await editable(tx, caller, agreement.id);
    if (current.terminatedOn) throw new ValidationError('This agreement has already been terminated');
    if (termination.terminatedOn < current.startsOn)
      throw fieldError('terminatedOn', 'An agreement cannot end before it starts');
    await sharing.updateAgreement(
      tx,
      agreement,
      { terminatedOn: termination.terminatedOn, terminationReason: termination.reason },
      deps.clock.now(),
    );
    await audit({
      action: 'sharing-agreement.terminated',
      entityType: 'sharing-agreement',
      entityId: agreement.id,
      details: { terminatedOn: termination.terminatedOn },
    });
  });
}
