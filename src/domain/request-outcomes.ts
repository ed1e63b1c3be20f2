import { findExemption, type Regime } from './exemptions.ts';

/**
 * The outcomes of an information request and the rules that bind them:
 * - FOIA s.1 (granted), s.17 (refusal notice naming exemptions), s.2 (public interest for qualified exemptions),
 *   s.12 and the Fees Regulations 2004 (SI 2004/3244): £450 for local authorities at £25 an hour, so a refusal needs an
 *   estimate over 18 hours; s.14(1) vexatious and s.14(2) repeated.
 * - EIR: exceptions only from regs 12–13, every one subject to the public interest test (reg 12(1)(b)); there is no
 *   cost limit (reg 12(4)(b) "manifestly unreasonable" is the route).
 * - Neither confirm nor deny (FOIA s.2(1), EIR reg 12(6)).
 */
export const OUTCOMES = [
  'granted',
  'part-granted',
  'refused',
  'not-held',
  'cost-limit',
  'vexatious',
  'repeated',
  'ncnd',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_NAMES: Record<Outcome, string> = {
  granted: 'Granted in full',
  'part-granted': 'Granted in part',
  refused: 'Refused',
  'not-held': 'Information not held',
  'cost-limit': 'Refused: cost limit (s.12)',
  vexatious: 'Refused: vexatious (s.14(1))',
  repeated: 'Refused: repeated request (s.14(2))',
  ncnd: 'Neither confirm nor deny',
};

/** The appropriate limit for councils: £450 at £25 an hour. */
export const COST_LIMIT_POUNDS = 450;
export const COST_RATE_POUNDS_PER_HOUR = 25;
export const COST_LIMIT_HOURS = COST_LIMIT_POUNDS / COST_RATE_POUNDS_PER_HOUR;

export interface OutcomeInput {
  regime: Regime;
  outcome: Outcome;
  exemptions: string[];
  publicInterest?: string;
  costEstimateHours?: number;
}

/** Field → message for each rule the outcome breaks; empty when it stands. */
export function outcomeProblems(input: OutcomeInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const { regime, outcome } = input;
  const exemptions = input.exemptions.map((code) => ({ code, found: findExemption(code) }));
  const unknown = exemptions.filter((e) => !e.found || e.found.regime !== regime);
  if (unknown.length)
    problems.exemptions = `Not a ${regimeName(regime)} exemption: ${unknown.map((e) => e.code).join(', ')}`;
  if (regime === 'eir' && (outcome === 'cost-limit' || outcome === 'vexatious' || outcome === 'repeated')) {
    problems.outcome =
      'EIR requests have no cost limit or vexatious refusal: use reg 12(4)(b) manifestly unreasonable';
  }
  if ((outcome === 'refused' || outcome === 'part-granted') && input.exemptions.length === 0) {
    problems.exemptions = 'Choose the exemptions relied on';
  }
  if (outcome === 'cost-limit') {
    const hours = input.costEstimateHours;
    if (hours === undefined || !Number.isFinite(hours))
      problems.costEstimateHours = 'Give the estimated hours to comply';
    else if (hours <= COST_LIMIT_HOURS)
      problems.costEstimateHours = `The estimate must exceed ${COST_LIMIT_HOURS} hours (£${COST_LIMIT_POUNDS} at £${COST_RATE_POUNDS_PER_HOUR} an hour)`;
  }
  const needsPublicInterest = exemptions.some(
    (e) => e.found && e.found.regime === regime && !e.found.absolute,
  );
  if (needsPublicInterest && !input.publicInterest?.trim()) {
    problems.publicInterest =
      'Explain the public interest test: a qualified exemption or EIR exception is relied on';
  }
  return problems;
}

function regimeName(regime: Regime): string {
  return regime === 'foia' ? 'FOIA' : regime === 'eir' ? 'EIR' : 'DPA 2018';
}
