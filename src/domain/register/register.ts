/**
 * The information asset register and the record of processing: the words each coded field is written with, and the
 * rules that follow from the law rather than from a person's choice (which rights apply under which lawful basis).
 *
 * Sources:
 * - The National Archives, "Information asset register" guidance (2017): an asset is a body of information managed as
 *   a single unit, with an owner, and is reviewed.
 * - UK GDPR Arts 15–22 and the exceptions in Arts 17(3), 18, 20(1) and 21(1):
 *   https://www.legislation.gov.uk/eur/2016/679/chapter/III
 * - Government Security Classifications (2023): OFFICIAL, with the OFFICIAL-SENSITIVE marking, SECRET, TOP SECRET.
 */
import type { Article6Basis } from './ropa.ts';

export const HOSTING = {
  'on-premises': 'On the council’s own servers',
  cloud: 'A cloud service the council runs',
  supplier: 'Hosted by the supplier',
  paper: 'Paper, in a store or office',
} as const;
export type Hosting = keyof typeof HOSTING;

export const ASSET_FORMATS = { digital: 'Digital', paper: 'Paper', both: 'Digital and paper' } as const;
export type AssetFormat = keyof typeof ASSET_FORMATS;

export const VOLUME_BANDS = {
  'under-1k': 'Fewer than 1,000 people',
  '1k-10k': '1,000 to 10,000 people',
  '10k-100k': '10,000 to 100,000 people',
  'over-100k': 'More than 100,000 people',
} as const;
export type VolumeBand = keyof typeof VOLUME_BANDS;

export const CRITICALITY = { low: 'Low', medium: 'Medium', high: 'High' } as const;
export type Criticality = keyof typeof CRITICALITY;

export const SECURITY_CLASSIFICATIONS = {
  official: 'OFFICIAL',
  'official-sensitive': 'OFFICIAL-SENSITIVE',
  secret: 'SECRET',
} as const;
export type SecurityClassification = keyof typeof SECURITY_CLASSIFICATIONS;

/** Someone the data is given to: a team of the council, or an organisation outside it (which sharing must cover). */
export interface Recipient {
  name: string;
  external: boolean;
}

/** A transfer outside the UK and the safeguard it relies on (Art 46 contract, adequacy regulations …). */
export interface Transfer {
  country: string;
  safeguard: string;
}

/** The special categories of Art 9(1), as the register and privacy notices name them. */
export const SPECIAL_CATEGORIES = [
  'Racial or ethnic origin',
  'Political opinions',
  'Religious or philosophical beliefs',
  'Trade union membership',
  'Genetic data',
  'Biometric data',
  'Health',
  'Sex life or sexual orientation',
] as const;

export const RIGHTS = {
  informed: 'To be told how your information is used (Arts 13 and 14)',
  access: 'To see a copy of your information (Art 15)',
  rectification: 'To have wrong information corrected (Art 16)',
  erasure: 'To have your information deleted (Art 17)',
  restriction: 'To limit how your information is used (Art 18)',
  portability: 'To take your information to another organisation (Art 20)',
  objection: 'To object to how your information is used (Art 21)',
  withdrawConsent: 'To withdraw your consent at any time (Art 7(3))',
} as const;
export type Right = keyof typeof RIGHTS;

/**
 * The rights that apply under a lawful basis. Erasure does not apply where processing is needed for a legal obligation
 * or a public task (Art 17(3)(b)); portability only to consent or contract (Art 20(1)(a)); objection only to public
 * task and legitimate interests (Art 21(1)); withdrawal only to consent. Automated-decision rights (Art 22) are shown
 * where the activity says it makes such decisions, not by basis.
 */
export function rightsFor(basis: Article6Basis | null): Right[] {
  const rights: Right[] = ['informed', 'access', 'rectification'];
  if (basis !== 'c' && basis !== 'e') rights.push('erasure');
  rights.push('restriction');
  if (basis === 'a' || basis === 'b') rights.push('portability');
  if (basis === 'e' || basis === 'f') rights.push('objection');
  if (basis === 'a') rights.push('withdrawConsent');
  return rights;
}

/** The day a review falls due: the same day `months` later, or the month's last day where it has no such day. */
export function reviewDueAfter(isoDate: string, months = 12): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Lines of a textarea as a list: trimmed, blank lines dropped, each once. */
export function listFromLines(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

/** A service's name as the last part of its public page's address: "Council Tax" → "council-tax". */
export function serviceSlug(service: string): string {
  return (
    service
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'service'
  );
}
