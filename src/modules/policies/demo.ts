import type { DemoContext } from '../../platform/modules.ts';
import { DEMO_EMAIL_DOMAIN } from '../../platform/identity/demo.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import { addCalendarMonths, addDays } from '../../domain/calendar/dates.ts';
import { inAudience, parseQuiz, type Audience, type PolicyKind } from '../../domain/policies/policy.ts';
import * as repo from './repository.ts';

const EVERYONE: Audience = { directorateIds: [], roles: [], workerTypes: [] };

interface DemoPolicy {
  title: string;
  kind: PolicyKind;
  summary: string;
  owner: string;
  audience?: (directorates: ReadonlyMap<string, number>) => Audience;
  /** Months ago the first version was published. */
  since: number;
  /** A minor revision after it. */
  minor?: boolean;
  public?: boolean;
  /** Months from today to the next review (negative: overdue). */
  review: number;
}

const LIBRARY: DemoPolicy[] = [
  {
    title: 'Information security and cyber policy',
    kind: 'policy',
    summary:
      'How the council keeps its information and systems secure: access, devices, passwords and multi-factor sign-in, reporting incidents.',
    owner: 'admin',
    since: 20,
    minor: true,
    public: true,
    review: 4,
  },
  {
    title: 'Records management policy',
    kind: 'policy',
    summary: 'Creating, keeping and disposing of records under the retention schedule.',
    owner: 'records.manager',
    since: 26,
    public: true,
    review: -1,
  },
  {
    title: 'Freedom of information and EIR procedure',
    kind: 'procedure',
    summary: 'Logging, answering and reviewing requests under FOIA and the EIR.',
    owner: 'requests.officer',
    audience: () => ({ directorateIds: [], roles: ['requests_officer'], workerTypes: [] }),
    since: 14,
    public: true,
    review: 10,
  },
  {
    title: 'Acceptable use policy',
    kind: 'policy',
    summary: 'What council devices, e-mail and the internet may be used for.',
    owner: 'admin',
    since: 30,
    minor: true,
    review: 0,
  },
  {
    title: 'Social care records procedure',
    kind: 'procedure',
    summary: 'Recording, sharing and keeping case records in adults’ and children’s social care.',
    owner: 'asset.owner',
    audience: (d) => ({
      directorateIds: [d.get("Adults' Social Care")!, d.get("Children's Services")!],
      roles: [],
      workerTypes: [],
    }),
    since: 11,
    review: 1,
  },
  {
    title: 'Clear desk and screen standard',
    kind: 'standard',
    summary: 'Locking screens, securing paper, collecting printing.',
    owner: 'ig.officer',
    since: 16,
    review: 8,
  },
  {
    title: 'Homeworking and information guidance',
    kind: 'guidance',
    summary: 'Working with personal data at home and on the move.',
    owner: 'ig.officer',
    audience: () => ({ directorateIds: [], roles: [], workerTypes: ['employee', 'agency', 'contractor'] }),
    since: 9,
    review: 3,
  },
];

const QUIZ = [
  'You have e-mailed a file to the wrong person. What do you do? | Nothing, if they seem trustworthy | *Report it at once through Custodian’s incident form | Wait to see if they reply',
  'Can you share your password with a colleague covering for you? | *No, never | Yes, if your manager agrees | Yes, for a day',
  'How long do you have to tell the ICO about a reportable breach? | A week | *72 hours from becoming aware | A month',
].join('\n');

/**
 * Kingsmere's policy library: seven policies with owners and approvers, versions published over two years and
 * acknowledged by nearly everyone, one review overdue and one due; and the data protection policy's material change
 * in progress: version 2.0 published ten days ago with a quiz, about half its audience through it, reminders going out;
 * a minor 2.1 drafted and waiting for the DPO's approval.
 */
export async function seedDemoPolicies(context: DemoContext): Promise<void> {
  const { tx, audit, today } = context;
  const random = new SeededRandom(context.seed + 34);
  const user = async (local: string) => (await repo.userByEmail(tx, `${local}@${DEMO_EMAIL_DOMAIN}`))!.id;
  const dpo = await user('dpo');
  const people = await repo.workingToday(tx, today);
  const acknowledge = async (
    versionId: number,
    audience: Audience,
    share: number,
    on: (i: number) => string,
  ) => {
    let i = 0;
    for (const p of people.filter((p) => inAudience(audience, p)))
      if (random.chance(share))
        await repo.insertAcknowledgement(tx, {
          versionId,
          staffId: p.id,
          acknowledgedAt: new Date(`${on(i++)}T10:00:00Z`),
        });
  };
  const publish = async (
    policyId: number,
    major: number,
    minor: number,
    material: boolean,
    change: string,
    publishedOn: string,
    extra: object = {},
  ) =>
    repo.insertVersion(tx, {
      policyId,
      major,
      minor,
      material,
      changeSummary: change,
      status: 'published',
      approvedBy: dpo,
      approvedAt: new Date(`${addDays(publishedOn, -3)}T10:00:00Z`),
      publishedOn,
      createdBy: dpo,
      ...extra,
    });

  const all = [
    ...LIBRARY,
    {
      title: 'Data protection policy',
      kind: 'policy' as const,
      summary: 'The council’s commitments under UK GDPR and the DPA 2018, and everyone’s part in them.',
      owner: 'ig.officer',
      since: 24,
      public: true,
      review: 12,
    },
  ];
  for (const d of all) {
    const audience = d.audience?.(context.directorates) ?? EVERYONE;
    const policy = await repo.insertPolicy(tx, {
      title: d.title,
      kind: d.kind,
      summary: d.summary,
      ownerId: await user(d.owner),
      approverId: dpo,
      audience,
      reviewMonths: 12,
      nextReviewOn: addCalendarMonths(today, d.review),
      public: d.public ?? false,
    });
    await audit({
      action: 'policy.created',
      entityType: 'policy',
      entityId: policy.id,
      details: { kind: d.kind },
    });
    const first = addCalendarMonths(today, -d.since);
    const body = `${d.summary}\n\n1. Purpose\n\n2. Scope\n\n3. Responsibilities\n\n4. Monitoring and review`;
    const v1 = await publish(policy.id, 1, 0, true, 'First issue', first, {
      body,
      status: d.minor || d.title.startsWith('Data protection') ? 'superseded' : 'published',
    });
    await acknowledge(v1.id, audience, 0.93, (i) => addDays(first, 1 + (i % 40)));
    if (d.minor)
      await publish(
        policy.id,
        1,
        1,
        false,
        'Contacts and links brought up to date',
        addCalendarMonths(first, 7),
        { body },
      );
    if (d.title.startsWith('Data protection')) {
      const launched = addDays(today, -10);
      const v2 = await publish(
        policy.id,
        2,
        0,
        true,
        'Rewritten for the Data (Use and Access) Act 2025: recognised legitimate interests, complaints to the council first.',
        launched,
        { body, quiz: parseQuiz(QUIZ), passMark: 80 },
      );
      await acknowledge(v2.id, audience, 0.55, (i) => addDays(launched, i % 10));
      await repo.insertVersion(tx, {
        policyId: policy.id,
        major: 2,
        minor: 1,
        material: false,
        changeSummary: 'The DPO’s new telephone number',
        body,
        createdBy: await user('ig.officer'),
      });
      await audit({
        action: 'policy-version.published',
        entityType: 'policy',
        entityId: policy.id,
        details: { versionId: v2.id, material: true },
      });
    }
  }
  context.counts.policies = all.length;
}
