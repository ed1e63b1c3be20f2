/**
 * Where a reported incident stands and what may happen next. A report is triaged (what it is, and when the council
 * became aware); a personal-data breach is then assessed, and the DPO decides whether the ICO is told (Art 33) and,
 * separately, whether the people are (Art 34); actions contain it, put it right and stop it recurring; a lessons
 * review comes before it closes. Every breach is kept whether reported or not (Art 33(5)).
 */
import type { Classification, Art34Exemption } from './taxonomy.ts';
import { icoDeadline } from './ico-clock.ts';
import type { RiskLevel } from './risk.ts';

export const INCIDENT_STATUSES = {
  reported: 'Waiting for triage',
  triaged: 'Being assessed',
  assessed: 'Assessed',
  decided: 'Decided',
  closed: 'Closed',
} as const;
export type IncidentStatus = keyof typeof INCIDENT_STATUSES;

export interface IncidentState {
  status: IncidentStatus;
  classification: Classification | null;
  awareAt: Date | null;
  occurredAt: Date | null;
  riskLevel: RiskLevel | null;
  icoDecision: 'report' | 'do-not-report' | null;
  /** When the first report reached the ICO. */
  icoReportedAt: Date | null;
  subjectsDecision: 'tell' | 'do-not-tell' | null;
  openActions: number;
  lessonsReviewedAt: Date | null;
}

/** The ICO's deadline, while it matters: a breach whose initial report (or decision not to report) has not been made. */
export function runningDeadline(s: IncidentState): Date | null {
  if (s.classification !== 'breach' || !s.awareAt || s.status === 'closed') return null;
  if (s.icoReportedAt || s.icoDecision === 'do-not-report') return null;
  return icoDeadline(s.awareAt);
}

/** Whether the awareness moment is one the council can have had: not in the future, not before the incident. */
export function awarenessProblem(aware: Date, occurredAt: Date | null, now: Date): string | null {
  if (aware.getTime() > now.getTime()) return 'The council cannot have become aware of it in the future';
  if (occurredAt && aware.getTime() < occurredAt.getTime())
    return 'The council cannot have become aware of it before it happened: check both times';
  return null;
}

/** What still stands between the case and closing it, in the words the officer will see. */
export function closureProblems(s: IncidentState): string[] {
  const problems: string[] = [];
  if (s.status === 'closed') return ['It is already closed'];
  if (s.status === 'reported') problems.push('Triage it first');
  if (s.classification === 'breach') {
    if (!s.riskLevel) problems.push('Assess the risk to the people affected');
    if (!s.icoDecision) problems.push('Record whether the ICO is told, and why');
    if (s.icoDecision === 'report' && !s.icoReportedAt) problems.push('Record the report made to the ICO');
    if (!s.subjectsDecision) problems.push('Record whether the people affected are told, and why');
  }
  if (s.openActions > 0)
    problems.push(
      `Finish or close its ${s.openActions === 1 ? 'open action' : `${s.openActions} open actions`}`,
    );
  if (s.classification !== 'not-an-incident' && !s.lessonsReviewedAt)
    problems.push('Hold the lessons-learned review and record what was learned');
  return problems;
}

/** Art 34(3): not telling the people of a high-risk breach needs one of its exemptions. */
export function subjectsDecisionProblem(
  decision: 'tell' | 'do-not-tell',
  riskLevel: RiskLevel | null,
  exemption: Art34Exemption | null,
): string | null {
  if (decision === 'do-not-tell' && riskLevel === 'high' && !exemption)
    return 'The risk is high, so the people must be told unless an Art 34(3) exemption applies: choose the one used';
  return null;
}

/** A report made after the 72 hours is late and must say why (Art 33(1)). */
export function isLate(awareAt: Date, reportedAt: Date): boolean {
  return reportedAt.getTime() > icoDeadline(awareAt).getTime();
}
