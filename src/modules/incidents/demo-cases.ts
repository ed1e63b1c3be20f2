import type {
  ActionKind,
  BreachType,
  Cause,
  DataCategory,
  RoughNumber,
  SpecialCategory,
  SubjectCategory,
} from '../../domain/incidents/taxonomy.ts';
import type { incidents } from './schema.ts';

/** One kind of incident the demo council has, told without naming anyone. */
export interface DemoCase {
  cause: Cause;
  service?: string;
  summary: string;
  information: string;
  people: RoughNumber;
  found: string;
  done: string;
  types: BreachType[];
  data: DataCategory[];
  special: SpecialCategory[];
  subjects: SubjectCategory[];
  consequences: string;
  rationale: string;
  rootCause: string;
  lessons: string;
  actions: { kind: ActionKind; description: string; evidence: string }[];
}

const recall = {
  kind: 'containment' as const,
  description: 'Ask the recipient to delete it and confirm in writing',
  evidence: 'Written confirmation of deletion received and filed',
};

// prettier-ignore
export const DEMO_CASES: DemoCase[] = [
  { cause: 'misdirected-email', service: 'Adult social care assessments', summary: 'A care assessment was e-mailed to the wrong external address: autocomplete chose a similarly named contact.', information: 'A care needs assessment', people: '1', found: 'The recipient replied to say it was not meant for them.', done: 'Asked the recipient to delete it.', types: ['confidentiality'], data: ['identifiers'], special: ['health'], subjects: ['residents', 'vulnerable-adults'], consequences: 'Distress to the person if the recipient knew them; details of their care needs disclosed.', rationale: 'One person; health data makes damage likely (EDPB), but the recipient deleted it the same day.', rootCause: 'Autocomplete of external addresses in Outlook.', lessons: 'Autocomplete for external addresses turned off in the directorate; a delay-send rule of one minute added.', actions: [recall, { kind: 'prevention', description: 'Turn off autocomplete for external addresses in the directorate', evidence: 'ICT change record closed' }] },
  { cause: 'misdirected-email', service: 'Council tax', summary: 'A council tax bill was attached to a reply to a different taxpayer.', information: 'A council tax bill with an address and balance', people: '1', found: 'The taxpayer rang to say they had received someone else’s bill.', done: 'Asked the taxpayer to delete it.', types: ['confidentiality'], data: ['identifiers', 'financial'], special: [], subjects: ['customers'], consequences: 'Embarrassment; the address and debt were disclosed to a neighbour.', rationale: 'One person, financial data of limited sensitivity, recipient cooperative.', rootCause: 'Two cases open at once on the same screen.', lessons: 'Officers close one case before opening the next; attachment check added to the team’s checklist.', actions: [recall] },
  { cause: 'misdirected-email', service: "Children's social care", summary: 'Minutes of a child protection conference were sent to a former foster carer no longer involved.', information: 'Conference minutes', people: '2-10', found: 'The former carer told the social worker.', done: 'Recalled the message and phoned the recipient.', types: ['confidentiality'], data: ['identifiers'], special: ['health'], subjects: ['children', 'residents'], consequences: 'Sensitive family information disclosed; risk to a child’s placement.', rationale: 'Children’s and health data: likely damage, and the severity could be significant.', rootCause: 'An out-of-date distribution list.', lessons: 'Distribution lists for conferences are built fresh for each meeting.', actions: [recall, { kind: 'prevention', description: 'Retire standing distribution lists for conferences', evidence: 'Lists deleted; procedure updated' }] },
  { cause: 'misdirected-post', service: 'Housing benefit', summary: 'A benefit decision letter went to a previous address.', information: 'A benefit decision letter', people: '1', found: 'Returned by the new occupier.', done: 'Letter retrieved unopened.', types: ['confidentiality'], data: ['identifiers', 'financial'], special: [], subjects: ['customers'], consequences: 'Limited: the letter came back unopened.', rationale: 'Returned unopened: unlikely to result in a risk.', rootCause: 'Change of address recorded in one system but not the other.', lessons: 'Address changes are now made once and synchronised overnight.', actions: [{ kind: 'recovery', description: 'Correct the address in both systems', evidence: 'Records updated' }] },
  { cause: 'no-bcc', service: 'Adult safeguarding', summary: 'An invitation to a carers’ support group was sent with every recipient in the To field.', information: 'E-mail addresses of carers', people: '11-100', found: 'A recipient complained.', done: 'Apologised to the group.', types: ['confidentiality'], data: ['identifiers'], special: ['health'], subjects: ['residents'], consequences: 'Membership of a carers’ group implies a family member’s care needs.', rationale: 'Inference of health information about many people.', rootCause: 'The team used ordinary e-mail for group mailings.', lessons: 'Group mailings go through the mailing tool, which never shows other recipients.', actions: [{ kind: 'prevention', description: 'Move group mailings to the mailing tool', evidence: 'Team trained; first mailing sent through the tool' }] },
  { cause: 'failure-to-redact', service: 'Information governance', summary: 'A third party’s name was left unredacted in a subject access disclosure.', information: 'A third party’s name in case notes', people: '1', found: 'Spotted by the requester’s solicitor.', done: 'Asked for the copy back.', types: ['confidentiality'], data: ['identifiers'], special: [], subjects: ['residents'], consequences: 'The third party’s involvement in a complaint revealed.', rationale: 'One person; the disclosure could cause friction between neighbours.', rootCause: 'Redaction done by search for the name, which missed an initial.', lessons: 'Every SAR disclosure is checked by a second officer before it goes.', actions: [{ kind: 'prevention', description: 'Add a second-person check to SAR disclosures', evidence: 'Procedure updated; check recorded on the case' }] },
  { cause: 'lost-paperwork', service: 'Planning enforcement', summary: 'A site visit file was left on a train.', information: 'Site photographs and a complainant’s details', people: '2-10', found: 'The officer realised on arrival.', done: 'Reported to the railway’s lost property.', types: ['confidentiality', 'availability'], data: ['identifiers', 'location'], special: [], subjects: ['residents'], consequences: 'A complainant could be identified by the person complained about.', rationale: 'Possible harm to the complainant’s relations with a neighbour.', rootCause: 'Paper files taken off site.', lessons: 'Site visits use the tablet app; no paper leaves the office.', actions: [{ kind: 'prevention', description: 'Issue tablets to enforcement officers', evidence: 'Tablets issued' }] },
  { cause: 'unauthorised-access', service: 'Human resources', summary: 'A member of staff looked up a relative’s record without a business reason.', information: 'An HR record', people: '1', found: 'Found by the monthly access audit.', done: 'Access suspended pending investigation.', types: ['confidentiality'], data: ['identifiers'], special: [], subjects: ['employees'], consequences: 'Loss of trust; possible misuse of the information.', rationale: 'Deliberate access: the consequences could be significant.', rootCause: 'Broad access rights in the HR system.', lessons: 'Access narrowed to the officer’s own caseload; audits continue.', actions: [{ kind: 'containment', description: 'Suspend the member of staff’s access', evidence: 'Account disabled' }, { kind: 'prevention', description: 'Narrow HR system access to caseloads', evidence: 'Role change applied' }] },
  { cause: 'phishing', summary: 'A member of staff entered their password on a fake sign-in page.', information: 'Account credentials; the mailbox could be read', people: 'not-known', found: 'Security monitoring flagged a sign-in from abroad.', done: 'Password reset and sessions revoked.', types: ['confidentiality'], data: ['identification-data', 'identifiers'], special: [], subjects: ['residents', 'employees'], consequences: 'The mailbox may have been read.', rationale: 'Mailbox contents unknown; the attacker had access for two hours.', rootCause: 'No phishing-resistant second factor for that account.', lessons: 'Number-matching sign-in approval rolled out to all staff.', actions: [{ kind: 'containment', description: 'Reset the password and revoke sessions', evidence: 'Entra ID sign-in log' }, { kind: 'prevention', description: 'Roll out number matching for sign-in', evidence: 'Policy enabled for all users' }] },
  { cause: 'wrong-record', service: "Children's social care", summary: 'A case note was added to the wrong child’s record.', information: 'A case note', people: '2-10', found: 'The other child’s social worker noticed it.', done: 'Moved to the right record.', types: ['integrity', 'confidentiality'], data: ['identifiers'], special: [], subjects: ['children'], consequences: 'Decisions could have been based on the wrong information.', rationale: 'Caught within a day; limited access to the record.', rootCause: 'Two children with the same surname open in tabs.', lessons: 'The system now shows the child’s photo on the note screen.', actions: [{ kind: 'recovery', description: 'Move the note to the correct record', evidence: 'Audit log of the move' }] },
  { cause: 'verbal-disclosure', service: 'Housing', summary: 'Details of a housing application were discussed in a public reception area.', information: 'Housing circumstances', people: '1', found: 'The applicant complained.', done: 'Apologised.', types: ['confidentiality'], data: ['identifiers'], special: [], subjects: ['residents'], consequences: 'Embarrassment to the applicant.', rationale: 'One person; limited information overheard.', rootCause: 'No private interview room free.', lessons: 'A booking system for interview rooms.', actions: [{ kind: 'prevention', description: 'Introduce interview room booking', evidence: 'Booking system live' }] },
  { cause: 'lost-device', summary: 'An encrypted laptop was stolen from a car.', information: 'Whatever was on the laptop', people: 'not-known', found: 'Reported by the officer the same evening.', done: 'Device wiped remotely; police told.', types: ['availability'], data: ['not-yet-known'], special: [], subjects: ['not-yet-known'], consequences: 'None expected: the disk was encrypted.', rationale: 'Full-disk encryption: the data is unintelligible (Art 34(3)(a)).', rootCause: 'Laptop left visible in a car.', lessons: 'Reminder to staff about carrying devices.', actions: [{ kind: 'containment', description: 'Wipe the device remotely', evidence: 'Intune wipe confirmation' }] },
  { cause: 'insecure-disposal', summary: 'Confidential waste was found in an ordinary recycling bin.', information: 'Printed correspondence', people: '11-100', found: 'Found by the cleaning contractor.', done: 'Recovered and shredded.', types: ['confidentiality'], data: ['identifiers'], special: [], subjects: ['residents'], consequences: 'Limited: recovered on site.', rationale: 'Recovered before leaving the building.', rootCause: 'Confidential waste bins full.', lessons: 'Collection frequency doubled.', actions: [{ kind: 'prevention', description: 'Increase confidential waste collections', evidence: 'Contract variation' }] },
  { cause: 'misconfiguration', summary: 'A shared folder was visible to all staff instead of one team.', information: 'A team’s case files', people: '101-1000', found: 'A member of staff from another team reported it.', done: 'Permissions corrected.', types: ['confidentiality'], data: ['identifiers'], special: ['health'], subjects: ['residents'], consequences: 'Staff without a need to know could read case files.', rationale: 'Internal exposure only; access logs show few opens.', rootCause: 'A folder copied with inherited permissions.', lessons: 'Quarterly permissions review of shared folders.', actions: [{ kind: 'containment', description: 'Correct the folder permissions', evidence: 'Permissions report' }] },
  { cause: 'ransomware', summary: 'A supplier’s system used by the council was encrypted by ransomware.', information: 'Records held by the supplier', people: 'over-1000', found: 'The supplier told the council.', done: 'Connections to the supplier cut off.', types: ['availability', 'confidentiality'], data: ['identifiers', 'financial'], special: [], subjects: ['customers'], consequences: 'Service disruption; possible exfiltration.', rationale: 'Large numbers and possible theft of financial data.', rootCause: 'The supplier’s unpatched VPN.', lessons: 'Supplier security assurance added to contract reviews.', actions: [{ kind: 'containment', description: 'Cut connections to the supplier', evidence: 'Firewall change' }, { kind: 'recovery', description: 'Restore service from the supplier’s clean backups', evidence: 'Service restored' }] },
];

type LiveValues = Omit<typeof incidents.$inferInsert, 'reference' | 'reportedAt' | 'triageDueAt'>;

/** The cases open now, placed on the real clock when the demo is seeded. */
export const LIVE_CASES: {
  key: string;
  directorate?: string;
  hoursAgo: number;
  triaged: boolean;
  values: LiveValues;
  actions?: { kind: ActionKind; description: string; owner: string; dueInDays: number }[];
}[] = [
  {
    key: 'waiting',
    hoursAgo: 2,
    triaged: false,
    values: {
      reporterKind: 'staff',
      status: 'reported',
      summary:
        'I sent a spreadsheet of home visit addresses to the wrong contractor. I have asked them to delete it.',
      peopleApprox: '11-100',
      informationKinds: 'Names and addresses for home visits',
      ongoing: 'no',
      doneSoFar: 'Asked the contractor to delete it',
      service: 'Adult social care assessments',
    },
  },
  {
    key: 'concern',
    hoursAgo: 5,
    triaged: false,
    values: {
      reporterKind: 'public',
      status: 'reported',
      contactName: 'A member of the public',
      contactEmail: 'concerned.resident@example.com',
      summary: 'I received a letter about my neighbour’s council tax in an envelope addressed to me.',
      peopleApprox: '1',
      informationKinds: 'A council tax letter',
      ongoing: 'not-sure',
      doneSoFar: '',
    },
  },
  {
    key: 'fresh-breach',
    directorate: "Children's Services",
    hoursAgo: 12,
    triaged: true,
    values: {
      reporterKind: 'staff',
      status: 'triaged',
      classification: 'breach',
      summary: 'An e-mail with a safeguarding referral was sent to a parent instead of the school.',
      peopleApprox: '2-10',
      informationKinds: 'A safeguarding referral',
      ongoing: 'no',
      doneSoFar: 'Phoned the parent and asked them to delete it',
      service: "Children's social care",
      triageNote: 'Clearly a breach: children’s data to the wrong person.',
    },
    actions: [
      {
        kind: 'containment',
        description: 'Get written confirmation the e-mail was deleted',
        owner: 'staff',
        dueInDays: 0,
      },
    ],
  },
  {
    key: 'closing-in',
    directorate: "Adults' Social Care",
    hoursAgo: 52,
    triaged: true,
    values: {
      reporterKind: 'staff',
      status: 'assessed',
      classification: 'breach',
      summary: 'A list of people on a mental health waiting list was attached to a press enquiry response.',
      peopleApprox: '101-1000',
      informationKinds: 'Names and referral dates',
      ongoing: 'no',
      doneSoFar: 'Journalist asked to delete it',
      service: 'Mental health services',
      breachTypes: ['confidentiality'],
      cause: 'misdirected-email',
      dataCategories: ['identifiers'],
      specialCategories: ['health'],
      subjectCategories: ['patients', 'vulnerable-adults'],
      vulnerableAdults: true,
      consequences: 'Disclosure that people are waiting for mental health support; distress and stigma.',
      likelihood: 'possible',
      severity: 'significant',
      riskRationale:
        'Health data of hundreds of people to a journalist: damage likely (EDPB); severity significant.',
      staffTraining: 'yes',
      howFound: 'The journalist told the press office.',
    },
    actions: [
      {
        kind: 'containment',
        description: 'Obtain the journalist’s written confirmation of deletion',
        owner: 'ig.officer',
        dueInDays: -1,
      },
    ],
  },
  {
    key: 'near-miss',
    directorate: 'Place',
    hoursAgo: 30,
    triaged: true,
    values: {
      reporterKind: 'staff',
      status: 'triaged',
      classification: 'near-miss',
      nearMissReported: true,
      summary: 'I nearly sent a report to the wrong person but the delay-send rule let me stop it.',
      peopleApprox: '1',
      informationKinds: 'A report',
      ongoing: 'no',
      doneSoFar: 'Stopped before it went',
      service: 'Housing',
    },
  },
];
