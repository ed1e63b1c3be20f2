/**
 * Information-sharing agreements: the legal gateways a council shares under, whether an agreement is in force, and
 * which sharing the register records has no agreement in force behind it.
 *
 * Sources:
 * - ICO Data sharing code of practice (statutory, in force 5 October 2021), Annex A: what an agreement covers.
 *   https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/data-sharing/data-sharing-a-code-of-practice/
 * - Each gateway's own section, linked below. A power lets the council share where the conditions are met; a duty
 *   requires it to.
 */

export interface LegalGateway {
  code: string;
  act: string;
  section: string;
  kind: 'power' | 'duty';
  summary: string;
  url: string;
}

const LEG = 'https://www.legislation.gov.uk/ukpga';

export const LEGAL_GATEWAYS: readonly LegalGateway[] = [
  {
    code: 'cda-1998-s115',
    act: 'Crime and Disorder Act 1998',
    section: 's.115',
    kind: 'power',
    summary:
      'Disclosure to the police, councils, probation and health bodies where necessary or expedient for the Act’s purposes, including crime reduction',
    url: `${LEG}/1998/37/section/115`,
  },
  {
    code: 'ca-1989-s17',
    act: 'Children Act 1989',
    section: 's.17',
    kind: 'duty',
    summary: 'Safeguarding and promoting the welfare of children in need',
    url: `${LEG}/1989/41/section/17`,
  },
  {
    code: 'ca-1989-s47',
    act: 'Children Act 1989',
    section: 's.47',
    kind: 'duty',
    summary: 'Enquiries where a child may be suffering significant harm',
    url: `${LEG}/1989/41/section/47`,
  },
  {
    code: 'ca-2004-s10',
    act: 'Children Act 2004',
    section: 's.10',
    kind: 'duty',
    summary: 'Co-operation to improve the well-being of children',
    url: `${LEG}/2004/31/section/10`,
  },
  {
    code: 'ca-2004-s11',
    act: 'Children Act 2004',
    section: 's.11',
    kind: 'duty',
    summary: 'Arrangements to safeguard and promote the welfare of children',
    url: `${LEG}/2004/31/section/11`,
  },
  {
    code: 'ca-2004-s16h',
    act: 'Children Act 2004',
    section: 's.16H',
    kind: 'power',
    summary: 'Safeguarding partners may require information for their arrangements',
    url: `${LEG}/2004/31/section/16H`,
  },
  {
    code: 'hsca-2012-s251b',
    act: 'Health and Social Care Act 2012',
    section: 's.251B',
    kind: 'duty',
    summary:
      'Sharing information for an individual’s direct health and adult social care, unless they object',
    url: `${LEG}/2012/7/section/251B`,
  },
  {
    code: 'care-2014-s45',
    act: 'Care Act 2014',
    section: 's.45',
    kind: 'duty',
    summary: 'Supplying information to the Safeguarding Adults Board when it asks',
    url: `${LEG}/2014/23/section/45`,
  },
  {
    code: 'care-2014-s6',
    act: 'Care Act 2014',
    section: 's.6',
    kind: 'duty',
    summary: 'Co-operation with relevant partners on adult care and support',
    url: `${LEG}/2014/23/section/6`,
  },
  {
    code: 'dea-2017-pt5',
    act: 'Digital Economy Act 2017',
    section: 'Part 5',
    kind: 'power',
    summary: 'Public service delivery, debt, fraud and research powers to share between specified bodies',
    url: `${LEG}/2017/30/part/5`,
  },
  {
    code: 'lga-1972-s111',
    act: 'Local Government Act 1972',
    section: 's.111',
    kind: 'power',
    summary: 'Anything calculated to facilitate, or conducive or incidental to, the council’s functions',
    url: `${LEG}/1972/70/section/111`,
  },
  {
    code: 'localism-2011-s1',
    act: 'Localism Act 2011',
    section: 's.1',
    kind: 'power',
    summary: 'The general power of competence',
    url: `${LEG}/2011/20/section/1`,
  },
  {
    code: 'sspa-1992-s122c',
    act: 'Social Security Administration Act 1992',
    section: 's.122C',
    kind: 'power',
    summary: 'Supply of social security information to and from councils for benefit purposes',
    url: `${LEG}/1992/5/section/122C`,
  },
  {
    code: 'ha-1996-s213',
    act: 'Housing Act 1996',
    section: 's.213',
    kind: 'duty',
    summary: 'Co-operation with the housing authority on homelessness',
    url: `${LEG}/1996/52/section/213`,
  },
];

export function gatewayText(code: string): string {
  const g = LEGAL_GATEWAYS.find((x) => x.code === code);
  return g ? `${g.act} ${g.section} (${g.kind})` : code;
}

export const AGREEMENT_TIERS = {
  protocol: 'Overarching protocol',
  agreement: 'Purpose-specific agreement',
  'processor-contract': 'Processor contract',
} as const;
export type AgreementTier = keyof typeof AGREEMENT_TIERS;

export const PARTY_ROLES = {
  lead: 'Lead partner',
  partner: 'Partner',
  controller: 'Joint controller',
  processor: 'Processor',
} as const;
export type PartyRole = keyof typeof PARTY_ROLES;

export const AGREEMENT_STATUSES = {
  draft: 'Not signed by every party',
  'not-started': 'Signed, not yet started',
  'in-force': 'In force',
  ended: 'Ended',
  terminated: 'Terminated',
} as const;
export type AgreementStatus = keyof typeof AGREEMENT_STATUSES;

/** What decides an agreement's standing on a day: its dates and whether every party has signed. */
export interface AgreementTerms {
  startsOn: string;
  endsOn: string | null;
  terminatedOn: string | null;
  parties: readonly { signedOn: string | null }[];
}

/**
 * Where an agreement stands on a day. Terminated wins; an agreement not every party has signed is a draft, however
 * its dates fall; then its dates decide. ISO dates compare as strings.
 */
export function agreementStatus(a: AgreementTerms, today: string): AgreementStatus {
  if (a.terminatedOn && a.terminatedOn <= today) return 'terminated';
  if (!a.parties.length || a.parties.some((p) => !p.signedOn)) return 'draft';
  if (a.startsOn > today) return 'not-started';
  if (a.endsOn && a.endsOn < today) return 'ended';
  return 'in-force';
}

/** The name of an organisation as agreements and records are matched on: case, spacing and "the" do not count. */
export function organisationKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** An activity's outside recipients, and the agreements that could cover them. */
export interface SharingCheck {
  activities: readonly { id: number; recipients: readonly { name: string; external: boolean }[] }[];
  agreements: readonly (Omit<AgreementTerms, 'parties'> & {
    id: number;
    activityIds: readonly number[];
    parties: readonly { organisation: string; signedOn: string | null }[];
  })[];
}

/** One outside recipient of one activity with no agreement in force behind it. */
export interface UncoveredSharing {
  activityId: number;
  organisation: string;
  /** Agreements in force that name the organisation but do not cover this activity: the likely fix is a link. */
  namedIn: number[];
  /** Agreements that cover the activity and name the organisation but are not in force (drafts, ended …). */
  notInForce: number[];
}

/**
 * Every outside organisation a processing activity gives data to with no agreement in force that both covers the
 * activity and names the organisation as a party.
 */
export function sharingWithoutAgreement(check: SharingCheck, today: string): UncoveredSharing[] {
  // Each organisation's agreements, and whether each is in force, worked out once for every recipient.
  const naming = new Map<string, { id: number; inForce: boolean; activityIds: ReadonlySet<number> }[]>();
  for (const a of check.agreements) {
    const entry = {
      id: a.id,
      inForce: agreementStatus(a, today) === 'in-force',
      activityIds: new Set(a.activityIds),
    };
    for (const key of new Set(a.parties.map((p) => organisationKey(p.organisation)))) {
      const list = naming.get(key);
      if (list) list.push(entry);
      else naming.set(key, [entry]);
    }
  }
  const uncovered: UncoveredSharing[] = [];
  for (const activity of check.activities)
    for (const recipient of activity.recipients) {
      if (!recipient.external) continue;
      const agreements = naming.get(organisationKey(recipient.name)) ?? [];
      if (agreements.some((a) => a.inForce && a.activityIds.has(activity.id))) continue;
      uncovered.push({
        activityId: activity.id,
        organisation: recipient.name,
        namedIn: agreements.filter((a) => a.inForce).map((a) => a.id),
        notInForce: agreements.filter((a) => !a.inForce && a.activityIds.has(activity.id)).map((a) => a.id),
      });
    }
  return uncovered;
}
