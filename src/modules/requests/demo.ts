import type { Tx } from '../../platform/db/database.ts';
import type { Audit } from '../../platform/commands.ts';
import { computeDeadline } from '../../domain/requests/deadlines.ts';
import { shippedCalendar } from '../../domain/calendar/shipped.ts';
import { isFoiWorkingDay } from '../../domain/calendar/bank-holidays.ts';
import { addDays, type IsoDate } from '../../domain/calendar/dates.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import {
  ALLOCATION_TARGET_WORKING_DAYS,
  deadlineKindOf,
  DRAFT_TARGET_WORKING_DAYS,
  formatReference,
  REFERENCE_PREFIX,
  type CaseStatus,
  type CaseType,
} from '../../domain/requests/workflow.ts';
import type { Outcome } from '../../domain/requests/outcomes.ts';
import { requestCases, requestSequences, sarSystems } from './schema.ts';

/** The systems a council searches for subject access requests. */
export const DEMO_SAR_SYSTEMS = [
  'Adult social care case management',
  'Children’s social care case management',
  'Housing management system',
  'Revenues and benefits',
  'HR and payroll',
  'Email (Exchange Online)',
  'Shared drives and SharePoint',
  'Customer contact centre CRM',
  'Education management system',
  'CCTV control room',
];

const TOPICS = [
  'Pothole repairs and compensation claims',
  'Agency staff spending',
  'Temporary accommodation costs',
  'Council tax arrears enforcement',
  'Parking fines issued by street',
  'Children in care placements out of area',
  'Adult social care waiting lists',
  'Road gritting routes',
  'Consultancy contracts',
  'Fly-tipping reports and prosecutions',
  'Library closures consultation',
  'Cyber security incidents',
  'Bin collection missed reports',
  'Special educational needs tribunal appeals',
  'Planning enforcement notices',
  'Taxi licensing',
  'Public health grant spending',
  'Senior officer expenses',
  'Damp and mould complaints in council housing',
  'Use of artificial intelligence',
  'Tree felling programme',
  'Air quality monitoring results',
  'Street lighting energy costs',
  'Leisure centre contracts',
];
const FIRST = [
  'Alex',
  'Sam',
  'Jordan',
  'Chris',
  'Morgan',
  'Taylor',
  'Jamie',
  'Robin',
  'Casey',
  'Riley',
  'Ashley',
  'Drew',
];
const LAST = [
  'Green',
  'Hall',
  'Wood',
  'Price',
  'Patel',
  'Khan',
  'Jones',
  'Evans',
  'Hughes',
  'Murray',
  'Ellis',
  'Mills',
];

/** How each directorate performs: the share answered in time, so reports show green, amber and red honestly. */
const IN_TIME: Record<string, number> = {
  "Adults' Social Care": 0.91,
  "Children's Services": 0.84,
  Place: 0.97,
  Resources: 0.98,
  'Public Health': 0.96,
  "Chief Executive's": 0.95,
};

/**
 * A deterministic year of request history ending on `today`: about six FOI/EIR requests a working day (a unitary
 * council's 1,100–1,500 a year), subject access and other rights requests, reviews, press and general enquiries,
 * with outcomes, exemptions and lateness in realistic proportions. Inserted in bulk; the seeding is one audit event.
 */
export async function seedDemoRequests(
  tx: Tx,
  audit: Audit,
  options: { seed: number; today: IsoDate; directorates: ReadonlyMap<string, number> },
) {
  const random = new SeededRandom(options.seed + 4);
  const calendar = shippedCalendar();
  await tx.insert(sarSystems).values(DEMO_SAR_SYSTEMS.map((name) => ({ name })));
  const directorateNames = [...options.directorates.keys()];
  const counters = new Map<string, number>();
  const rows: (typeof requestCases.$inferInsert)[] = [];
  const yearAgo = addDays(options.today, -365);
  // Four years of closed cases before the last year, fewer a day: the files the retention schedule disposes of.
  const start = addDays(yearAgo, -4 * 365);
  for (let day = start; day <= options.today; day = addDays(day, 1)) {
    if (!isFoiWorkingDay(calendar, day)) continue;
    const archive = day < yearAgo;
    const perDay = archive ? random.int(0, 2) : random.int(3, 9);
    for (let i = 0; i < perDay; i++) {
      const c = demoCase(
        random,
        calendar,
        day,
        options.today,
        directorateNames,
        options.directorates,
        counters,
      );
      rows.push(archive ? { ...c, status: 'closed', closedOn: c.closedOn ?? c.respondedOn } : c);
    }
  }
  for (let i = 0; i < rows.length; i += 400) await tx.insert(requestCases).values(rows.slice(i, i + 400));
  for (const [key, last] of counters) {
    const [prefix, year] = key.split(':');
    await tx.insert(requestSequences).values({ prefix: prefix!, year: Number(year), last });
  }
  await audit({
    action: 'demo.requests-seeded',
    entityType: 'installation',
    details: { cases: rows.length, from: start, to: options.today },
  });
  return rows.length;
}

function demoCase(
  random: SeededRandom,
  calendar: ReturnType<typeof shippedCalendar>,
  receivedOn: IsoDate,
  today: IsoDate,
  directorateNames: string[],
  directorates: ReadonlyMap<string, number>,
  counters: Map<string, number>,
): typeof requestCases.$inferInsert {
  const roll = random.next();
  const type: CaseType =
    roll < 0.78
      ? 'foi'
      : roll < 0.84
        ? 'eir'
        : roll < 0.94
          ? 'sar'
          : roll < 0.95
            ? 'erasure'
            : roll < 0.98
              ? 'press'
              : 'enquiry';
  const year = Number(receivedOn.slice(0, 4));
  const key = `${REFERENCE_PREFIX[type]}:${year}`;
  const n = (counters.get(key) ?? 0) + 1;
  counters.set(key, n);
  const directorate = random.pick(directorateNames);
  const extended = (type === 'foi' && random.chance(0.03)) || (type === 'sar' && random.chance(0.08));
  const kind = deadlineKindOf(type, extended);
  const due = computeDeadline(calendar, { kind, received: receivedOn });
  const target = (workingDays: number) =>
    computeDeadline(calendar, { kind: 'foi', received: receivedOn, workingDays }).due;
  const inTimeRate = IN_TIME[directorate] ?? 0.93;
  const late = !random.chance(inTimeRate);
  // When it was (or will be) answered: most a few days before the deadline, the late ones one to thirty working days after.
  const respondedOn = late
    ? computeDeadline(calendar, { kind: 'foi', received: due.due, workingDays: random.int(1, 30) }).due
    : addDays(due.due, -random.int(0, 12));
  const done = respondedOn <= today;
  const status: CaseStatus = done
    ? random.chance(0.85)
      ? 'closed'
      : 'responded'
    : random.pick(['acknowledged', 'allocated', 'contributions', 'drafting', 'approval'] as const);
  const outcome = done ? demoOutcome(random, type) : null;
  const exemptions =
    outcome === 'refused' || outcome === 'part-granted'
      ? [
          random.pick(
            type === 'eir'
              ? ['12(5)(e)', 'reg13', '12(4)(d)']
              : type === 'foi'
                ? ['s40(2)', 's43(2)', 's31', 's21', 's41']
                : ['sch2-p16', 'sch3-social-work'],
          ),
        ]
      : [];
  const topic = random.pick(TOPICS);
  const published = done && (type === 'foi' || type === 'eir') && status === 'closed' && random.chance(0.12);
  const channel =
    type === 'sar'
      ? random.pick(['email', 'post', 'web'])
      : random.pick(['email', 'email', 'email', 'web', 'web', 'whatdotheyknow', 'post']);
  const requester = `${random.pick(FIRST)} ${random.pick(LAST)}`;
  return {
    reference: formatReference(type, year, n),
    type,
    status,
    channel,
    subject: type === 'sar' || type === 'erasure' ? 'Personal information request' : topic,
    description:
      type === 'sar'
        ? 'Please provide copies of all personal information you hold about me.'
        : `Please provide information about: ${topic.toLowerCase()}, for the last three financial years.`,
    requesterName: requester,
    requesterEmail:
      channel === 'whatdotheyknow'
        ? `request-${random.int(100000, 999999)}-${random.int(0x10000000, 0xffffffff).toString(16)}@whatdotheyknow.com`
        : `${requester.toLowerCase().replace(' ', '.')}@example.com`,
    whatDoTheyKnow: channel === 'whatdotheyknow',
    receivedOn,
    clockStart: receivedOn,
    extended,
    extensionReason: extended ? 'Public interest test for a qualified exemption' : null,
    dueOn: due.due,
    allocationDueOn: target(ALLOCATION_TARGET_WORKING_DAYS),
    draftDueOn: target(DRAFT_TARGET_WORKING_DAYS),
    calendarVersion: due.calendarVersion,
    directorateId: directorates.get(directorate) ?? null,
    outcome,
    exemptions,
    publicInterest: exemptions.some((e) => ['s43(2)', 's31', '12(5)(e)', '12(4)(d)'].includes(e))
      ? 'The public interest in withholding outweighs disclosure at this time.'
      : null,
    costEstimateHours: outcome === 'cost-limit' ? random.int(19, 60) : null,
    responseText: done ? 'Our response is set out in the attached letter.' : null,
    respondedOn: done ? respondedOn : null,
    closedOn: status === 'closed' ? respondedOn : null,
    published,
    publishedTitle: published ? topic : null,
    publishedResponse: published
      ? `We hold information about ${topic.toLowerCase()}. A summary table was released to the requester.`
      : null,
    publishedOn: published ? respondedOn : null,
    icoReference:
      done && random.chance(0.004)
        ? `IC-${random.int(100000, 399999)}-${String.fromCharCode(65 + random.int(0, 25))}${random.int(1, 9)}`
        : null,
  };
}

function demoOutcome(random: SeededRandom, type: CaseType): Outcome {
  if (type === 'press' || type === 'enquiry') return 'granted';
  const r = random.next();
  if (type === 'eir')
    return r < 0.65 ? 'granted' : r < 0.8 ? 'part-granted' : r < 0.9 ? 'not-held' : 'refused';
  if (type !== 'foi') return r < 0.6 ? 'granted' : 'part-granted';
  return r < 0.55
    ? 'granted'
    : r < 0.7
      ? 'part-granted'
      : r < 0.78
        ? 'refused'
        : r < 0.9
          ? 'not-held'
          : r < 0.97
            ? 'cost-limit'
            : r < 0.99
              ? 'vexatious'
              : 'ncnd';
}
