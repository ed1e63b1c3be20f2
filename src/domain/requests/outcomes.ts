import { findExemption, type Regime } from './exemptions.ts';

/**
 * The outcomes of a request and the rules that bind them:
 * - FOIA s.1 (granted), s.17 (refusal notice naming exemptions), s.2 (public interest for qualified exemptions),
 *   s.12 and the Fees Regulations 2004 (SI 2004/3244): £450 for local authorities at £25 an hour, so a refusal needs an
 *   estimate over 18 hours; s.14(1) vexatious and s.14(2) repeated.
 * - EIR: exceptions only from regs 12–13, every one subject to the public interest test (reg 12(1)(b)); there is no
 *   cost limit (reg 12(4)(b) "manifestly unreasonable" is the route).
 * - Neither confirm nor deny (FOIA s.2(1), EIR reg 12(6)): relies on an exemption whose duty to confirm or deny is
 *   excluded.
 * - Subject access and the other rights (UK GDPR Arts 12, 15–21; DPA 2018 Schedules 2–4): the data given, given in
 *   part (DPA exemptions for what is withheld), none held, or refused — under an exemption, or as manifestly unfounded
 *   or excessive (Art 12(5)(b)). No cost limit, no s.14, no public interest test: those are FOI and EIR.
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

/** What each law lets a response be. Enquiries (press, general) have no statutory outcomes. */
export const OUTCOMES_BY_REGIME: Record<Regime | 'none', readonly Outcome[]> = {
  foia: ['granted', 'part-granted', 'refused', 'not-held', 'cost-limit', 'vexatious', 'repeated', 'ncnd'],
  eir: ['granted', 'part-granted', 'refused', 'not-held', 'ncnd'],
  dpa: ['granted', 'part-granted', 'refused', 'not-held'],
  none: ['granted', 'not-held'],
};

/** The names of the outcomes in each law's own words. */
export function outcomeName(outcome: Outcome, regime: Regime | undefined): string {
  if (regime === 'dpa')
    return (
      {
        granted: 'Given in full',
        'part-granted': 'Given in part (some withheld under an exemption)',
        refused: 'Refused (exemption, or manifestly unfounded or excessive)',
        'not-held': 'No personal data held',
      }[outcome as 'granted'] ?? OUTCOME_NAMES[outcome]
    );
  if (regime === undefined) return outcome === 'granted' ? 'Answered' : 'Information not held';
  if (regime === 'eir' && outcome === 'not-held') return 'Information not held (reg 12(4)(a))';
  return OUTCOME_NAMES[outcome];
}

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
  /** The law the case is under; 'none' for press and general enquiries. */
  regime: Regime | 'none';
  outcome: Outcome;
  exemptions: string[];
  publicInterest?: string;
  costEstimateHours?: number;
}

/** Field → message for each rule the outcome breaks; empty when it stands. */
export function outcomeProblems(input: OutcomeInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const { regime, outcome } = input;
  if (!OUTCOMES_BY_REGIME[regime].includes(outcome)) {
    problems.outcome =
      regime === 'eir'
        ? 'EIR requests have no cost limit or vexatious refusal: use reg 12(4)(b) manifestly unreasonable'
        : regime === 'dpa'
          ? 'A data-protection rights request has no cost limit, vexatious or neither-confirm-nor-deny outcome'
          : 'Choose an outcome this kind of request can have';
    return problems;
  }
  const exemptions = input.exemptions.map((code) => ({ code, found: findExemption(code) }));
  const unknown = exemptions.filter((e) => !e.found || e.found.regime !== regime);
  if (unknown.length)
    problems.exemptions = `Not a ${regimeName(regime)} exemption: ${unknown.map((e) => e.code).join(', ')}`;
  // A DPA refusal may rest on Art 12(5)(b) (manifestly unfounded or excessive) rather than an exemption.
  const needsExemption =
    outcome === 'part-granted' || outcome === 'ncnd' || (outcome === 'refused' && regime !== 'dpa');
  if (needsExemption && input.exemptions.length === 0)
    problems.exemptions = 'Choose the exemptions relied on';
  if (!EXEMPTION_OUTCOMES.has(outcome) && input.exemptions.length)
    problems.exemptions = `${OUTCOME_NAMES[outcome]} relies on no exemption: clear the exemptions, or choose another outcome`;
  const hours = input.costEstimateHours;
  if (hours !== undefined && (!Number.isFinite(hours) || hours < 0 || hours > 10_000))
    problems.costEstimateHours = 'Enter the hours as a number from 0 to 10,000';
  else if (outcome === 'cost-limit') {
    if (hours === undefined) problems.costEstimateHours = 'Give the estimated hours to comply';
    else if (hours <= COST_LIMIT_HOURS)
      problems.costEstimateHours = `The estimate must exceed ${COST_LIMIT_HOURS} hours (£${COST_LIMIT_POUNDS} at £${COST_RATE_POUNDS_PER_HOUR} an hour)`;
  } else if (hours !== undefined)
    problems.costEstimateHours = 'Give hours to comply only for a refusal under the cost limit (s.12)';
  const qualified = exemptions.some((e) => e.found && e.found.regime === regime && !e.found.absolute);
  const publicInterest = input.publicInterest?.trim();
  if (qualified && !publicInterest && !problems.exemptions) {
    problems.publicInterest =
      'Explain the public interest test: a qualified exemption or EIR exception is relied on';
  } else if (publicInterest && !qualified) {
    problems.publicInterest =
      regime === 'dpa'
        ? 'Data-protection rights requests have no public interest test: clear this box'
        : 'A public interest test is only for a qualified exemption or an EIR exception: clear this box';
  }
  return problems;
}

/** Outcomes that can rest on exemptions. */
const EXEMPTION_OUTCOMES: ReadonlySet<Outcome> = new Set(['part-granted', 'refused', 'ncnd']);

function regimeName(regime: Regime | 'none'): string {
  return { foia: 'FOIA', eir: 'EIR', dpa: 'DPA 2018', none: 'statutory' }[regime];
}

/**
 * An amount of money as people type it: "25", "25.00", "£25", "£1,250.50", " £ 25 ". Undefined for anything else
 * (negative, more than two decimal places, badly grouped thousands, not a number).
 */
export function parsePounds(text: string): number | undefined {
  const t = text.replace(/\s+/g, '').replace(/^£/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(t)) return undefined;
  return Number(t.replace(/,/g, ''));
}
