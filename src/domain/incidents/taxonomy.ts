/**
 * The words a breach is described in, as the ICO's online report form and its published trend data use them
 * (research/compliance.md §1.1). Keys are stored; labels are shown and written into the ICO report.
 */

/** Art 4(12): what the breach did to the data. */
export const BREACH_TYPES = {
  confidentiality: 'Confidentiality: disclosed to or seen by someone who should not have it',
  integrity: 'Integrity: changed without authority',
  availability: 'Availability: lost, destroyed or out of reach',
} as const;
export type BreachType = keyof typeof BREACH_TYPES;

/** The ICO's cause categories: non-cyber first, then cyber (the form's "was this a cyber incident?"). */
export const CAUSES = {
  'misdirected-email': { label: 'Data emailed to the wrong recipient', cyber: false },
  'no-bcc': { label: 'Failure to use BCC', cyber: false },
  'misdirected-post': { label: 'Data posted or faxed to the wrong recipient', cyber: false },
  'lost-paperwork': { label: 'Loss or theft of paperwork', cyber: false },
  'lost-device': { label: 'Loss or theft of a device containing personal data', cyber: false },
  'insecure-storage': { label: 'Data left in an insecure location', cyber: false },
  'insecure-disposal': { label: 'Insecure disposal of paperwork or hardware', cyber: false },
  'failure-to-redact': { label: 'Failure to redact', cyber: false },
  'verbal-disclosure': { label: 'Verbal disclosure of personal data', cyber: false },
  'unauthorised-access': { label: 'Unauthorised access by staff', cyber: false },
  'wrong-record': { label: 'Information added to the wrong record or file', cyber: false },
  'other-non-cyber': { label: 'Other non-cyber incident', cyber: false },
  phishing: { label: 'Phishing', cyber: true },
  ransomware: { label: 'Ransomware', cyber: true },
  malware: { label: 'Malware', cyber: true },
  'brute-force': { label: 'Brute force password attack', cyber: true },
  misconfiguration: { label: 'Hardware or software misconfiguration', cyber: true },
  'denial-of-service': { label: 'Denial of service', cyber: true },
  'other-cyber': { label: 'Other cyber incident', cyber: true },
} as const;
export type Cause = keyof typeof CAUSES;

/** The ICO form's data categories (special categories listed apart, below). */
export const DATA_CATEGORIES = {
  identifiers: 'Basic personal identifiers, for example name and contact details',
  'identification-data': 'Identification data, for example usernames and passwords',
  financial: 'Economic and financial data, for example credit card numbers and bank details',
  'official-documents': 'Official documents, for example driving licences',
  location: 'Location data',
  'criminal-offence': 'Criminal convictions and offences',
  'not-yet-known': 'Not yet known',
} as const;
export type DataCategory = keyof typeof DATA_CATEGORIES;

/** Art 9(1)'s special categories, each a box on the ICO form. */
export const SPECIAL_CATEGORIES = {
  'racial-ethnic': 'Racial or ethnic origin',
  political: 'Political opinions',
  religious: 'Religious or philosophical beliefs',
  'trade-union': 'Trade union membership',
  genetic: 'Genetic data',
  biometric: 'Biometric data',
  health: 'Health data',
  'sex-life': 'Sex life or sexual orientation',
} as const;
export type SpecialCategory = keyof typeof SPECIAL_CATEGORIES;

/** The ICO form's categories of people affected, in a council's words. */
export const SUBJECT_CATEGORIES = {
  employees: 'Employees',
  residents: 'Residents and service users',
  customers: 'Customers, for example council tax payers',
  tenants: 'Tenants',
  pupils: 'Pupils and students',
  patients: 'Patients and people receiving care',
  children: 'Children',
  'vulnerable-adults': 'Vulnerable adults',
  'not-yet-known': 'Not yet known',
} as const;
export type SubjectCategory = keyof typeof SUBJECT_CATEGORIES;

/** Others the council may tell, each with a date and their reference. */
export const OTHER_BODIES = {
  police: 'Police',
  ncsc: 'National Cyber Security Centre',
  'action-fraud': 'Action Fraud',
  'dspt-irt': 'NHS DSPT incident reporting tool',
  partner: 'Partner organisation',
  processor: 'Processor or supplier',
  insurer: 'Insurer',
  other: 'Other',
} as const;
export type OtherBody = keyof typeof OTHER_BODIES;

/** Art 34(3): when people need not be told of a high-risk breach. */
export const ART_34_EXEMPTIONS = {
  unintelligible: 'Art 34(3)(a): the data was unintelligible to anyone not authorised, for example encrypted',
  'risk-removed': 'Art 34(3)(b): measures taken since mean the high risk is no longer likely to materialise',
  'public-communication':
    'Art 34(3)(c): telling each person would take disproportionate effort, so a public communication was made instead',
} as const;
export type Art34Exemption = keyof typeof ART_34_EXEMPTIONS;

/** What the reporter says of whether it is still happening. */
export const ONGOING = { yes: 'Yes', no: 'No', 'not-sure': 'Not sure' } as const;
export type Ongoing = keyof typeof ONGOING;

/** Rough numbers, as a reporter can give them in a hurry. */
export const ROUGH_NUMBERS = {
  '1': 'One',
  '2-10': '2 to 10',
  '11-100': '11 to 100',
  '101-1000': '101 to 1,000',
  'over-1000': 'More than 1,000',
  'not-known': 'Not known',
} as const;
export type RoughNumber = keyof typeof ROUGH_NUMBERS;

/** What the triage decides the report is. Only a personal-data breach runs the ICO clock. */
export const CLASSIFICATIONS = {
  breach: 'Personal-data breach',
  'near-miss': 'Near miss: no personal data reached anyone it should not have',
  'security-incident': 'Security incident with no personal data involved',
  'not-an-incident': 'Not an incident',
} as const;
export type Classification = keyof typeof CLASSIFICATIONS;

/** Containment stops it, recovery puts things right, prevention stops it happening again. */
export const ACTION_KINDS = {
  containment: 'Containment',
  recovery: 'Recovery',
  prevention: 'Prevention',
} as const;
export type ActionKind = keyof typeof ACTION_KINDS;

/** Whether the staff involved had data protection training (until training records are kept in Custodian). */
export const STAFF_TRAINING = {
  yes: 'Yes, within the last two years',
  no: 'No',
  'not-known': 'Not known',
  'not-applicable': 'No member of staff was involved',
} as const;
export type StaffTraining = keyof typeof STAFF_TRAINING;
