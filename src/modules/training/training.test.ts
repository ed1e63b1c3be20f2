import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createTestContext,
  emailFor,
  signedInAgent,
  submitForm,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { hrFile, type HrCells } from '../../../test/support/staff.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ValidationError } from '../../platform/errors.ts';
import { outbox } from '../../platform/mail/schema.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import { WORKER_TYPES } from '../../domain/staff/hr-file.ts';
import { trainingReport, type ReportCompletion, type ReportPerson } from '../../domain/training/report.ts';
import { COMPLETION_COLUMNS } from '../../domain/training/lms-files.ts';
import type { CompletionStatus } from '../../domain/training/compliance.ts';
import { courseInput } from '../../../test/support/training.ts';

const actor = systemActor('Test');
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const DPA = courseInput({ xapiActivityIds: ['https://lms.example/dpa'] });

for (const kind of DATABASE_KINDS) {
  describe(`training (${kind})`, () => {
    let ctx: TestContext;
    const at = (day: string) => ctx.clock.set(new Date(`${day}T10:00:00Z`));
    const importPeople = (people: HrCells[]) =>
      ctx.services.staff.import(actor, { name: 'hr.csv', bytes: hrFile(people) }, { dryRun: false });

    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    it('computes the 95 % figure in the database exactly as the rules define it, movers and month ends included', async () => {
      // A seeded establishment of 160 imported on 31 January 2025, a third moved on 31 March 2026; three years of
      // attempts of every kind; the database's figures compared with the rules' on many days, month ends among them.
      const random = new SeededRandom(316);
      const directorates = ['Resources', 'Place', 'People', 'Members'];
      const people: (HrCells & { employee_id: string })[] = [];
      for (let i = 0; i < 160; i++) {
        const start = addDays('2022-01-31', random.int(0, 1500));
        people.push({
          employee_id: `P${i}`,
          name: `Person ${i}`,
          email: `p${i}@test.example`,
          directorate: random.pick(directorates),
          start_date: start,
          leave_date: random.chance(0.2) ? addDays(start, random.int(0, 900)) : '',
          worker_type: random.chance(0.85) ? 'employee' : random.pick(WORKER_TYPES),
          personal_data_access: random.chance(0.9) ? 'yes' : 'no',
        });
      }
      at('2025-01-31');
      await importPeople(people);
      const moved = people.map((p) =>
        random.chance(0.33) ? { ...p, directorate: random.pick(directorates) } : p,
      );
      at('2026-03-31');
      await importPeople(moved);
      await ctx.services.training.addCourse(actor, DPA);
      const statuses: CompletionStatus[] = ['completed', 'passed', 'failed', 'in-progress', 'not-started'];
      const rows: string[][] = [[...COMPLETION_COLUMNS]];
      const completions: ReportCompletion[] = [];
      for (let i = 0; i < 400; i++) {
        const who = random.int(0, 159);
        const completedOn = addDays('2023-01-01', random.int(0, 1400));
        const status = random.pick(statuses);
        if (
          completions.some((c) => c.personId === who && c.completedOn === completedOn && c.status === status)
        )
          continue;
        completions.push({ personId: who, completedOn, status });
        rows.push([`P${who}`, 'DPA-IG', status, completedOn, '']);
      }
      const imported = await ctx.services.training.importCompletions(
        actor,
        { name: 'lms.csv', bytes: csv(rows) },
        { importTheRest: false },
      );
      assert.equal(imported.imported, completions.length);
      const days = [
        '2024-02-29',
        '2025-01-31',
        '2025-02-28',
        '2025-03-01',
        '2026-03-30',
        '2026-03-31',
        '2026-11-30',
        '2027-02-28',
      ];
      for (let i = 0; i < 12; i++) days.push(addDays('2023-06-01', random.int(0, 1500)));
      for (const on of days) {
        const reportPeople: ReportPerson[] = people.map((p, i) => ({
          id: i,
          directorate: on >= '2026-03-31' ? moved[i]!.directorate! : p.directorate!,
          startDate: p.start_date!,
          leaveDate: p.leave_date || null,
          workerType: p.worker_type as ReportPerson['workerType'],
          personalDataAccess: p.personal_data_access === 'yes',
        }));
        const expected = trainingReport({
          course: 'DPA-IG',
          refreshMonths: 12,
          on,
          people: reportPeople,
          completions,
        });
        assert.deepEqual(await ctx.services.training.report('dpa-ig', on), expected, on);
      }
    });

    it('reports unknown people and courses and bad rows, importing the rest only when asked, and nothing twice', async () => {
      const file = csv([
        ['employee_id_or_email', 'course', 'status', 'completed_on', 'score'],
        ['P1', 'DPA-IG', 'Passed', '01/06/2026', '90'],
        ['nobody@test.example', 'DPA-IG', 'passed', '2026-06-01', ''],
        ['P2', 'KNITTING', 'passed', '2026-06-01', ''],
        ['P3', 'DPA-IG', 'excused', '2026-06-01', ''],
      ]);
      const refused = await ctx.services.training.importCompletions(
        actor,
        { name: 'x.csv', bytes: file },
        { importTheRest: false },
      );
      assert.equal(refused.done, false);
      assert.equal(refused.imported, 0);
      assert.deepEqual(refused.problems, [
        { where: 'Line 3', reason: 'no one is known as the e-mail address nobody@test.example' },
        { where: 'Line 4', reason: 'no course is known as KNITTING' },
        {
          where: 'Line 5',
          reason: 'status "excused" is not one Custodian knows (completed, passed, failed, …)',
        },
      ]);
      const rest = await ctx.services.training.importCompletions(
        actor,
        { name: 'x.csv', bytes: file },
        { importTheRest: true },
      );
      assert.deepEqual([rest.done, rest.imported, rest.alreadyHeld, rest.problems.length], [true, 1, 0, 3]);
      const again = await ctx.services.training.importCompletions(
        actor,
        { name: 'x.csv', bytes: file },
        { importTheRest: true },
      );
      assert.deepEqual([again.imported, again.alreadyHeld], [0, 1]);
    });

    it('reads xAPI statements by address or account against a course’s activity ids, and refuses what is not JSON', async () => {
      const statements = [
        {
          actor: { mbox: 'mailto:P4@test.example' },
          verb: { id: 'http://adlnet.gov/expapi/verbs/passed' },
          object: { id: 'https://lms.example/dpa' },
          timestamp: '2026-07-01T09:00:00Z',
        },
        {
          actor: { account: { homePage: 'https://hr', name: 'p5' } },
          verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
          object: { id: 'https://lms.example/dpa' },
          timestamp: '2026-07-02T09:00:00Z',
        },
      ];
      const outcome = await ctx.services.training.importCompletions(
        actor,
        { name: 'lrs.json', bytes: Buffer.from(JSON.stringify({ statements })) },
        { importTheRest: false },
      );
      assert.deepEqual([outcome.format, outcome.imported, outcome.problems.length], ['xapi', 2, 0]);
      await assert.rejects(
        ctx.services.training.importCompletions(
          actor,
          { name: 'x.json', bytes: Buffer.from('{"statements": [') },
          { importTheRest: true },
        ),
        (e: unknown) => e instanceof ValidationError && /This is not JSON/.test(e.message),
      );
    });

    it('refuses a course code twice, whatever its case, and a directorate that does not exist', async () => {
      await assert.rejects(
        ctx.services.training.addCourse(actor, { ...DPA, code: 'dpa-ig' }),
        /already a course with the code dpa-ig/,
      );
      await assert.rejects(
        ctx.services.training.addCourse(actor, { ...DPA, code: 'NEW', audienceDirectorateIds: [999999] }),
        /Select directorates from the list/,
      );
    });

    it('shows each directorate against its target, names those not up to date by manager, and reminds them and their managers', async () => {
      at('2026-11-25');
      await importPeople([
        {
          employee_id: 'M1',
          name: 'Manny Ager',
          email: emailFor('staff'),
          directorate: 'Resources',
          start_date: '2019-01-01',
        },
        {
          employee_id: 'T1',
          name: 'Tess Trained',
          email: 't1@test.example',
          directorate: 'Resources',
          line_manager_email: emailFor('staff'),
          start_date: '2019-01-01',
        },
        {
          employee_id: 'U1',
          name: 'Una Trained',
          email: 'u1@test.example',
          directorate: 'Resources',
          line_manager_email: emailFor('staff'),
          start_date: '2019-01-01',
        },
        {
          employee_id: 'U2',
          name: 'Ned Noaddress',
          directorate: 'Resources',
          line_manager_email: emailFor('staff'),
          start_date: '2019-01-01',
        },
        {
          employee_id: 'O1',
          name: 'Otto Elsewhere',
          email: 'o1@test.example',
          directorate: 'Place',
          start_date: '2019-01-01',
        },
      ]);
      await ctx.services.training.recordCompletion(actor, {
        person: 't1@test.example',
        courseId: (await ctx.services.training.course('DPA-IG')).id,
        status: 'passed',
        completedOn: '2026-10-01',
        evidence: 'Certificate on file',
      });
      const resources = (await ctx.services.organisation.directorates()).find((d) => d.name === 'Resources')!;
      await ctx.services.training.setTarget(actor, { directorateId: resources.id, percent: 97.5 });
      const course = await ctx.services.training.course('DPA-IG');
      const figures = await ctx.services.training.figures(course, '2026-11-25');
      const row = figures.directorates.find((d) => d.name === 'Resources')!;
      assert.equal(row.target, 97.5);
      assert.equal(row.rag, 'red');
      const notUpToDate = await ctx.services.training.notCompliant(course, {
        lineManagerId: (await ctx.services.staff.byUser(ctx.userIds.staff))!.id,
      });
      assert.deepEqual(
        notUpToDate.map((p) => p.name),
        ['Ned Noaddress', 'Una Trained'],
      );

      const dpo = await signedInAgent(ctx, emailFor('dpo'));
      const page = await dpo.get('/training/courses/DPA-IG');
      assert.equal(page.status, 200);
      assert.match(page.text, /Manny Ager \(2\)/);
      assert.match(page.text, /97.5%/);
      const confirm = await dpo.get('/training/courses/DPA-IG/remind');
      assert.match(confirm.text, /Send the reminders/);
      const before = (await ctx.database.db.orm.select().from(outbox)).length;
      const sent = await submitForm(
        dpo,
        '/training/courses/DPA-IG/remind',
        '/training/courses/DPA-IG/remind',
        {},
      );
      assert.equal(sent.status, 303);
      const mail = (await ctx.database.db.orm.select().from(outbox)).slice(before);
      assert.ok(
        mail.some(
          (m) => m.toAddress === 'u1@test.example' && /Reminder: complete Data protection/.test(m.subject),
        ),
      );
      const toManager = mail.find((m) => m.toAddress === emailFor('staff') && /your team/.test(m.subject))!;
      assert.match(toManager.subject, /of your team have not completed Data protection/);
      assert.match(toManager.body, /- Ned Noaddress/);
      assert.ok(!mail.some((m) => m.toAddress === 't1@test.example'), 'those up to date are not reminded');

      const json = await dpo.get('/training/courses/DPA-IG/report.json?on=2026-11-25');
      assert.deepEqual(json.body, await ctx.services.training.report('DPA-IG', '2026-11-25'));
      assert.equal((await dpo.get('/training/courses/DPA-IG/report.json?on=2026-02-30')).status, 400);
      assert.equal((await dpo.get('/training/courses/NOPE')).status, 404);
    });

    it('shows a person their own record and their line manager their team, and refuses anyone else with a 403', async () => {
      const manager = await signedInAgent(ctx, emailFor('staff'));
      const team = await manager.get('/training/team');
      assert.match(team.text, /3 people report to you; 2 are overdue/);
      const una = (await ctx.services.staff.list({ q: 'Una' }, { limit: 1, offset: 0 })).rows[0]!;
      const record = await manager.get(`/training/people/${una.id}`);
      assert.equal(record.status, 200);
      assert.match(record.text, /Overdue since/);
      const csvFile = await manager.get(`/training/people/${una.id}/record.csv`);
      assert.match(csvFile.text, /kind,code,title,status,date,score,source/);
      const otto = (await ctx.services.staff.list({ q: 'Otto' }, { limit: 1, offset: 0 })).rows[0]!;
      assert.equal((await manager.get(`/training/people/${otto.id}`)).status, 403);
      const own = await manager.get('/training/me');
      assert.match(own.text, /Your information governance record/);
      const home = await manager.get('/');
      assert.match(home.text, /<strong>2<\/strong> people you manage are overdue with mandatory training/);
      const stranger = await signedInAgent(ctx, emailFor('records_manager'));
      assert.equal((await stranger.get('/training/me')).status, 404, 'HR has no record of them');
      assert.equal((await stranger.get('/training')).headers.location, '/training/me');
      assert.equal((await stranger.get('/training/courses/DPA-IG')).status, 403);
    });

    it('counts only the directorates a course is for', async () => {
      const place = (await ctx.services.organisation.directorates()).find((d) => d.name === 'Place')!;
      await ctx.services.training.addCourse(actor, {
        ...DPA,
        code: 'PLACE-ONLY',
        xapiActivityIds: [],
        audienceDirectorateIds: [place.id],
      });
      const report = await ctx.services.training.report('PLACE-ONLY', '2026-11-25');
      assert.deepEqual(
        report.directorates.map((d) => d.name),
        ['Place'],
      );
      assert.equal(report.councillors.inScope, 0);
      const everyone = await ctx.services.training.report('DPA-IG', '2026-11-25');
      assert.equal(report.total.inScope, everyone.directorates.find((d) => d.name === 'Place')!.inScope);
    });

    it('keeps a snapshot a day for the trend, once', async () => {
      await ctx.services.training.snapshot(actor, '2026-10-31');
      await ctx.services.training.snapshot(actor, '2026-10-31');
      await ctx.services.training.snapshot(actor, '2026-11-25');
      const trend = await ctx.services.training.trend(await ctx.services.training.course('DPA-IG'));
      assert.deepEqual(
        trend.map((t) => t.month),
        ['2026-10', '2026-11'],
      );
      assert.equal(
        trend[1]!.inScope,
        (await ctx.services.training.report('DPA-IG', '2026-11-25')).total.inScope,
      );
    });

    it('counts the directorates below target for the home page from the night’s snapshot, or now when there is none', async () => {
      const course = await ctx.services.training.course('DPA-IG');
      const liveBelow = async (on: string) =>
        (await ctx.services.training.figures(course, on)).directorates.filter(
          (d) => d.rag === 'red' || d.rag === 'amber',
        ).length;
      const below = async (on: string) =>
        (await ctx.services.training.directoratesBelowTarget(on)).find((c) => c.course.id === course.id)!
          .below;
      assert.ok((await liveBelow('2026-11-25')) > 0, 'the test needs a directorate below its target');
      assert.equal(
        await below('2026-11-25'),
        await liveBelow('2026-11-25'),
        'the snapshot agrees with a count',
      );
      assert.equal(
        await below('2026-11-28'),
        await liveBelow('2026-11-25'),
        'three days on, still that snapshot',
      );
      // What the snapshot says is what the home page shows: everyone done, as of that night.
      await ctx.database.db.query(
        `update training_snapshots set completed = in_scope where course_id = ${course.id} and "on" = '2026-11-25'`,
      );
      assert.equal(await below('2026-11-25'), 0);
      assert.equal(
        await below('2027-06-01'),
        await liveBelow('2027-06-01'),
        'no snapshot that week: counted now',
      );
    });
  });
}
