import { runCommand, ValidationError } from '../../../platform/commands.ts';
import { londonToday } from '../../../platform/clock.ts';
import { fieldError } from '../../../platform/validation.ts';
import type { Caller } from '../../../platform/web/request.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { icoDeadline, londonWords } from '../../../domain/incidents/ico-clock.ts';
import { isLate, subjectsDecisionProblem } from '../../../domain/incidents/workflow.ts';
import type { Section } from '../../../domain/incidents/ico-report.ts';
import type {
  IcoDecisionInput,
  IcoSubmissionInput,
  NotificationInput,
  SubjectsDecisionInput,
} from '../inputs.ts';
import * as repo from '../repository.ts';
import { riskOf } from '../case-state.ts';
import { caseToDecide, momentOf, notInFuture, openCase, type IncidentsDeps } from './context.ts';

const statusAfterDecisions = (i: repo.IncidentRow, ico: boolean, subjects: boolean) =>
  ico && subjects && (i.status === 'assessed' || i.status === 'triaged') ? ('decided' as const) : i.status;

/** Art 33: tell the ICO or not, and why — the DPO's decision (or the deputy's on the rota). */
export async function decideIco(deps: IncidentsDeps, caller: Caller, id: number, input: IcoDecisionInput) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await caseToDecide(deps, tx, caller, id, input.version);
    if (incident.icoReportedAt && input.decision === 'do-not-report')
      throw fieldError('decision', 'It has already been reported to the ICO: the decision cannot be undone');
    const now = deps.clock.now();
    const updated = await repo.updateIncident(
      tx,
      incident,
      {
        icoDecision: input.decision,
        icoReason: input.reason,
        icoDecidedBy: caller.principal.id,
        icoDecidedAt: now,
        status: statusAfterDecisions(incident, true, !!incident.subjectsDecision),
      },
      now,
    );
    await audit({
      action: 'incident.ico-decided',
      entityType: 'incident',
      entityId: id,
      details: { decision: input.decision, afterDeadline: isLate(incident.awareAt!, now) },
    });
    return updated;
  });
}

/**
 * A report made to the ICO through its online form: when it was sent, the ICO's reference, and the answers as they
 * stood. The first one stops the clock; one sent after the 72 hours must give the reasons for the delay.
 */
export async function recordIcoSubmission(
  deps: IncidentsDeps,
  caller: Caller,
  id: number,
  input: IcoSubmissionInput,
  sectionsOf: (tx: Tx, incident: repo.IncidentRow, at: Date) => Promise<Section[]>,
) {
  const submittedAt = momentOf(input.submittedOn, input.submittedTime, 'submitted', 'it was sent')!;
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await caseToDecide(deps, tx, caller, id, input.version);
    if (incident.icoDecision !== 'report')
      throw fieldError('phase', 'Record the decision to report it to the ICO first');
    notInFuture(submittedAt, deps.clock.now(), 'submittedOn', 'it was sent');
    if (submittedAt < incident.awareAt!)
      throw fieldError(
        'submittedOn',
        'It cannot have been sent before the council became aware of the breach',
      );
    const initial = input.phase === 'initial';
    if (initial && incident.icoReportedAt)
      throw fieldError('phase', 'The first report has been recorded: record this one as a follow-up');
    if (!initial && !incident.icoReportedAt)
      throw fieldError('phase', 'Record the first report before a follow-up');
    const reference = input.icoReference ?? incident.icoReference;
    if (!initial && !reference)
      throw fieldError('icoReference', 'Enter the ICO’s case reference for a follow-up');
    if (initial && isLate(incident.awareAt!, submittedAt) && !input.delayReason)
      throw fieldError(
        'delayReason',
        `It was sent after the 72 hours ended at ${londonWords(icoDeadline(incident.awareAt!))}: give the reasons for the delay`,
      );
    const now = deps.clock.now();
    const updated = await repo.updateIncident(
      tx,
      incident,
      {
        icoReportedAt: incident.icoReportedAt ?? submittedAt,
        icoReference: reference ?? null,
        delayReason: initial ? (input.delayReason ?? '') : incident.delayReason,
      },
      now,
    );
    await repo.insertIcoReport(tx, {
      incidentId: id,
      phase: input.phase,
      submittedAt,
      submittedBy: caller.principal.id,
      sections: await sectionsOf(tx, updated, submittedAt),
    });
    await audit({
      action: 'incident.ico-reported',
      entityType: 'incident',
      entityId: id,
      details: {
        phase: input.phase,
        late: isLate(incident.awareAt!, submittedAt),
        icoReference: reference ?? null,
      },
    });
    return updated;
  });
}

/** Art 34: tell the people affected or not, and why; not telling them of a high risk needs a 34(3) exemption. */
export async function decideSubjects(
  deps: IncidentsDeps,
  caller: Caller,
  id: number,
  input: SubjectsDecisionInput,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await caseToDecide(deps, tx, caller, id, input.version);
    const problem = subjectsDecisionProblem(input.decision, riskOf(incident), input.exemption ?? null);
    if (problem) throw fieldError('exemption', problem);
    if (input.toldOn && input.toldOn > londonToday(deps.clock))
      throw fieldError('toldOn', 'The day they were told cannot be in the future');
    if (input.decision === 'do-not-tell' && input.toldOn)
      throw fieldError('toldOn', 'Leave the day out when they are not being told');
    const now = deps.clock.now();
    const updated = await repo.updateIncident(
      tx,
      incident,
      {
        subjectsDecision: input.decision,
        subjectsReason: input.reason,
        art34Exemption: input.decision === 'do-not-tell' ? (input.exemption ?? null) : null,
        subjectsToldOn: input.decision === 'tell' ? (input.toldOn ?? null) : null,
        subjectsDecidedBy: caller.principal.id,
        status: statusAfterDecisions(incident, !!incident.icoDecision, true),
      },
      now,
    );
    await audit({
      action: 'incident.subjects-decided',
      entityType: 'incident',
      entityId: id,
      details: { decision: input.decision, exemption: input.exemption ?? null },
    });
    return updated;
  });
}

/** Another body told: the police, the NCSC, Action Fraud, the DSPT tool, a partner — with the day and their reference. */
export async function addNotification(
  deps: IncidentsDeps,
  caller: Caller,
  id: number,
  input: NotificationInput,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await openCase(tx, caller, id);
    if (input.toldOn > londonToday(deps.clock))
      throw fieldError('toldOn', 'The day they were told cannot be in the future');
    if (incident.status === 'reported') throw new ValidationError('Triage the report first');
    const row = await repo.insertNotification(tx, {
      incidentId: id,
      body: input.body,
      name: input.name ?? '',
      toldOn: input.toldOn,
      reference: input.reference ?? null,
    });
    await audit({
      action: 'incident.body-told',
      entityType: 'incident',
      entityId: id,
      details: { body: input.body, notification: row.id },
    });
    return row;
  });
}
