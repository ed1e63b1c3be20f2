import { runCommand, NotFoundError, ValidationError, type Audit } from '../../../platform/commands.ts';
import { authorize, can } from '../../../platform/authz/policy.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Tx } from '../../../platform/db/database.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { canTake, needsPriorConsultation, type DpiaAction } from '../../../domain/register/dpia.ts';
import type { SignOffInput } from '../inputs.ts';
import { REGISTER } from '../permissions.ts';
import * as repo from '../dpia-repository.ts';
import type { RegisterDeps } from './context.ts';

import { take } from './dpia-workflow.ts';

/** The DPO's advice (Art 35(2)); the assessment then waits for sign-off. */
export async function giveAdvice(
  deps: RegisterDeps,
  caller: Caller,
  dpia: { id: number; version: number },
  advice: string,
) {
  authorize(caller.principal, REGISTER.advise);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await repo.findDpia(tx, dpia.id);
    if (!current) throw new NotFoundError('No such impact assessment');
    await take(deps, tx, current, dpia.version, 'advise', {
      dpoAdvice: advice,
      dpoAdviceBy: caller.actor.label,
      dpoAdviceOn: londonToday(deps.clock),
    });
    await audit({ action: 'dpia.advised', entityType: 'dpia', entityId: dpia.id });
  });
}

/** Sends an assessment back to be written further, from the DPO or from sign-off. */
export async function returnForWork(
  deps: RegisterDeps,
  caller: Caller,
  dpia: { id: number; version: number },
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await repo.findDpia(tx, dpia.id);
    if (!current) throw new NotFoundError('No such impact assessment');
    const allowed =
      (current.status === 'dpo-review' && can(caller.principal, REGISTER.advise)) ||
      (current.status === 'sign-off' && can(caller.principal, REGISTER.signOff, current));
    authorize(caller.principal, allowed, undefined, 'Only the DPO or whoever signs it off can send it back');
    await take(deps, tx, current, dpia.version, 'return');
    await audit({
      action: 'dpia.returned',
      entityType: 'dpia',
      entityId: dpia.id,
      details: { from: current.status },
    });
  });
}

/**
 * Sign-off: whether the DPO's advice was followed and, if not, why; then the decision. Approval while a high risk
 * remains is not approval: it opens a prior consultation with the ICO (Art 36(1)), and the processing waits for it.
 * Approving a new version replaces the one before it.
 */
export async function signOff(
  deps: RegisterDeps,
  caller: Caller,
  dpia: { id: number; version: number },
  input: SignOffInput,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await repo.findDpia(tx, dpia.id);
    if (!current) throw new NotFoundError('No such impact assessment');
    authorize(caller.principal, REGISTER.signOff, current, 'You cannot sign off this assessment');
    if (input.decision === 'return') return returnForWorkIn(deps, tx, current, dpia.version, audit);
    const decided = {
      adviceFollowed: input.adviceFollowed === 'yes',
      adviceDecisionReason: input.reason ?? null,
      signedOffBy: caller.actor.label,
      signedOffOn: londonToday(deps.clock),
      reviewOn: input.reviewOn ?? null,
    };
    let action: DpiaAction = input.decision === 'reject' ? 'reject' : 'approve';
    if (action === 'approve' && needsPriorConsultation(await repo.risksOf(tx, dpia.id))) action = 'consult';
    const saved = await take(deps, tx, current, dpia.version, action, decided);
    if (saved.status === 'approved') await supersedePrevious(deps, tx, saved);
    await audit({
      action: `dpia.${action === 'consult' ? 'signed-off-for-consultation' : action === 'reject' ? 'rejected' : 'approved'}`,
      entityType: 'dpia',
      entityId: dpia.id,
      details: { adviceFollowed: decided.adviceFollowed },
    });
    return saved;
  });
}

async function returnForWorkIn(
  deps: RegisterDeps,
  tx: Tx,
  current: repo.DpiaRow,
  version: number,
  audit: Audit,
) {
  const saved = await take(deps, tx, current, version, 'return');
  await audit({
    action: 'dpia.returned',
    entityType: 'dpia',
    entityId: current.id,
    details: { from: current.status },
  });
  return saved;
}

async function supersedePrevious(deps: RegisterDeps, tx: Tx, dpia: repo.DpiaRow) {
  if (!dpia.previousId) return;
  const previous = await repo.findDpia(tx, dpia.previousId);
  if (previous && canTake('supersede', previous.status))
    await take(deps, tx, previous, previous.version, 'supersede');
}

/** Records sending the assessment to the ICO for prior consultation, or the ICO's extending its time to reply. */
export async function recordConsultation(
  deps: RegisterDeps,
  caller: Caller,
  dpia: { id: number; version: number },
  consultation: { submittedOn: string; icoReference?: string; extended: boolean },
) {
  authorize(caller.principal, REGISTER.manage);
  if (consultation.submittedOn > londonToday(deps.clock))
    throw new ValidationError('The date it was sent must be today or in the past');
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await repo.findDpia(tx, dpia.id);
    if (current?.status !== 'consultation') throw new ValidationError('This assessment is not with the ICO');
    await repo.updateDpia(
      tx,
      dpia,
      {
        consultationSubmittedOn: consultation.submittedOn,
        icoReference: consultation.icoReference ?? null,
        consultationExtended: consultation.extended,
      },
      deps.clock.now(),
    );
    await audit({
      action: 'dpia.consultation-recorded',
      entityType: 'dpia',
      entityId: dpia.id,
      details: { submittedOn: consultation.submittedOn, extended: consultation.extended },
    });
  });
}

/** The ICO's written advice: the processing goes ahead (the assessment is signed off) or it does not. */
export async function recordReply(
  deps: RegisterDeps,
  caller: Caller,
  dpia: { id: number; version: number },
  reply: { reply: string; repliedOn: string; proceed: 'yes' | 'no'; reviewOn?: string },
) {
  authorize(caller.principal, REGISTER.manage);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await repo.findDpia(tx, dpia.id);
    if (!current) throw new NotFoundError('No such impact assessment');
    if (!current.consultationSubmittedOn)
      throw new ValidationError('Record when it was sent to the ICO first');
    if (reply.repliedOn < current.consultationSubmittedOn)
      throw new ValidationError('The ICO cannot have replied before it was consulted');
    const saved = await take(
      deps,
      tx,
      current,
      dpia.version,
      reply.proceed === 'yes' ? 'record-reply' : 'reject',
      {
        icoReply: reply.reply,
        icoRepliedOn: reply.repliedOn,
        reviewOn: reply.reviewOn ?? current.reviewOn,
      },
    );
    if (saved.status === 'approved') await supersedePrevious(deps, tx, saved);
    await audit({
      action: 'dpia.ico-replied',
      entityType: 'dpia',
      entityId: dpia.id,
      details: { proceed: reply.proceed === 'yes' },
    });
  });
}
