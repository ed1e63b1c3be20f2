import { eq } from 'drizzle-orm';
import type { DemoContext, Services } from '../../platform/modules.ts';
import { runCommand } from '../../platform/commands.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { directorates as directoratesTable, users } from '../../platform/identity/schema.ts';
import { DEMO_EMAIL_DOMAIN } from '../../platform/identity/demo.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import {
  addWorkingHours,
  icoDeadline,
  londonMinute,
  londonWallClock,
} from '../../domain/incidents/ico-clock.ts';
import { shippedCalendar } from '../../domain/calendar/shipped.ts';
import { breachRisk } from '../../domain/incidents/risk.ts';
import type { Cause, Classification } from '../../domain/incidents/taxonomy.ts';
import { incidentActions } from './schema.ts';
import * as repo from './repository.ts';
import { DEMO_CASES, LIVE_CASES, type DemoCase } from './demo-cases.ts';

const HOUR = 3_600_000;
/** Two years of reports: a few hundred, as a council of this size logs. */
const HISTORIC = 320;

/** Causes weighted as councils' breach logs and the ICO's data show them: misdirected e-mail far ahead. */
const CAUSE_WEIGHTS: [Cause, number][] = [
  ['misdirected-email', 38],
  ['misdirected-post', 12],
  ['no-bcc', 7],
  ['failure-to-redact', 7],
  ['lost-paperwork', 6],
  ['unauthorised-access', 5],
  ['phishing', 6],
  ['wrong-record', 5],
  ['verbal-disclosure', 4],
  ['lost-device', 4],
  ['insecure-disposal', 3],
  ['misconfiguration', 2],
  ['ransomware', 1],
];

/** The directorate each demo service sits in; a story with no service happens anywhere. */
const SERVICE_DIRECTORATES: Record<string, string> = {
  'Adult safeguarding': "Adults' Social Care",
  'Adult social care assessments': "Adults' Social Care",
  'Mental health services': "Adults' Social Care",
  "Children's social care": "Children's Services",
  'Council tax': 'Resources',
  'Housing benefit': 'Resources',
  'Human resources': 'Resources',
  'Information governance': 'Resources',
  Housing: 'Place',
  'Planning enforcement': 'Place',
};

function weighted<T>(random: SeededRandom, weights: readonly (readonly [T, number])[]): T {
  let n = random.next() * weights.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of weights) if ((n -= w) < 0) return value;
  return weights[weights.length - 1]![0];
}

/**
 * Two years of the demo council's incidents — mostly e-mails to the wrong person, some reported to the ICO, a few
 * late with their reasons — all closed after their lessons reviews; and, once the council exists, a handful of live
 * cases on the real clock: a report waiting for triage, breaches with hours left, actions due.
 */
export async function seedDemoIncidents(context: DemoContext): Promise<void> {
  const { tx, today } = context;
  const random = new SeededRandom(context.seed + 15);
  const people = await tx.select({ id: users.id, email: users.email }).from(users);
  const byName = (name: string) => people.find((p) => p.email === `${name}@${DEMO_EMAIL_DOMAIN}`)!.id;
  const dpo = byName('dpo');
  const officer = byName('ig.officer');
  const staff = people.filter((p) => !p.email.includes('.officer') && p.email !== `dpo@${DEMO_EMAIL_DOMAIN}`);
  const directorates = [...context.directorates.entries()];
  const calendar = shippedCalendar();
  let reported = 0;
  let actions = 0;
  for (let i = 0; i < HISTORIC; i++) {
    const day = addDays(today, -random.int(14, 729));
    const reportedAt = londonWallClock(day, random.int(8, 17), random.int(0, 59));
    const cause = weighted(random, CAUSE_WEIGHTS);
    const classification = weighted<Classification>(random, [
      ['breach', 70],
      ['near-miss', 19],
      ['security-incident', 7],
      ['not-an-incident', 4],
    ]);
    const matching = DEMO_CASES.filter((c) => c.cause === cause);
    const story: DemoCase = random.pick(matching.length ? matching : DEMO_CASES);
    const home = story.service ? SERVICE_DIRECTORATES[story.service] : undefined;
    const directorateId = home ? context.directorates.get(home)! : random.pick(directorates)[1];
    const awareAt = new Date(reportedAt.getTime() + random.int(0, 90) * 60_000);
    const triagedAt = new Date(
      reportedAt.getTime() + random.int(20, random.chance(0.85) ? 240 : 1500) * 60_000,
    );
    const likelihood = random.pick(['remote', 'possible', 'possible', 'probable'] as const);
    const severity = weighted(random, [
      ['minimal', 50],
      ['significant', 42],
      ['severe', 8],
    ] as const);
    const breach = classification === 'breach';
    const risk = breach
      ? breachRisk({ likelihood, severity, sensitiveData: story.special.length > 0 })
      : null;
    const toIco = breach && risk !== 'low' && random.chance(risk === 'high' ? 0.7 : 0.2);
    const late = toIco && random.chance(0.12);
    const icoReportedAt = toIco
      ? new Date(awareAt.getTime() + (late ? random.int(75, 120) : random.int(6, 70)) * HOUR)
      : null;
    const closedAt = new Date(reportedAt.getTime() + random.int(7, 12) * 24 * HOUR);
    const row = await repo.insertIncident(tx, {
      status: 'closed',
      reporterKind: random.chance(0.06) ? 'public' : 'staff',
      reportedBy: random.pick(staff).id,
      reportedAt,
      summary: story.summary,
      occurredAt: new Date(awareAt.getTime() - random.int(1, 48) * HOUR),
      discoveredAt: awareAt,
      peopleApprox: story.people,
      recordsApprox: story.people,
      informationKinds: story.information,
      ongoing: 'no',
      doneSoFar: story.done,
      nearMissReported: classification === 'near-miss',
      directorateId,
      service: story.service ?? '',
      classification,
      awareAt,
      triagedAt,
      triagedBy: officer,
      triageDueAt: addWorkingHours(calendar, reportedAt, 4),
      handlerId: officer,
      howFound: story.found,
      breachTypes: story.types,
      cause,
      dataCategories: story.data,
      specialCategories: story.special,
      subjectCategories: story.subjects,
      consequences: story.consequences,
      likelihood: breach ? likelihood : null,
      severity: breach ? severity : null,
      riskRationale: breach ? story.rationale : '',
      staffTraining: random.chance(0.85) ? 'yes' : 'no',
      assessedAt: breach ? new Date(triagedAt.getTime() + 6 * HOUR) : null,
      icoDecision: breach ? (toIco ? 'report' : 'do-not-report') : null,
      icoReason: breach
        ? toIco
          ? `The risk to the people affected is ${risk}: reportable under Art 33(1).`
          : 'Unlikely to result in a risk: the recipient confirmed deletion and the information was limited.'
        : '',
      icoDecidedBy: breach ? dpo : null,
      icoDecidedAt: breach ? new Date(awareAt.getTime() + random.int(8, 60) * HOUR) : null,
      icoReportedAt,
      icoReference: toIco
        ? `IC-${String(random.int(100000, 999999))}-${String.fromCharCode(65 + random.int(0, 25))}${random.int(1, 9)}`
        : null,
      delayReason: late ? random.pick(DELAYS) : '',
      subjectsDecision: breach ? (risk === 'high' ? 'tell' : 'do-not-tell') : null,
      subjectsReason: breach
        ? risk === 'high'
          ? 'High risk: the people affected were written to with advice.'
          : 'The risk is not high, so Art 34 does not require it.'
        : '',
      subjectsToldOn: breach && risk === 'high' ? addDays(day, random.int(1, 4)) : null,
      subjectsDecidedBy: breach ? dpo : null,
      rootCause: story.rootCause,
      lessons: story.lessons,
      lessonsReviewedAt:
        classification === 'not-an-incident' ? null : new Date(closedAt.getTime() - 24 * HOUR),
      closedAt,
    });
    reported += 1;
    if (classification === 'not-an-incident') continue;
    for (const [k, action] of story.actions.entries()) {
      await tx.insert(incidentActions).values({
        incidentId: row.id,
        kind: action.kind,
        description: action.description,
        ownerId: k === 0 ? officer : random.pick(staff).id,
        dueOn: addDays(day, 2 + k * 3),
        doneAt: new Date(reportedAt.getTime() + (1 + k * 2) * 24 * HOUR),
        evidence: action.evidence,
      });
      actions += 1;
    }
  }
  await context.audit({
    action: 'incidents.seeded',
    entityType: 'incident',
    entityId: 'demo',
    details: { incidents: reported, actions },
  });
  context.counts.incidents = reported + LIVE_CASES.length;
  context.afterwards(seedLiveCases);
}

const DELAYS = [
  'The breach was reported to IG on a Friday evening and the severity was not recognised until the Monday review.',
  'The service believed the recipient was a partner organisation entitled to the data; this was found to be wrong on day four.',
  'The number of people affected was not known until the supplier completed its log analysis.',
];

/** The live cases, written on the real clock once the council exists, each through the same commands staff use. */
async function seedLiveCases(services: Services) {
  const now = services.clock.now();
  // Read before the transaction: on the embedded database a query outside it would wait for it forever.
  const calendar = await services.calendar.current();
  await runCommand(services, systemActor('Demo council'), async (tx, audit) => {
    const idOf = async (name: string) =>
      (
        await tx
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, `${name}@${DEMO_EMAIL_DOMAIN}`))
      )[0]!.id;
    const reporter = await idOf('staff');
    const directorates = new Map(
      (
        await tx.select({ id: directoratesTable.id, name: directoratesTable.name }).from(directoratesTable)
      ).map((d) => [d.name, d.id]),
    );
    for (const live of LIVE_CASES) {
      const reportedAt = new Date(now.getTime() - live.hoursAgo * HOUR);
      const awareAt = live.triaged ? reportedAt : null;
      const row = await repo.insertIncident(tx, {
        ...live.values,
        reportedBy: live.values.reporterKind === 'staff' ? reporter : null,
        directorateId: live.directorate ? (directorates.get(live.directorate) ?? null) : null,
        assessedAt: live.values.likelihood ? new Date(reportedAt.getTime() + 6 * HOUR) : null,
        reportedAt,
        awareAt,
        triagedAt: awareAt ? new Date(reportedAt.getTime() + HOUR) : null,
        triageDueAt: addWorkingHours(calendar, reportedAt, 4),
        occurredAt: new Date(reportedAt.getTime() - 3 * HOUR),
        discoveredAt: new Date(reportedAt.getTime() - HOUR),
      });
      await audit({
        action: 'incident.reported',
        entityType: 'incident',
        entityId: row.id,
        details: { reporterKind: live.values.reporterKind },
      });
      if (awareAt)
        await audit({
          action: 'incident.triaged',
          entityType: 'incident',
          entityId: row.id,
          details: {
            classification: live.values.classification,
            aware: londonMinute(awareAt),
            icoDue: londonMinute(icoDeadline(awareAt)),
          },
        });
      for (const action of live.actions ?? [])
        await tx.insert(incidentActions).values({
          incidentId: row.id,
          kind: action.kind,
          description: action.description,
          ownerId: await idOf(action.owner),
          dueOn: addDays(services.incidents.today(), action.dueInDays),
        });
    }
  });
}
