/**
 * A data protection impact assessment after screening: the ICO's seven steps, its risk matrix, the workflow from
 * assessment to sign-off, and the prior consultation with the ICO when high risk remains.
 *
 * Sources:
 * - UK GDPR Art 35(7) (what an assessment contains), Art 35(2) (the DPO's advice), Art 36(1)–(2) (prior consultation:
 *   the ICO replies within eight weeks, extendable by six).
 *   https://www.legislation.gov.uk/eur/2016/679/article/35 and /article/36
 * - ICO, "How do we do a DPIA?" and its sample template: the seven steps; likelihood remote / possible / probable,
 *   severity minimal / significant / severe, overall risk low / medium / high; each measure's effect eliminated /
 *   reduced / accepted and the residual risk.
 */
import { addDays } from '../calendar/dates.ts';

export const DPIA_STEPS = [
  {
    step: 1,
    title: 'Identify the need for a DPIA',
    hint: 'What the project aims to do, what processing it involves, and why a DPIA is needed.',
    mandatory: true,
  },
  {
    step: 2,
    title: 'Describe the processing',
    hint: 'Its nature (how data is collected, used, stored and deleted; its source; who it is shared with), its scope (the data, special categories, volume, frequency, retention, people affected, area), its context (the people’s relationship with the council, their control and expectations, any concerns) and its purposes.',
    mandatory: true,
  },
  {
    step: 3,
    title: 'Consultation',
    hint: 'Whose views were sought — the people affected or their representatives, staff, processors, experts — and what they said; or why they were not asked.',
    mandatory: false,
  },
  {
    step: 4,
    title: 'Assess necessity and proportionality',
    hint: 'The lawful basis; whether the processing achieves the purpose and there is no less intrusive way; how function creep is prevented, data minimised and kept accurate; how people are told and their rights supported; processors and transfers.',
    mandatory: true,
  },
  {
    step: 7,
    title: 'Sign off and outcomes',
    hint: 'Who keeps the assessment under review, and the actions that follow from it.',
    mandatory: false,
  },
] as const;
export type DpiaStep = (typeof DPIA_STEPS)[number]['step'];
export const DPIA_STEP_NUMBERS: readonly DpiaStep[] = DPIA_STEPS.map((s) => s.step);

export const LIKELIHOOD = { remote: 'Remote', possible: 'Possible', probable: 'Probable' } as const;
export type Likelihood = keyof typeof LIKELIHOOD;
export const SEVERITY = { minimal: 'Minimal', significant: 'Significant', severe: 'Severe' } as const;
export type Severity = keyof typeof SEVERITY;
export const RISK_LEVELS = { low: 'Low', medium: 'Medium', high: 'High' } as const;
export type RiskLevel = keyof typeof RISK_LEVELS;
export const MEASURE_EFFECTS = {
  eliminated: 'Eliminated',
  reduced: 'Reduced',
  accepted: 'Accepted',
} as const;
export type MeasureEffect = keyof typeof MEASURE_EFFECTS;

const SCORE = { remote: 1, possible: 2, probable: 3, minimal: 1, significant: 2, severe: 3 } as const;

/**
 * The overall risk of a likelihood and a severity on the ICO's three-by-three matrix, scored 1–3 each and multiplied:
 * 1–2 low, 3–4 medium, 6–9 high (so remote but severe is medium, and possible and severe is high). See
 * docs/domain-decisions.md for why the matrix is read this way.
 */
export function riskLevel(likelihood: Likelihood, severity: Severity): RiskLevel {
  const score = SCORE[likelihood] * SCORE[severity];
  return score <= 2 ? 'low' : score <= 4 ? 'medium' : 'high';
}

/** One risk as it stands after its measures: eliminated leaves nothing; otherwise its residual likelihood and severity. */
export interface AssessedRisk {
  likelihood: Likelihood;
  severity: Severity;
  effect: MeasureEffect | null;
  residualLikelihood: Likelihood | null;
  residualSeverity: Severity | null;
}

export function residualLevel(risk: AssessedRisk): RiskLevel | null {
  if (risk.effect === 'eliminated') return null;
  if (!risk.effect) return riskLevel(risk.likelihood, risk.severity);
  return riskLevel(risk.residualLikelihood ?? risk.likelihood, risk.residualSeverity ?? risk.severity);
}

/** Whether high risk remains once the measures are in place: then the ICO must be consulted first (Art 36(1)). */
export function needsPriorConsultation(risks: readonly AssessedRisk[]): boolean {
  return risks.some((r) => residualLevel(r) === 'high');
}

export const DPIA_STATUSES = {
  'screened-out': 'Not needed',
  assessment: 'Being assessed',
  'dpo-review': 'With the DPO',
  'sign-off': 'Awaiting sign-off',
  consultation: 'Consulting the ICO',
  approved: 'Signed off',
  rejected: 'Not to go ahead',
  superseded: 'Replaced by a later version',
} as const;
export type DpiaStatus = keyof typeof DPIA_STATUSES;

/** The whole state machine: each action, the states it may be taken from, and where it leads. */
export const DPIA_WORKFLOW = {
  assess: { from: ['screened-out'], to: 'assessment' },
  submit: { from: ['assessment'], to: 'dpo-review' },
  advise: { from: ['dpo-review'], to: 'sign-off' },
  return: { from: ['dpo-review', 'sign-off'], to: 'assessment' },
  approve: { from: ['sign-off'], to: 'approved' },
  consult: { from: ['sign-off'], to: 'consultation' },
  'record-reply': { from: ['consultation'], to: 'approved' },
  reject: { from: ['sign-off', 'consultation'], to: 'rejected' },
  supersede: { from: ['approved'], to: 'superseded' },
} as const satisfies Record<string, { from: readonly DpiaStatus[]; to: DpiaStatus }>;
export type DpiaAction = keyof typeof DPIA_WORKFLOW;

export function canTake(action: DpiaAction, status: DpiaStatus): boolean {
  return (DPIA_WORKFLOW[action].from as readonly DpiaStatus[]).includes(status);
}

/** What stops an assessment going to the DPO: every mandatory step written, and at least one risk assessed. */
export function submissionProblems(
  sections: ReadonlyMap<DpiaStep, string>,
  risks: readonly AssessedRisk[],
): string[] {
  const problems = DPIA_STEPS.filter((s) => s.mandatory && !sections.get(s.step)?.trim()).map(
    (s) => `Write step ${s.step}: ${s.title.toLowerCase()}`,
  );
  if (!risks.length) problems.push('Record at least one risk in step 5');
  for (const [i, r] of risks.entries())
    if (!r.effect) problems.push(`Say what the measures do to risk ${i + 1} in step 6`);
  return problems;
}

/**
 * When the ICO's written advice is due after a prior consultation: eight weeks from when it has the information,
 * fourteen where it has said the processing is complex and extended the period (Art 36(2)).
 */
export function consultationReplyDue(submittedOn: string, extended: boolean): string {
  return addDays(submittedOn, extended ? 14 * 7 : 8 * 7);
}

/**
 * What about a processing activity is material to its screening: a change to any of these asks for a new screening.
 * Names, reviews and wording elsewhere are not material.
 */
export function materialFingerprint(activity: {
  purposes: readonly string[];
  article6: string | null;
  dataSubjects: readonly string[];
  dataCategories: readonly string[];
  specialCategories: readonly string[];
  criminalOffenceData: boolean;
  recipients: readonly { name: string; external: boolean }[];
  transfers: readonly { country: string }[];
  automatedDecisions: string;
}): string {
  const sorted = (items: readonly string[]) => [...items].map((i) => i.trim().toLowerCase()).sort();
  return JSON.stringify([
    sorted(activity.purposes),
    activity.article6,
    sorted(activity.dataSubjects),
    sorted(activity.dataCategories),
    sorted(activity.specialCategories),
    activity.criminalOffenceData,
    sorted(activity.recipients.filter((r) => r.external).map((r) => r.name)),
    sorted(activity.transfers.map((t) => t.country)),
    activity.automatedDecisions.trim().toLowerCase(),
  ]);
}

/** What about an information asset is material to its screening: what it holds, and where and by whom it is held. */
export function assetFingerprint(asset: {
  personalData: boolean;
  dataCategories: readonly string[];
  specialCategories: readonly string[];
  criminalOffenceData: boolean;
  system: string;
  supplier: string;
  hosting: string;
  country: string;
}): string {
  const sorted = (items: readonly string[]) => [...items].map((i) => i.trim().toLowerCase()).sort();
  return JSON.stringify([
    asset.personalData,
    sorted(asset.dataCategories),
    sorted(asset.specialCategories),
    asset.criminalOffenceData,
    asset.system.trim().toLowerCase(),
    asset.supplier.trim().toLowerCase(),
    asset.hosting,
    asset.country.trim().toLowerCase(),
  ]);
}

/** What about a sharing agreement is material to its screening: what is shared, under which laws, how. */
export function agreementFingerprint(agreement: {
  gateways: readonly string[];
  dataItems: string;
  specialCategories: boolean;
  criminalOffenceData: boolean;
  method: string;
}): string {
  return JSON.stringify([
    [...agreement.gateways].sort(),
    agreement.dataItems.trim().toLowerCase(),
    agreement.specialCategories,
    agreement.criminalOffenceData,
    agreement.method.trim().toLowerCase(),
  ]);
}
