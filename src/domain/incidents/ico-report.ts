/**
 * The ICO's online breach report, section by section, answered from the case (research/compliance.md §1.1, "ICO
 * online form"). The form cannot be saved part-way, so officers copy from this page into it in one sitting; the same
 * answers make the PDF kept with the case. An initial report and each follow-up (Art 33(4)) are the same questions;
 * a follow-up carries the ICO's case reference. Art 33(3)'s four contents are all here: (a) in "About the breach" and
 * "Personal data", (b) in "About you", (c) in "Consequences", (d) in "Taking action".
 */
import {
  ART_34_EXEMPTIONS,
  BREACH_TYPES,
  CAUSES,
  DATA_CATEGORIES,
  ONGOING,
  OTHER_BODIES,
  ROUGH_NUMBERS,
  SPECIAL_CATEGORIES,
  STAFF_TRAINING,
  SUBJECT_CATEGORIES,
  type Art34Exemption,
  type BreachType,
  type Cause,
  type DataCategory,
  type Ongoing,
  type OtherBody,
  type RoughNumber,
  type SpecialCategory,
  type StaffTraining,
  type SubjectCategory,
} from './taxonomy.ts';
import { LIKELIHOOD, SEVERITY, breachRisk, type Likelihood, type Severity } from './risk.ts';
import { dayWords, icoDeadline, londonWords } from './ico-clock.ts';
import { isLate } from './workflow.ts';

export type ReportPhase = 'initial' | 'follow-up';

export interface IcoReportCase {
  reference: string;
  summary: string;
  howFound: string | null;
  occurredAt: Date | null;
  discoveredAt: Date | null;
  awareAt: Date;
  ongoing: Ongoing | null;
  breachTypes: BreachType[];
  cause: Cause | null;
  dataCategories: DataCategory[];
  specialCategories: SpecialCategory[];
  peopleApprox: RoughNumber | null;
  peopleCount: number | null;
  recordsApprox: RoughNumber | null;
  recordsCount: number | null;
  subjectCategories: SubjectCategory[];
  consequences: string | null;
  likelihood: Likelihood | null;
  severity: Severity | null;
  riskRationale: string | null;
  staffTraining: StaffTraining | null;
  measuresBefore: string | null;
  containment: string[];
  subjectsDecision: 'tell' | 'do-not-tell' | null;
  subjectsReason: string | null;
  art34Exemption: Art34Exemption | null;
  subjectsToldOn: string | null;
  processor: string | null;
  othersTold: { body: OtherBody; toldOn: string; reference: string | null }[];
  icoReference: string | null;
  delayReason: string | null;
}

export interface Organisation {
  name: string;
  address: string | null;
  email: string | null;
  icoRegistration: string | null;
  dpoName: string | null;
  dpoEmail: string | null;
  /** Who at the council the ICO should contact about this report. */
  contact: string;
}

export interface Question {
  question: string;
  answer: string;
}
export interface Section {
  title: string;
  questions: Question[];
}

const NOT_YET = 'Not yet known';
const list = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.length ? keys.map((k) => labels[k]).join('; ') : NOT_YET;
const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : NOT_YET);
const moment = (value: Date | null) => (value ? londonWords(value) : NOT_YET);
const approx = (band: RoughNumber | null, count: number | null) =>
  count !== null ? count.toLocaleString('en-GB') : band ? ROUGH_NUMBERS[band] : NOT_YET;

/** The ICO form's six parts, in its order, with every question answered (or "Not yet known"). */
export function icoReport(c: IcoReportCase, org: Organisation, phase: ReportPhase, at: Date): Section[] {
  const late = isLate(c.awareAt, at);
  const sensitive = c.specialCategories.length > 0 || c.dataCategories.includes('criminal-offence');
  return [
    {
      title: '1. Your report',
      questions: [
        {
          question: 'Is this an initial report or a follow-up?',
          answer: phase === 'initial' ? 'Initial report' : 'Follow-up report',
        },
        {
          question: 'ICO case reference (follow-up reports)',
          answer: phase === 'follow-up' ? text(c.icoReference) : 'Not applicable',
        },
        { question: 'Our reference', answer: c.reference },
        {
          question: 'Reporting within 72 hours',
          answer: late
            ? `Reported after the 72 hours, which ended ${londonWords(icoDeadline(c.awareAt))}. Reasons for the delay: ${text(c.delayReason)}`
            : `Within the 72 hours, which end ${londonWords(icoDeadline(c.awareAt))}`,
        },
      ],
    },
    {
      title: '2. About the breach',
      questions: [
        { question: 'What happened?', answer: text(c.summary) },
        { question: 'How did you find out about the breach?', answer: text(c.howFound) },
        {
          question: 'Was the breach caused by a cyber incident?',
          answer: c.cause ? (CAUSES[c.cause].cyber ? 'Yes' : 'No') : "Don't know",
        },
        { question: 'What kind of incident was it?', answer: c.cause ? CAUSES[c.cause].label : NOT_YET },
        { question: 'When did the breach happen?', answer: moment(c.occurredAt) },
        { question: 'When did you discover the breach?', answer: moment(c.discoveredAt) },
        {
          question: 'When did you become aware that it was a personal data breach?',
          answer: londonWords(c.awareAt),
        },
        { question: 'Is the breach still happening?', answer: c.ongoing ? ONGOING[c.ongoing] : NOT_YET },
        { question: 'Type of breach', answer: list(c.breachTypes, BREACH_TYPES) },
      ],
    },
    {
      title: '3. Personal data',
      questions: [
        {
          question: 'What categories of personal data were involved?',
          answer: list(c.dataCategories, DATA_CATEGORIES),
        },
        {
          question: 'Were special categories of personal data involved?',
          answer: c.specialCategories.length ? list(c.specialCategories, SPECIAL_CATEGORIES) : 'No',
        },
        {
          question: 'Approximately how many personal data records were involved?',
          answer: approx(c.recordsApprox, c.recordsCount),
        },
        {
          question: 'Approximately how many data subjects were affected?',
          answer: approx(c.peopleApprox, c.peopleCount),
        },
        {
          question: 'Which categories of data subjects were affected?',
          answer: list(c.subjectCategories, SUBJECT_CATEGORIES),
        },
      ],
    },
    {
      title: '4. Consequences',
      questions: [
        {
          question: 'What are the potential consequences and adverse effects on individuals?',
          answer: text(c.consequences),
        },
        {
          question: 'How likely is it that data subjects will experience significant consequences?',
          answer:
            c.likelihood && c.severity
              ? `${LIKELIHOOD[c.likelihood]} likelihood, ${SEVERITY[c.severity].toLowerCase()} severity: ${breachRisk({ likelihood: c.likelihood, severity: c.severity, sensitiveData: sensitive })} risk. ${text(c.riskRationale)}`
              : NOT_YET,
        },
      ],
    },
    {
      title: '5. Taking action',
      questions: [
        {
          question: 'Had the staff member involved received data protection training in the last two years?',
          answer: c.staffTraining ? STAFF_TRAINING[c.staffTraining] : NOT_YET,
        },
        { question: 'What preventive measures did you have in place?', answer: text(c.measuresBefore) },
        {
          question: 'What have you done, or will you do, to contain the breach and limit its effects?',
          answer: c.containment.length ? c.containment.join('; ') : NOT_YET,
        },
        {
          question: 'Have you told the data subjects about the breach?',
          answer:
            c.subjectsDecision === 'tell'
              ? `Yes${c.subjectsToldOn ? `, on ${dayWords(c.subjectsToldOn)}` : ''}. ${text(c.subjectsReason)}`
              : c.subjectsDecision === 'do-not-tell'
                ? `No. ${text(c.subjectsReason)}${c.art34Exemption ? ` ${ART_34_EXEMPTIONS[c.art34Exemption]}` : ''}`
                : 'Not yet decided',
        },
        {
          question: 'Have you told, or are you planning to tell, any other organisations?',
          answer: c.othersTold.length
            ? c.othersTold
                .map(
                  (o) =>
                    `${OTHER_BODIES[o.body]} on ${dayWords(o.toldOn)}${o.reference ? ` (reference ${o.reference})` : ''}`,
                )
                .join('; ')
            : 'No',
        },
        { question: 'Was a processor involved?', answer: c.processor?.trim() ? c.processor.trim() : 'No' },
      ],
    },
    {
      title: '6. About you',
      questions: [
        { question: 'Organisation name', answer: org.name },
        { question: 'Registration number', answer: text(org.icoRegistration) },
        { question: 'Address', answer: text(org.address) },
        { question: 'Person making this report', answer: org.contact },
        { question: 'Contact e-mail address', answer: text(org.email) },
        {
          question: 'Data protection officer',
          answer: org.dpoName ? `${org.dpoName}${org.dpoEmail ? `, ${org.dpoEmail}` : ''}` : NOT_YET,
        },
      ],
    },
  ];
}
