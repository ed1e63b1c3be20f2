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
