import { runCommand } from '../../../platform/commands.ts';
import type { Actor } from '../../../platform/audit/service.ts';
import { fieldError } from '../../../platform/validation.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { addWorkingHours } from '../../../domain/incidents/ico-clock.ts';
import type { PublicReportInput, ReportInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import { momentOf, notInFuture, type IncidentsDeps } from './context.ts';

export type ReportFrom = { kind: 'staff'; userId: number } | { kind: 'public' };

/**
 * Logs a report as sent, in one transaction: nothing is saved of a form that fails its checks, and everything typed
 * is shown again. The IG team is told at once; the clock for triage (four working hours) starts now.
 */
export async function reportIncident(
  deps: IncidentsDeps,
  actor: Actor,
  from: ReportFrom,
  input: ReportInput | PublicReportInput,
) {
  const now = deps.clock.now();
  const occurredAt = momentOf(input.occurredOn, input.occurredTime, 'occurred', 'it happened');
  const discoveredAt = momentOf(input.discoveredOn, input.discoveredTime, 'discovered', 'it was found');
  notInFuture(occurredAt, now, 'occurredOn', 'it happened');
  notInFuture(discoveredAt, now, 'discoveredOn', 'it was found');
  if (occurredAt && discoveredAt && discoveredAt < occurredAt)
    throw fieldError('discoveredOn', 'It cannot have been found before it happened: check both times');
  const calendar = await deps.calendar.current();
  return runCommand(deps, actor, async (tx, audit) => {
    const staff = from.kind === 'staff' ? (input as ReportInput) : undefined;
    const publicInput = from.kind === 'public' ? (input as PublicReportInput) : undefined;
    const incident = await repo.insertIncident(tx, {
      reporterKind: from.kind,
      reportedBy: from.kind === 'staff' ? from.userId : null,
      contactName: publicInput?.contactName ?? null,
      contactEmail: publicInput?.contactEmail?.toLowerCase() ?? null,
      reportedAt: now,
      summary: input.summary,
      occurredAt,
      discoveredAt,
      peopleApprox: input.people,
      recordsApprox: input.records ?? null,
      informationKinds: input.informationKinds ?? '',
      ongoing: input.ongoing,
      doneSoFar: input.doneSoFar ?? '',
      nearMissReported: staff?.nearMiss ?? false,
      directorateId: staff?.directorateId ?? null,
      service: input.service ?? '',
      triageDueAt: addWorkingHours(calendar, now, 4),
    });
    await audit({
      action: 'incident.reported',
      entityType: 'incident',
      entityId: incident.id,
      details: { reporterKind: from.kind, nearMiss: incident.nearMissReported, ongoing: incident.ongoing },
    });
    await tellTheTeam(deps, tx, incident);
    if (incident.contactEmail)
      await deps.mail.queue(tx, {
        to: incident.contactEmail,
        subject: `We have your report: ${incident.reference}`,
        body: [
          'Thank you for telling us about a concern with how we have handled personal data.',
          `Your reference is ${incident.reference}. Our information governance team will look at it within one working day and contact you if they need to know more.`,
          'If it is still happening or you learn more, reply quoting your reference.',
        ].join('\n\n'),
        entityType: 'incident',
        entityId: incident.id,
      });
    return incident;
  });
}

/** The DPO and IG officers hear of every report at once: the ICO clock may already be running. */
async function tellTheTeam(deps: IncidentsDeps, tx: Tx, incident: repo.IncidentRow) {
  const team = [...(await repo.activeWithRole(tx, 'dpo')), ...(await repo.activeWithRole(tx, 'ig_officer'))];
  const addresses = [...new Set(team.map((p) => p.email))];
  for (const to of addresses)
    await deps.mail.queue(tx, {
      to,
      subject: `New incident reported: ${incident.reference}${incident.ongoing === 'yes' ? ' (still happening)' : ''}`,
      body: [
        `An incident has been reported (${incident.reference}). Triage it in Custodian under Incidents: if it is a personal-data breach, the ICO must be told within 72 hours of the council becoming aware of it.`,
        'This message holds no details of the incident: read them in Custodian.',
      ].join('\n\n'),
      entityType: 'incident',
      entityId: incident.id,
    });
}
