import { runCommand } from '../../../platform/commands.ts';
import { fieldError } from '../../../platform/validation.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { icoDeadline, londonMinute, londonWords } from '../../../domain/incidents/ico-clock.ts';
import { breachRisk, enisaScore, type EnisaInput } from '../../../domain/incidents/risk.ts';
import { awarenessProblem } from '../../../domain/incidents/workflow.ts';
import type { AssessInput, TriageInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import { momentOf, openCase, type IncidentsDeps } from './context.ts';

/**
 * Triage: what the report is, and the moment the council became aware of it — which, for a personal-data breach,
 * starts the ICO's 72 hours. It can be corrected until the ICO decision is made.
 */
export async function triageIncident(deps: IncidentsDeps, caller: Caller, id: number, input: TriageInput) {
  const awareAt = momentOf(input.awareOn, input.awareTime, 'aware', 'the council became aware of it')!;
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await openCase(tx, caller, id, input.version);
    if (incident.icoDecision || incident.subjectsDecision)
      throw fieldError(
        'classification',
        'The decisions have been made on this case: its triage can no longer change',
      );
    const problem = awarenessProblem(awareAt, incident.occurredAt, deps.clock.now());
    if (problem) throw fieldError('awareOn', problem);
    const now = deps.clock.now();
    const updated = await repo.updateIncident(
      tx,
      incident,
      {
        classification: input.classification,
        awareAt,
        triagedAt: incident.triagedAt ?? now,
        triagedBy: incident.triagedBy ?? caller.principal.id,
        handlerId: incident.handlerId ?? caller.principal.id,
        directorateId: input.directorateId ?? null,
        service: input.service ?? '',
        triageNote: input.triageNote ?? '',
        status: incident.status === 'reported' ? 'triaged' : incident.status,
      },
      now,
    );
    const breach = input.classification === 'breach';
    await audit({
      action: incident.triagedAt ? 'incident.triage-changed' : 'incident.triaged',
      entityType: 'incident',
      entityId: id,
      details: {
        classification: input.classification,
        aware: londonMinute(awareAt),
        ...(breach ? { icoDue: londonMinute(icoDeadline(awareAt)) } : {}),
      },
    });
    if (breach && !incident.triagedAt)
      for (const dpo of await repo.activeWithRole(tx, 'dpo'))
        await deps.mail.queue(tx, {
          to: dpo.email,
          subject: `Personal-data breach ${incident.reference}: ICO deadline ${londonWords(icoDeadline(awareAt))}`,
          body: `${incident.reference} has been triaged as a personal-data breach. If it is likely to result in a risk to people, the ICO must be told by ${londonWords(icoDeadline(awareAt))}. The decision is yours (or your deputy's on the rota).`,
          entityType: 'incident',
          entityId: id,
        });
    return updated;
  });
}

/** Whether the ENISA fields were all given (then scored), none (no score), or some (an error on the first missing). */
function enisaOf(input: AssessInput): EnisaInput | null {
  const fields = {
    dataContext: input.enisaDataContext,
    adjustment: input.enisaAdjustment,
    identification: input.enisaIdentification,
    confidentiality: input.enisaConfidentiality,
    integrity: input.enisaIntegrity,
    availability: input.enisaAvailability,
  };
  const given = Object.values(fields).filter((v) => v !== undefined).length;
  if (given === 0) return null;
  const missing = Object.entries(fields).find(([, v]) => v === undefined);
  if (missing)
    throw fieldError(
      `enisa${missing[0][0]!.toUpperCase()}${missing[0].slice(1)}`,
      'Answer every part of the ENISA score, or leave all of them out',
    );
  return { ...(fields as Omit<EnisaInput, 'malicious'>), malicious: input.enisaMalicious };
}

/** The assessment: what kind of breach, of what, about whom, and the risk it poses with the reasons. */
export async function assessIncident(deps: IncidentsDeps, caller: Caller, id: number, input: AssessInput) {
  const enisa = enisaOf(input);
  const emails = [
    ...new Set(
      (input.staffEmails ?? '')
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (emails.length > 50) throw fieldError('staffEmails', 'Name 50 members of staff at most');
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await openCase(tx, caller, id, input.version);
    if (incident.status === 'reported') throw fieldError('cause', 'Triage the report before assessing it');
    const staff = await repo.usersByEmail(tx, emails);
    const unknown = emails.filter((e) => !staff.some((s) => s.email === e));
    if (unknown.length)
      throw fieldError('staffEmails', `No member of staff has the e-mail address ${unknown[0]}: check it`);
    const now = deps.clock.now();
    const updated = await repo.updateIncident(
      tx,
      incident,
      {
        howFound: input.howFound ?? '',
        breachTypes: input.breachTypes,
        cause: input.cause,
        dataCategories: input.dataCategories,
        specialCategories: input.specialCategories,
        subjectCategories: input.subjectCategories,
        peopleCount: input.peopleCount ?? null,
        recordsCount: input.recordsCount ?? null,
        children: input.children,
        vulnerableAdults: input.vulnerableAdults,
        processor: input.processor ?? '',
        consequences: input.consequences,
        measuresBefore: input.measuresBefore ?? '',
        likelihood: input.likelihood,
        severity: input.severity,
        riskRationale: input.riskRationale,
        enisa,
        staffInvolved: staff.map((s) => s.id),
        staffTraining: input.staffTraining,
        assessedAt: now,
        status: incident.status === 'triaged' ? 'assessed' : incident.status,
      },
      now,
    );
    const risk = breachRisk({
      likelihood: input.likelihood,
      severity: input.severity,
      sensitiveData: input.specialCategories.length > 0 || input.dataCategories.includes('criminal-offence'),
    });
    await audit({
      action: 'incident.assessed',
      entityType: 'incident',
      entityId: id,
      details: {
        cause: input.cause,
        types: input.breachTypes,
        risk,
        ...(enisa ? { enisa: enisaScore(enisa).score } : {}),
        staffInvolved: staff.length,
      },
    });
    return updated;
  });
}
