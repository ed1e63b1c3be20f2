/**
 * The risk a breach poses to the people it is about (research/compliance.md §1.1). The ICO weighs the severity of the
 * likely consequences with their likelihood; a severe one makes the risk high "even if [it is] unlikely"; the EDPB
 * says damage "should be considered likely" when special-category or criminal-offence data is involved. The outcome
 * says what Art 33 and 34 then ask. ENISA's score (SE = DPC × EI + CB) is offered alongside, never instead.
 */
import {
  LIKELIHOOD,
  SEVERITY,
  riskLevel,
  type Likelihood,
  type RiskLevel,
  type Severity,
} from '../register/dpia.ts';

export { LIKELIHOOD, SEVERITY, type Likelihood, type Severity, type RiskLevel };

export interface RiskFacts {
  likelihood: Likelihood;
  severity: Severity;
  /** Special-category or criminal-offence data is among what was breached. */
  sensitiveData: boolean;
}

/** The likelihood the assessment goes on: at least "probable" for special-category or criminal-offence data. */
export function effectiveLikelihood(facts: RiskFacts): Likelihood {
  return facts.sensitiveData ? 'probable' : facts.likelihood;
}

export function breachRisk(facts: RiskFacts): RiskLevel {
  if (facts.severity === 'severe') return 'high';
  return riskLevel(effectiveLikelihood(facts), facts.severity);
}

/** What the risk asks of the council under Arts 33 and 34. */
export const RISK_OUTCOMES: Record<RiskLevel, string> = {
  low: 'Unlikely to result in a risk to people: record it (Art 33(5)); the ICO need not be told',
  medium: 'A risk to people: report it to the ICO within 72 hours of becoming aware (Art 33(1))',
  high: 'A high risk to people: report it to the ICO and tell the people affected without undue delay (Art 34(1))',
};

/** ENISA (2013): the kind of data, before it is adjusted for volume, vulnerable people or public availability. */
export const ENISA_DATA_CONTEXT = {
  simple: { label: 'Simple data, for example names and contact details', score: 1 },
  behavioural: { label: 'Behavioural data, for example location, habits or preferences', score: 2 },
  financial: { label: 'Financial data', score: 3 },
  sensitive: { label: 'Sensitive data, for example health, social care or criminal records', score: 4 },
} as const;
export type EnisaDataContext = keyof typeof ENISA_DATA_CONTEXT;

export const ENISA_ADJUSTMENT = { down: -1, none: 0, up: 1 } as const;
export type EnisaAdjustment = keyof typeof ENISA_ADJUSTMENT;

/** How easily the people can be identified from what was breached. */
export const ENISA_IDENTIFICATION = {
  negligible: { label: 'Negligible', score: 0.25 },
  limited: { label: 'Limited', score: 0.5 },
  significant: { label: 'Significant', score: 0.75 },
  maximum: { label: 'Maximum', score: 1 },
} as const;
export type EnisaIdentification = keyof typeof ENISA_IDENTIFICATION;

/** Each circumstance of the breach adds to the score: 0, 0.25 or 0.5 for each kind of loss, 0.5 for malice. */
export const ENISA_LOSS = { none: 0, limited: 0.25, serious: 0.5 } as const;
export type EnisaLoss = keyof typeof ENISA_LOSS;

export interface EnisaInput {
  dataContext: EnisaDataContext;
  adjustment: EnisaAdjustment;
  identification: EnisaIdentification;
  confidentiality: EnisaLoss;
  integrity: EnisaLoss;
  availability: EnisaLoss;
  malicious: boolean;
}

export const ENISA_BANDS = { low: 'Low', medium: 'Medium', high: 'High', 'very-high': 'Very high' } as const;
export type EnisaBand = keyof typeof ENISA_BANDS;

/** SE = DPC × EI + CB, with DPC kept between 1 and 4 after its adjustment; bands at 2, 3 and 4. */
export function enisaScore(input: EnisaInput): { score: number; band: EnisaBand } {
  const dpc = Math.min(
    4,
    Math.max(1, ENISA_DATA_CONTEXT[input.dataContext].score + ENISA_ADJUSTMENT[input.adjustment]),
  );
  const ei = ENISA_IDENTIFICATION[input.identification].score;
  const cb =
    ENISA_LOSS[input.confidentiality] +
    ENISA_LOSS[input.integrity] +
    ENISA_LOSS[input.availability] +
    (input.malicious ? 0.5 : 0);
  const score = Math.round((dpc * ei + cb) * 100) / 100;
  const band: EnisaBand = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very-high';
  return { score, band };
}
