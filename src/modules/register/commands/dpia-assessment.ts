import { runCommand, ConflictError, NotFoundError, ValidationError } from '../../../platform/commands.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { screenForDpia } from '../../../domain/register/dpia-screening.ts';
import { submissionProblems, type DpiaStep } from '../../../domain/register/dpia.ts';
import type { RiskInput, ScreeningInput } from '../inputs.ts';
import { canEditEntry } from '../policy.ts';
import * as repo from '../dpia-repository.ts';
import type { RegisterDeps } from './context.ts';

import { editable, take, YOU_CANNOT } from './dpia-workflow.ts';

/**
 * Screens a new project or change: the answers give the outcome and its reasons (DOMAIN.md's rule). One that needs no
 * assessment is kept as screened out, with its reasons; one that does opens at step 1.
 */
export async function screen(
  deps: RegisterDeps,
  caller: Caller,
  input: ScreeningInput,
  fingerprint: string | null,
) {
  authorize(
    caller.principal,
    canEditEntry(caller.principal, { directorateId: input.directorateId }),
    undefined,
    YOU_CANNOT,
  );
  const answers = { article35: input.article35, ico: input.ico, wp248: input.wp248 } as Parameters<
    typeof screenForDpia
  >[0];
  const result = screenForDpia(answers);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const dpia = await repo.insertDpia(tx, {
      title: input.title,
      directorateId: input.directorateId ?? null,
      status: result.outcome === 'not-needed' ? 'screened-out' : 'assessment',
      activityId: input.activityId ?? null,
      assetId: input.assetId ?? null,
      agreementId: input.agreementId ?? null,
      screenedFingerprint: fingerprint,
      screening: answers,
      screeningOutcome: result.outcome,
      screeningReasons: result.reasons,
      screenedBy: caller.actor.label,
      screenedOn: londonToday(deps.clock),
    });
    await audit({
      action: 'dpia.screened',
      entityType: 'dpia',
      entityId: dpia.id,
      details: {
        outcome: result.outcome,
        activityId: input.activityId,
        assetId: input.assetId,
        agreementId: input.agreementId,
      },
    });
    return dpia;
  });
}

/** Goes on to a full assessment although screening said none was needed. */
export async function assessAnyway(
  deps: RegisterDeps,
  caller: Caller,
  dpia: { id: number; version: number },
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await editable(tx, caller, dpia.id);
    await take(deps, tx, current, dpia.version, 'assess');
    await audit({ action: 'dpia.assessment-started', entityType: 'dpia', entityId: dpia.id });
  });
}

/**
 * Saves a step as a new revision. It must be written from the latest revision: if someone else saved the step since
 * it was opened, nothing is saved and the writer is told, so neither overwrites the other.
 */
export async function saveSection(
  deps: RegisterDeps,
  caller: Caller,
  target: { dpiaId: number; step: DpiaStep },
  section: { text: string; basedOn: number },
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const dpia = await editable(tx, caller, target.dpiaId);
    if (dpia.status !== 'assessment')
      throw new ValidationError('The assessment can be written only while it is being assessed');
    const latest = await repo.latestRevision(tx, dpia.id, target.step);
    if (latest !== section.basedOn)
      throw new ConflictError(
        'Someone else saved this step while you were writing it. Nothing has been saved: their version is shown below — add your changes to it and save again.',
      );
    await repo.insertSection(tx, {
      dpiaId: dpia.id,
      step: target.step,
      revision: latest + 1,
      text: section.text,
      savedBy: caller.actor.label,
      savedAt: deps.clock.now(),
    });
    await audit({
      action: 'dpia.step-saved',
      entityType: 'dpia',
      entityId: dpia.id,
      details: { step: target.step, revision: latest + 1 },
    });
    return latest + 1;
  });
}

/** Adds a risk to the register of an assessment being written, or changes one. */
export async function saveRisk(
  deps: RegisterDeps,
  caller: Caller,
  dpiaId: number,
  input: RiskInput,
  riskId?: number,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const dpia = await editable(tx, caller, dpiaId);
    if (dpia.status !== 'assessment')
      throw new ValidationError('Risks can be changed only while the assessment is being written');
    const values = {
      description: input.description,
      likelihood: input.likelihood,
      severity: input.severity,
      measures: input.measures ?? '',
      effect: input.effect ?? null,
      residualLikelihood: input.effect === 'eliminated' ? null : (input.residualLikelihood ?? null),
      residualSeverity: input.effect === 'eliminated' ? null : (input.residualSeverity ?? null),
      actionOwner: input.actionOwner ?? '',
      actionDueOn: input.actionDueOn ?? null,
    };
    const risk = riskId
      ? await repo.updateRisk(tx, { id: riskId, dpiaId }, values)
      : await repo.insertRisk(tx, { ...values, dpiaId });
    if (!risk) throw new NotFoundError('No such risk in this assessment');
    await audit({
      action: riskId ? 'dpia.risk-changed' : 'dpia.risk-added',
      entityType: 'dpia',
      entityId: dpiaId,
      details: { risk: risk.id, likelihood: risk.likelihood, severity: risk.severity, effect: risk.effect },
    });
    return risk;
  });
}

/** Sends a written assessment to the DPO; refused, with what is missing, while a mandatory step or a risk is not done. */
export async function submitToDpo(deps: RegisterDeps, caller: Caller, dpia: { id: number; version: number }) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await editable(tx, caller, dpia.id);
    const sections = new Map<DpiaStep, string>();
    for (const s of await repo.sectionsOf(tx, dpia.id))
      if (!sections.has(s.step)) sections.set(s.step, s.text);
    const problems = submissionProblems(sections, await repo.risksOf(tx, dpia.id));
    if (problems.length) throw new ValidationError(`Before it goes to the DPO: ${problems.join('; ')}`);
    await take(deps, tx, current, dpia.version, 'submit');
    await audit({ action: 'dpia.submitted', entityType: 'dpia', entityId: dpia.id });
  });
}

/**
 * A new version of a signed assessment, for a review or a change: the same screening, steps and risks to start from,
 * written and signed again; the signed one stays in force until the new one is signed off.
 */
export async function newVersion(
  deps: RegisterDeps,
  caller: Caller,
  dpiaId: number,
  fingerprint: string | null,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const current = await editable(tx, caller, dpiaId);
    if (current.status !== 'approved')
      throw new ValidationError('Only a signed-off assessment has new versions');
    const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...kept } = current;
    const next = await repo.insertDpia(tx, {
      ...kept,
      status: 'assessment',
      edition: current.edition + 1,
      previousId: current.id,
      screenedFingerprint: fingerprint ?? current.screenedFingerprint,
      dpoAdvice: null,
      dpoAdviceBy: null,
      dpoAdviceOn: null,
      adviceFollowed: null,
      adviceDecisionReason: null,
      signedOffBy: null,
      signedOffOn: null,
      consultationSubmittedOn: null,
      consultationExtended: false,
      icoReference: null,
      icoReply: null,
      icoRepliedOn: null,
    });
    const seen = new Set<number>();
    for (const s of await repo.sectionsOf(tx, dpiaId))
      if (!seen.has(s.step)) {
        seen.add(s.step);
        await repo.insertSection(tx, { ...s, dpiaId: next.id, revision: 1, savedAt: deps.clock.now() });
      }
    for (const { id: _riskId, ...risk } of await repo.risksOf(tx, dpiaId))
      await repo.insertRisk(tx, { ...risk, dpiaId: next.id });
    await audit({
      action: 'dpia.new-version',
      entityType: 'dpia',
      entityId: next.id,
      details: { previous: dpiaId, edition: next.edition },
    });
    return next;
  });
}
