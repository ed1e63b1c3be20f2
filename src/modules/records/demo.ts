import { systemActor } from '../../platform/audit/service.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import type { DemoContext, Services } from '../../platform/modules.ts';
import { runCommand } from '../../platform/commands.ts';
import { londonToday } from '../../platform/clock.ts';
import * as identity from '../../platform/identity/repository.ts';
import { DEMO_EMAIL_DOMAIN } from '../../platform/identity/demo.ts';
import type { Caller } from '../../platform/web/request.ts';
import { updateList, type DisposalListRow } from './disposal-repository.ts';
import { ENQUIRIES_CLASS, REQUESTS_CLASS, SEED_SCHEDULE } from '../../domain/records/seed-schedule.ts';
import * as repo from './repository.ts';
import * as holdsRepo from './holds-repository.ts';
import { createClass } from './commands/schedule/save-class.ts';

/** Which of the demo council's directorates owns each function's records. */
const OWNERS: Record<string, string> = {
  Democracy: "Chief Executive's",
  Elections: "Chief Executive's",
  Governance: "Chief Executive's",
  'Information governance': 'Resources',
  'Human resources': 'Resources',
  'Health and safety': 'Resources',
  Finance: 'Resources',
  'Revenues and benefits': 'Resources',
  Property: 'Place',
  Planning: 'Place',
  Housing: 'Place',
  'Regulatory services': 'Place',
  'Bereavement services': 'Place',
  "Children's social care": "Children's Services",
  'Adult social care': "Adults' Social Care",
};

/** The demo council adopts the seed schedule, each function's classes owned by its directorate. */
export async function seedDemoSchedule(context: DemoContext): Promise<void> {
  const step = {
    tx: context.tx,
    audit: context.audit,
    actor: systemActor('Demo council'),
    now: new Date(`${context.today}T12:00:00Z`),
    sources: () => [],
  };
  const classes = new Map<string, number>();
  for (const row of SEED_SCHEDULE) {
    const c = await createClass(step, {
      ...row,
      ownerDirectorateId: context.directorates.get(OWNERS[row.function] ?? '') ?? null,
      variance:
        row.code === 'IG-01'
          ? 'The council keeps request files three years from closure, as Darlington does'
          : '',
      changeReason: 'Adopted from the seed schedule',
    });
    classes.set(c.code, c.id);
  }
  context.counts.recordClasses = SEED_SCHEDULE.length;
  // Closed requests are kept under IG-01 and enquiries under IG-03; the first nightly schedule run is done as soon as
  // the demo is seeded.
  for (const [type, classCode] of DEMO_CASE_CLASSES) {
    const id = await repo.insertClassificationRule(context.tx, {
      source: 'requests',
      scope: 0,
      selector: type,
      classId: classes.get(classCode)!,
      createdBy: 'Demo council',
    });
    await context.audit({
      action: 'classification-rule.added',
      entityType: 'classification-rule',
      entityId: id,
      details: { source: 'requests', scope: 0, classCode },
    });
  }
  await seedDemoHolds(context, classes);
  context.afterwards(demoDisposals, { last: true });
}

/** The class each type of closed case is kept under. */
const DEMO_CASE_CLASSES: [string, string][] = [
  ...['foi', 'eir', 'sar', 'rectification', 'erasure', 'objection', 'restriction', 'internal-review'].map(
    (type): [string, string] => [type, REQUESTS_CLASS],
  ),
  ['press', ENQUIRIES_CLASS],
  ['enquiry', ENQUIRIES_CLASS],
];

/** Standing holds a council has: the IICSA instruction over child-related records, and a litigation hold. */
async function seedDemoHolds(context: DemoContext, classes: ReadonlyMap<string, number>) {
  const holds = [
    {
      name: 'IICSA retention instruction',
      reason:
        'The Independent Inquiry into Child Sexual Abuse asked every institution not to destroy records that may bear on the abuse of children in its care; the council keeps them until the instruction is lifted.',
      authority: 'IICSA chair’s letter of July 2015, reaffirmed in 2018',
      requestedBy: 'Director of Children’s Services',
      placedAt: new Date('2015-07-20T09:00:00Z'),
      reviewOn: addDays(context.today, -10),
      scopes: [
        ...['CSC-01', 'CSC-02', 'CSC-03', 'CSC-04', 'CSC-05', 'HR-02', 'HS-03'].map((code) => ({
          kind: 'class',
          classId: classes.get(code)!,
        })),
        { kind: 'search', term: 'Children in care' },
      ],
    },
    {
      name: 'Damp and mould disrepair claims',
      reason:
        'Disrepair claims are being brought against the council: keep everything about damp and mould in its homes until they are settled.',
      authority: 'Legal Services instruction LS-2026-114',
      requestedBy: 'Head of Legal Services',
      placedAt: new Date(`${addDays(context.today, -45)}T10:00:00Z`),
      reviewOn: addDays(context.today, 140),
      scopes: [{ kind: 'search', term: 'damp and mould' }],
    },
  ];
  for (const { scopes, ...hold } of holds) {
    const row = await holdsRepo.insertHold(context.tx, { ...hold, placedBy: 'Demo council' });
    await holdsRepo.insertHoldScopes(
      context.tx,
      scopes.map((scope) => ({ ...scope, holdId: row.id })),
    );
    await context.audit({
      action: 'legal-hold.placed',
      entityType: 'legal-hold',
      entityId: row.id,
      details: { name: row.name, scopes: scopes.map((x) => x.kind), reviewOn: row.reviewOn },
    });
  }
}

/**
 * Once the demo is committed: the first nightly run (schedule, then proposals), and lists taken as far as a council's
 * people would have taken them — one carried out with its certificate, one cooling off, one awaiting approval with a
 * record kept longer, the rest with their owners.
 */
async function demoDisposals(services: Services) {
  const actor = systemActor('Retention schedule');
  await services.recordScheduler.run(actor);
  await services.disposal.propose(actor);
  const manager = await demoCaller(services, 'records.manager');
  const directorates = new Map((await services.organisation.directorates()).map((d) => [d.id, d.name]));
  const lists = await services.disposal.lists(manager.principal);
  // Closed requests' lists are taken along; the shared drive's stay with their owners for review.
  const listOf = (name: string) =>
    lists.find((l) => l.classCode === REQUESTS_CLASS && directorates.get(l.list.directorateId ?? 0) === name)
      ?.list;
  const review = async (list: DisposalListRow | undefined, keepOne = false) => {
    if (!list) return undefined;
    if (keepOne) {
      const { items } = await services.disposal.find(manager, list.number, { limit: 1, offset: 0 });
      await services.disposal.decide(manager, list.id, [items[0]!.item.id], {
        decision: 'keep',
        keepUntil: addDays(londonToday(services.clock), 365),
        reason: 'The requester has complained to the ICO about this response',
      });
    }
    await services.disposal.disposeOfPending(manager, list.id);
    return services.disposal.submitReview(manager, list);
  };
  const carriedOut = await review(listOf("Chief Executive's"));
  if (carriedOut) {
    const approved = await services.disposal.approve(manager, carriedOut);
    // The demo cannot wait a week: this list's cooling-off is taken as over.
    await runCommand(services, systemActor('Demo council'), async (tx, audit) => {
      await updateList(
        tx,
        approved,
        { coolingOffUntil: addDays(londonToday(services.clock), -1) },
        services.clock.now(),
      );
      await audit({
        action: 'demo.cooling-off-shortened',
        entityType: 'disposal-list',
        entityId: approved.id,
      });
    });
    await services.disposal.carryOut(systemActor('Disposal'));
  }
  const coolingOff = await review(listOf('Place'));
  if (coolingOff) await services.disposal.approve(manager, coolingOff);
  await review(listOf('Resources'), true);
}

async function demoCaller(services: Services, name: string): Promise<Caller> {
  const user = await identity.findUserByEmail(services.db.orm, `${name}@${DEMO_EMAIL_DOMAIN}`);
  const principal = (await services.signIn.principalFor(user!.id))!;
  return { principal, actor: { type: 'user', id: String(principal.id), label: principal.label } };
}
