import { breachRisk, type RiskLevel } from '../../domain/incidents/risk.ts';
import type { IncidentState } from '../../domain/incidents/workflow.ts';
import type { IncidentRow } from './repository.ts';

/** Special-category or criminal-offence data makes damage likely (EDPB). */
export const hasSensitiveData = (i: Pick<IncidentRow, 'specialCategories' | 'dataCategories'>) =>
  i.specialCategories.length > 0 || i.dataCategories.includes('criminal-offence');

/** The risk as assessed, or null before the assessment. */
export function riskOf(i: IncidentRow): RiskLevel | null {
  if (!i.likelihood || !i.severity) return null;
  return breachRisk({ likelihood: i.likelihood, severity: i.severity, sensitiveData: hasSensitiveData(i) });
}

/** The case as the workflow's rules read it. */
export function stateOf(i: IncidentRow, openActions: number): IncidentState {
  return {
    status: i.status,
    classification: i.classification,
    awareAt: i.awareAt,
    occurredAt: i.occurredAt,
    riskLevel: riskOf(i),
    icoDecision: i.icoDecision,
    icoReportedAt: i.icoReportedAt,
    subjectsDecision: i.subjectsDecision,
    openActions,
    lessonsReviewedAt: i.lessonsReviewedAt,
  };
}
