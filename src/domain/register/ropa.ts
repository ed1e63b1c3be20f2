/**
 * The record of processing activities (UK GDPR Art 30): what a controller's record of one processing activity must
 * say, and which of it is missing.
 *
 * Sources:
 * - UK GDPR Art 30(1)(a)–(g): https://www.legislation.gov.uk/eur/2016/679/article/30
 * - Art 6(1) lawful bases, Art 9(2) conditions for special category data, Art 10 criminal offence data.
 * - DPA 2018 s.10: Art 9(2)(b), (h), (i) and (j) are met only with a condition in Schedule 1 Part 1; Art 9(2)(g) only
 *   with a condition in Part 2; Art 10 processing authorised by law only with a condition in Part 1, 2 or 3.
 *   https://www.legislation.gov.uk/ukpga/2018/12/section/10
 * - DPA 2018 Sch 1 para 41: where processing relies on a Schedule 1 condition that needs an appropriate policy
 *   document, the Art 30 record also names the condition and says whether the data is kept and erased as that
 *   document says (and why not, if not). Part 1 para 1 (employment) needs one; the health, public health and research
 *   conditions (paras 2–4) do not; Part 2 conditions do unless the condition itself says otherwise (para 5). This
 *   check asks for the answer for every Part 2 and Part 3 condition, erring towards a fuller record until each
 *   condition's own words are encoded: see docs/domain-decisions.md.
 */

export const ARTICLE_6_BASES = {
  a: 'Consent',
  b: 'Contract',
  c: 'Legal obligation',
  d: 'Vital interests',
  e: 'Public task',
  f: 'Legitimate interests',
} as const;
export type Article6Basis = keyof typeof ARTICLE_6_BASES;

export const ARTICLE_9_CONDITIONS = {
  a: 'Explicit consent',
  b: 'Employment, social security and social protection',
  c: 'Vital interests',
  d: 'Not-for-profit bodies',
  e: 'Made public by the data subject',
  f: 'Legal claims or judicial acts',
  g: 'Reasons of substantial public interest',
  h: 'Health or social care',
  i: 'Public health',
  j: 'Archiving, research and statistics',
} as const;
export type Article9Condition = keyof typeof ARTICLE_9_CONDITIONS;

/** A Schedule 1 condition: its Part and paragraph. */
export interface Schedule1Condition {
  part: 1 | 2 | 3;
  paragraph: number;
}

/** Which Part of Schedule 1 an Art 9(2) condition must be completed by (DPA 2018 s.10(2)–(3)); none for the rest. */
export function schedule1PartFor(condition: Article9Condition): 1 | 2 | undefined {
  if (condition === 'g') return 2;
  return ['b', 'h', 'i', 'j'].includes(condition) ? 1 : undefined;
}

/**
 * Whether the record must say if the data is kept as the appropriate policy document says: Part 1 only for para 1
 * (para 1(1)(b)); every Part 2 and Part 3 condition, as this check errs towards asking (see the header).
 */
export function needsPolicyDocument(condition: Schedule1Condition): boolean {
  if (condition.part === 1) return condition.paragraph === 1;
  return true;
}

/** One processing activity as the register keeps it, in the terms of Art 30(1). */
export interface ProcessingRecord {
  controllerName: string;
  controllerContact: string;
  jointControllers: readonly string[];
  dpoContact: string;
  purposes: readonly string[];
  article6: Article6Basis | null;
  article6Justification: string;
  specialCategories: readonly string[];
  article9: Article9Condition | null;
  criminalOffenceData: boolean;
  schedule1: Schedule1Condition | null;
  /** Whether the data is kept and erased as the appropriate policy document says; null when not answered. */
  keptAsPolicyDocument: boolean | null;
  /** Why not, when it is not. */
  policyDocumentVariance: string;
  dataSubjects: readonly string[];
  dataCategories: readonly string[];
  /** Who receives the data; "none" is answered by an empty list with `noRecipients`. */
  recipients: readonly string[];
  noRecipients: boolean;
  transfers: readonly { country: string; safeguard: string }[];
  /** How long it is kept: the linked record classes' rules, or words. */
  retention: string;
  securityMeasures: string;
}

/** What an Art 30 record lacks, field by field, with the provision that asks for it. */
export interface RopaGap {
  field: keyof ProcessingRecord;
  provision: string;
  message: string;
}

const blank = (text: string) => !text.trim();
const none = (list: readonly string[]) => !list.some((x) => x.trim());

/** Every gap in one processing activity's record, in the order of Art 30(1). An empty list: complete. */
export function ropaGaps(r: ProcessingRecord): RopaGap[] {
  const gaps: RopaGap[] = [];
  const gap = (field: keyof ProcessingRecord, provision: string, message: string) =>
    gaps.push({ field, provision, message });
  if (blank(r.controllerName) || blank(r.controllerContact))
    gap('controllerName', 'Art 30(1)(a)', 'Name the controller and how to contact it');
  if (blank(r.dpoContact))
    gap('dpoContact', 'Art 30(1)(a)', 'Give the data protection officer’s contact details');
  if (none(r.purposes)) gap('purposes', 'Art 30(1)(b)', 'Say what the processing is for');
  if (!r.article6) gap('article6', 'Art 6(1)', 'Choose the lawful basis');
  else if (blank(r.article6Justification))
    gap('article6Justification', 'Art 6(1)', `Say why ${ARTICLE_6_BASES[r.article6].toLowerCase()} applies`);
  // A Schedule 1 condition from the wrong Part is to be replaced, not asked about.
  let wrongPart = false;
  if (!none(r.specialCategories)) {
    if (!r.article9) gap('article9', 'Art 9(2)', 'Choose the condition for processing special category data');
    else {
      const part = schedule1PartFor(r.article9);
      wrongPart = !!part && !!r.schedule1 && r.schedule1.part !== part;
      if (part && r.schedule1?.part !== part)
        gap(
          'schedule1',
          'DPA 2018 s.10',
          `Art 9(2)(${r.article9}) needs a condition in Schedule 1 Part ${part} of the DPA 2018: name it`,
        );
    }
  } else if (r.article9)
    gap('specialCategories', 'Art 9(2)', 'Say which special categories the Art 9 condition is for');
  if (r.criminalOffenceData && !r.schedule1)
    gap(
      'schedule1',
      'DPA 2018 s.10(5)',
      'Criminal offence data needs a condition in Schedule 1 of the DPA 2018',
    );
  if (r.schedule1 && !wrongPart && needsPolicyDocument(r.schedule1)) {
    if (r.keptAsPolicyDocument === null)
      gap(
        'keptAsPolicyDocument',
        'DPA 2018 Sch 1 para 41',
        'Say whether the data is kept and erased as the appropriate policy document says',
      );
    else if (!r.keptAsPolicyDocument && blank(r.policyDocumentVariance))
      gap(
        'policyDocumentVariance',
        'DPA 2018 Sch 1 para 41',
        'Say why it is not kept as the policy document says',
      );
  }
  if (none(r.dataSubjects)) gap('dataSubjects', 'Art 30(1)(c)', 'Say whose personal data it is');
  if (none(r.dataCategories)) gap('dataCategories', 'Art 30(1)(c)', 'Say what personal data is processed');
  if (none(r.recipients) && !r.noRecipients)
    gap(
      'recipients',
      'Art 30(1)(d)',
      'Name who receives the data, or say that no one outside the council does',
    );
  r.transfers.forEach((t) => {
    if (blank(t.safeguard))
      gap(
        'transfers',
        'Art 30(1)(e)',
        `Say what safeguard covers the transfer to ${t.country.trim() || 'another country'}`,
      );
  });
  if (blank(r.retention)) gap('retention', 'Art 30(1)(f)', 'Say how long the data is kept');
  if (blank(r.securityMeasures))
    gap('securityMeasures', 'Art 30(1)(g)', 'Describe how the data is kept secure');
  return gaps;
}

/**
 * The conditions of DPA 2018 Schedule 1 a record can name, by Part and paragraph
 * (https://www.legislation.gov.uk/ukpga/2018/12/schedule/1). Para 5 is the Part 2 rule on policy documents, not a
 * condition, and Part 4 (paras 38–41) is about the policy document itself.
 */
export const SCHEDULE_1_CONDITIONS: readonly (Schedule1Condition & { name: string })[] = [
  { part: 1, paragraph: 1, name: 'Employment, social security and social protection' },
  { part: 1, paragraph: 2, name: 'Health or social care purposes' },
  { part: 1, paragraph: 3, name: 'Public health' },
  { part: 1, paragraph: 4, name: 'Research etc' },
  { part: 2, paragraph: 6, name: 'Statutory and government purposes' },
  { part: 2, paragraph: 7, name: 'Administration of justice and parliamentary purposes' },
  { part: 2, paragraph: 8, name: 'Equality of opportunity or treatment' },
  { part: 2, paragraph: 9, name: 'Racial and ethnic diversity at senior levels of organisations' },
  { part: 2, paragraph: 10, name: 'Preventing or detecting unlawful acts' },
  { part: 2, paragraph: 11, name: 'Protecting the public' },
  { part: 2, paragraph: 12, name: 'Regulatory requirements relating to unlawful acts and dishonesty etc' },
  { part: 2, paragraph: 14, name: 'Preventing fraud' },
  {
    part: 2,
    paragraph: 16,
    name: 'Support for individuals with a particular disability or medical condition',
  },
  { part: 2, paragraph: 17, name: 'Counselling etc' },
  { part: 2, paragraph: 18, name: 'Safeguarding of children and of individuals at risk' },
  { part: 2, paragraph: 19, name: 'Safeguarding of economic well-being of certain individuals' },
  { part: 2, paragraph: 23, name: 'Elected representatives responding to requests' },
  { part: 2, paragraph: 24, name: 'Disclosure to elected representatives' },
  { part: 3, paragraph: 29, name: 'Consent' },
  { part: 3, paragraph: 30, name: 'Protecting individual’s vital interests' },
  { part: 3, paragraph: 32, name: 'Personal data in the public domain' },
  { part: 3, paragraph: 33, name: 'Legal claims' },
  { part: 3, paragraph: 34, name: 'Judicial acts' },
  {
    part: 3,
    paragraph: 36,
    name: 'Extension of conditions in Part 2 referring to substantial public interest',
  },
];

/** How a Schedule 1 condition is written: "Sch 1 Part 2 para 18 (Safeguarding of children and of individuals at risk)". */
export function schedule1Text(condition: Schedule1Condition): string {
  const known = SCHEDULE_1_CONDITIONS.find(
    (c) => c.part === condition.part && c.paragraph === condition.paragraph,
  );
  return `DPA 2018 Sch 1 Part ${condition.part} para ${condition.paragraph}${known ? ` (${known.name})` : ''}`;
}
