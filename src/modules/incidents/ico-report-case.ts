import type { IcoReportCase } from '../../domain/incidents/ico-report.ts';
import type { IncidentRow, NotificationRow } from './repository.ts';

/** The case's facts in the shape the ICO report is written from. */
export function icoReportCase(
  incident: IncidentRow,
  actions: { action: { kind: string; description: string } }[],
  notifications: NotificationRow[],
): IcoReportCase {
  return {
    reference: incident.reference,
    summary: incident.summary,
    howFound: incident.howFound || null,
    occurredAt: incident.occurredAt,
    discoveredAt: incident.discoveredAt,
    awareAt: incident.awareAt!,
    ongoing: incident.ongoing,
    breachTypes: incident.breachTypes,
    cause: incident.cause,
    dataCategories: incident.dataCategories,
    specialCategories: incident.specialCategories,
    peopleApprox: incident.peopleApprox,
    peopleCount: incident.peopleCount,
    recordsApprox: incident.recordsApprox,
    recordsCount: incident.recordsCount,
    subjectCategories: incident.subjectCategories,
    consequences: incident.consequences || null,
    likelihood: incident.likelihood,
    severity: incident.severity,
    riskRationale: incident.riskRationale || null,
    staffTraining: incident.staffTraining,
    measuresBefore: incident.measuresBefore || null,
    containment: [
      ...(incident.doneSoFar ? [incident.doneSoFar] : []),
      ...actions.filter((a) => a.action.kind === 'containment').map((a) => a.action.description),
    ],
    subjectsDecision: incident.subjectsDecision,
    subjectsReason: incident.subjectsReason || null,
    art34Exemption: incident.art34Exemption,
    subjectsToldOn: incident.subjectsToldOn,
    processor: incident.processor || null,
    othersTold: notifications.map((n) => ({ body: n.body, toldOn: n.toldOn, reference: n.reference })),
    icoReference: incident.icoReference,
    delayReason: incident.delayReason || null,
  };
}
