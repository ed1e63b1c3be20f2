/**
 * DPIA screening: whether a data protection impact assessment is required, recommended or not needed for a processing
 * activity, sharing agreement or system change, and why.
 *
 * Sources:
 * - UK GDPR Art 35(1) (likely high risk) and Art 35(3) (three cases that always need one):
 *   https://www.legislation.gov.uk/eur/2016/679/article/35
 * - The ICO's list of processing likely to result in high risk (Art 35(4)), ten kinds, five of them only "in
 *   combination with any of the criteria from the European guidelines":
 *   https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk/
 * - The nine criteria of the European guidelines (WP248 rev.01, endorsed by the EDPB): "in most cases, a data
 *   controller can consider that a processing meeting two criteria would require a DPIA to be carried out".
 *
 * The rule, as DOMAIN.md sets it: required when any Art 35(3) case applies, when an ICO-list kind applies (those that
 * need a combination only with at least one WP248 criterion), or when two or more WP248 criteria apply; recommended
 * when exactly one WP248 criterion applies (or a combination-only ICO kind applies alone); otherwise not needed. The
 * reasons always name what decided it. The criterion that completes a combination must be one of the nine answered
 * as such: biometrics alone does not count itself as "sensitive data" (the questionnaire asks both).
 */

export interface ScreeningQuestion<Id extends string = string> {
  id: Id;
  /** The question as the screening form asks it. */
  text: string;
  /** Where it comes from, for the reasons and the form's hint. */
  source: string;
}

export const ARTICLE_35_3 = [
  {
    id: 'systematic-profiling',
    text: 'A systematic and extensive evaluation of people’s personal aspects, based on automated processing including profiling, on which decisions with legal or similarly significant effects are based',
    source: 'UK GDPR Art 35(3)(a)',
  },
  {
    id: 'large-scale-special',
    text: 'Special category data or criminal offence data processed on a large scale',
    source: 'UK GDPR Art 35(3)(b)',
  },
  {
    id: 'public-monitoring',
    text: 'Systematic monitoring of a publicly accessible area on a large scale (for example town-centre CCTV)',
    source: 'UK GDPR Art 35(3)(c)',
  },
] as const satisfies readonly ScreeningQuestion[];

export const ICO_LIST = [
  {
    id: 'innovative-technology',
    text: 'Innovative technology, such as artificial intelligence or smart technology',
    source: 'ICO list: innovative technology',
    needsCriterion: true,
  },
  {
    id: 'denial-of-service',
    text: 'Decisions about access to a service, opportunity or benefit based on automated decision-making or special category data',
    source: 'ICO list: denial of service',
    needsCriterion: false,
  },
  {
    id: 'large-scale-profiling',
    text: 'Profiling of people on a large scale',
    source: 'ICO list: large-scale profiling',
    needsCriterion: false,
  },
  {
    id: 'biometrics',
    text: 'Biometric data used to identify people (for example facial recognition or fingerprints)',
    source: 'ICO list: biometric data',
    needsCriterion: true,
  },
  {
    id: 'genetic',
    text: 'Genetic data (other than by a GP or health professional caring for the person)',
    source: 'ICO list: genetic data',
    needsCriterion: true,
  },
  {
    id: 'data-matching',
    text: 'Combining, comparing or matching personal data from several sources',
    source: 'ICO list: data matching',
    needsCriterion: false,
  },
  {
    id: 'invisible-processing',
    text: 'Personal data not obtained from the person, where telling them would be impossible or take disproportionate effort',
    source: 'ICO list: invisible processing',
    needsCriterion: true,
  },
  {
    id: 'tracking',
    text: 'Tracking people’s location or behaviour, online or offline',
    source: 'ICO list: tracking',
    needsCriterion: true,
  },
  {
    id: 'targeting-vulnerable',
    text: 'Using children’s or other vulnerable people’s personal data for marketing, profiling or automated decisions, or offering online services directly to children',
    source: 'ICO list: targeting of children or other vulnerable individuals',
    needsCriterion: false,
  },
  {
    id: 'physical-harm',
    text: 'A personal data breach could put someone’s physical health or safety at risk',
    source: 'ICO list: risk of physical harm',
    needsCriterion: false,
  },
] as const satisfies readonly (ScreeningQuestion & { needsCriterion: boolean })[];

export const WP248_CRITERIA = [
  {
    id: 'evaluation-scoring',
    text: 'Evaluation or scoring, including profiling and predicting',
    source: 'WP248 criterion 1',
  },
  {
    id: 'automated-decisions',
    text: 'Automated decision-making with legal or similarly significant effect',
    source: 'WP248 criterion 2',
  },
  { id: 'systematic-monitoring', text: 'Systematic monitoring of people', source: 'WP248 criterion 3' },
  {
    id: 'sensitive-data',
    text: 'Sensitive or highly personal data (special category, criminal offence, financial, location, communications)',
    source: 'WP248 criterion 4',
  },
  { id: 'large-scale', text: 'Data processed on a large scale', source: 'WP248 criterion 5' },
  { id: 'matching-datasets', text: 'Matching or combining datasets', source: 'WP248 criterion 6' },
  {
    id: 'vulnerable-subjects',
    text: 'Data about vulnerable people (children, employees, people in care, …)',
    source: 'WP248 criterion 7',
  },
  {
    id: 'innovative-use',
    text: 'Innovative use or new technological or organisational solutions',
    source: 'WP248 criterion 8',
  },
  {
    id: 'prevents-rights',
    text: 'The processing prevents people from exercising a right or using a service or contract',
    source: 'WP248 criterion 9',
  },
] as const satisfies readonly ScreeningQuestion[];

export type Article35Case = (typeof ARTICLE_35_3)[number]['id'];
export type IcoKind = (typeof ICO_LIST)[number]['id'];
export type Wp248Criterion = (typeof WP248_CRITERIA)[number]['id'];

/** The answers of a screening: the ids answered "yes" in each of its three parts. */
export interface ScreeningAnswers {
  article35: readonly Article35Case[];
  ico: readonly IcoKind[];
  wp248: readonly Wp248Criterion[];
}

export type ScreeningOutcome = 'required' | 'recommended' | 'not-needed';

export interface ScreeningResult {
  outcome: ScreeningOutcome;
  /** Why, one sentence a reason, most decisive first: what the screening page and the register show. */
  reasons: string[];
}

const sourceOf = (list: readonly ScreeningQuestion[], id: string) => list.find((q) => q.id === id)!.source;

/** The outcome of a screening and its reasons. Unknown ids are ignored; repeated ones count once. */
export function screenForDpia(answers: ScreeningAnswers): ScreeningResult {
  const article35 = ARTICLE_35_3.filter((q) => answers.article35.includes(q.id));
  const criteria = WP248_CRITERIA.filter((q) => answers.wp248.includes(q.id));
  const kinds = ICO_LIST.filter((q) => answers.ico.includes(q.id));
  const icoApplies = kinds.filter((k) => !k.needsCriterion || criteria.length >= 1);
  const icoAlone = kinds.filter((k) => k.needsCriterion && criteria.length === 0);
  const criteriaText = criteria.map((c) => sourceOf(WP248_CRITERIA, c.id)).join(', ');
  const reasons: string[] = [
    ...article35.map((q) => `${q.source} always needs a DPIA`),
    ...icoApplies.map((k) =>
      k.needsCriterion
        ? `${k.source}, with ${criteriaText}, is on the ICO’s list of high-risk processing`
        : `${k.source} is on the ICO’s list of high-risk processing`,
    ),
  ];
  if (criteria.length >= 2)
    reasons.push(
      `${criteria.length} of the nine WP248 criteria apply (${criteriaText}): two or more need a DPIA`,
    );
  if (reasons.length) return { outcome: 'required', reasons };

  if (criteria.length === 1 || icoAlone.length)
    return {
      outcome: 'recommended',
      reasons: [
        ...(criteria.length === 1
          ? [
              `One WP248 criterion applies (${criteriaText}): a DPIA is good practice, and needed if another applies`,
            ]
          : []),
        ...icoAlone.map(
          (k) => `${k.source} needs a DPIA together with any WP248 criterion; none was answered yes`,
        ),
      ],
    };
  return {
    outcome: 'not-needed',
    reasons: [
      'No Art 35(3) case, no kind of processing on the ICO’s list and no WP248 criterion applies: screen again if the processing changes',
    ],
  };
}
