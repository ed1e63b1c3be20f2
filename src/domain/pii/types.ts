/** The finding types the discovery pipeline, the CLI and the API use (DOMAIN.md, "Personal data"). */
export const PII_TYPES = [
  'EMAIL',
  'UK_PHONE',
  'UK_POSTCODE',
  'UK_NINO',
  'NHS_NUMBER',
  'PAYMENT_CARD',
  'IBAN',
  'UK_BANK_ACCOUNT',
  'UK_PASSPORT',
  'UK_DRIVING_LICENCE',
  'UK_UTR',
  'DATE_OF_BIRTH',
  'PERSON_NAME',
  'ADDRESS',
  'IP_ADDRESS',
  'ART9_HEALTH',
  'ART9_ETHNICITY',
  'ART9_RELIGION',
  'ART9_SEXUALITY',
  'ART9_TRADE_UNION',
  'ART9_BIOMETRIC',
  'ART10_CRIMINAL',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** Each type as a page names it. */
export const PII_TYPE_NAMES: Record<PiiType, string> = {
  EMAIL: 'E-mail addresses',
  UK_PHONE: 'Phone numbers',
  UK_POSTCODE: 'Postcodes',
  UK_NINO: 'National Insurance numbers',
  NHS_NUMBER: 'NHS numbers',
  PAYMENT_CARD: 'Payment card numbers',
  IBAN: 'IBANs',
  UK_BANK_ACCOUNT: 'Bank account numbers',
  UK_PASSPORT: 'Passport numbers',
  UK_DRIVING_LICENCE: 'Driving licence numbers',
  UK_UTR: 'Tax references (UTR)',
  DATE_OF_BIRTH: 'Dates of birth',
  PERSON_NAME: 'Names',
  ADDRESS: 'Addresses',
  IP_ADDRESS: 'IP addresses',
  ART9_HEALTH: 'Health (special category)',
  ART9_ETHNICITY: 'Racial or ethnic origin (special category)',
  ART9_RELIGION: 'Religion or belief (special category)',
  ART9_SEXUALITY: 'Sex life or sexual orientation (special category)',
  ART9_TRADE_UNION: 'Trade union membership (special category)',
  ART9_BIOMETRIC: 'Biometric data (special category)',
  ART10_CRIMINAL: 'Criminal offences (Article 10)',
};

/**
 * One piece of personal data found in text. `value` and `normalised` exist only in memory, for masking and for the
 * keyed hash; the inventory keeps type, position, confidence and the masked preview, never the value.
 */
export interface Finding {
  type: PiiType;
  start: number;
  end: number;
  /** 0–1: the pattern alone, raised by a passing check and by context words nearby. */
  confidence: number;
  masked: string;
  value: string;
  normalised: string;
}
