import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { createTestContext, emailFor, signedInAgent, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ValidationError } from '../../platform/errors.ts';
import { users } from '../../platform/identity/schema.ts';
import { hrFile, type HrCells } from '../../../test/support/staff.ts';
import { staffMembers } from './schema.ts';

const actor = systemActor('Test');
type Cells = HrCells;

const ESTABLISHMENT: Cells[] = [
  { employee_id: 'E1', name: 'Ruth Ellis', email: 'ruth.ellis@test.example', team: 'Information Governance' },
  {
    employee_id: 'E2',
    name: 'Dev Anand',
    email: 'staff@test.example',
    team: 'Finance',
    job_title: 'Accountant',
    line_manager_email: 'ruth.ellis@test.example',
  },
  { employee_id: 'A7', name: 'Jo Temp', worker_type: 'agency', directorate: 'Place', team: 'Parks' },
  { employee_id: 'C1', name: 'Cllr Ann Lee', worker_type: 'councillor', directorate: 'Members' },
];

for (const kind of DATABASE_KINDS) {
  describe(`staff from HR (${kind})`, () => {
    let ctx: TestContext;
    const importFile = (people: Cells[], dryRun = false) =>
      ctx.services.staff.import(actor, { name: 'hr.csv', bytes: hrFile(people) }, { dryRun });
    const person = async (employeeId: string) =>
      (await ctx.database.db.orm.select().from(staffMembers)).find((p) => p.employeeId === employeeId)!;

    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    it('shows what an import would do in a dry run and changes nothing', async () => {
      const outcome = await importFile(ESTABLISHMENT, true);
      assert.equal(outcome.dryRun, true);
      assert.equal(outcome.plan.created.length, 4);
      assert.deepEqual(outcome.plan.newDirectorates, ['Place', 'Members']);
      assert.deepEqual(
        outcome.plan.newTeams.map((t) => t.team),
        ['Finance', 'Parks'],
        'Information Governance is a team of Resources already',
      );
      assert.equal(await ctx.services.staff.count(), 0);
      assert.equal((await ctx.services.organisation.directorates()).length, 1);
    });

    it('creates people, directorates and teams, links accounts by address and sets line managers', async () => {
      const outcome = await importFile(ESTABLISHMENT);
      assert.equal(outcome.plan.created.length, 4);
      assert.equal(await ctx.services.staff.count(), 4);
      const dev = await person('E2');
      assert.equal(dev.userId, ctx.userIds.staff, 'matched to the account with the same address');
      assert.equal(dev.lineManagerId, (await person('E1')).id);
      assert.equal((await person('A7')).userId, null, 'people without accounts are held all the same');
      const details = await ctx.services.staff.person(dev.id);
      assert.deepEqual(
        details.postings.map((p) => [p.fromDate, p.directorate, p.team, p.manager]),
        [['2020-04-01', 'Resources', 'Finance', 'Ruth Ellis']],
      );
      const again = await importFile(ESTABLISHMENT);
      assert.equal(again.plan.unchanged, 4, 'the same file again changes nothing');
      assert.equal(again.plan.created.length + again.plan.updated.length, 0);
    });

    it('keeps a mover’s history and closes a leaver’s account on their leave date, never an administrator’s', async () => {
      const agent = await signedInAgent(ctx, emailFor('staff'));
      const moved = ESTABLISHMENT.map((p) =>
        p.employee_id === 'E2' ? { ...p, team: 'Payroll', leave_date: '2026-11-25' } : p,
      );
      moved.push({
        employee_id: 'E9',
        name: 'Admin Person',
        email: emailFor('admin'),
        leave_date: '2026-11-01',
      });
      const outcome = await importFile(moved);
      assert.deepEqual(
        outcome.plan.updated.map((u) => [u.row.employeeId, u.changed, u.moved]),
        [['E2', ['team', 'leaveDate'], true]],
      );
      assert.equal(outcome.accountsClosed, 1);
      assert.equal(outcome.administratorsLeaving, 1);
      const [account] = await ctx.database.db.orm.select().from(users).where(eq(users.id, ctx.userIds.staff));
      assert.equal(account!.active, false);
      assert.equal((await agent.get('/')).status, 303, 'their session ended with the account');
      const [admin] = await ctx.database.db.orm.select().from(users).where(eq(users.id, ctx.userIds.admin));
      assert.equal(admin!.active, true);
      const history = (await ctx.services.staff.person((await person('E2')).id)).postings;
      assert.deepEqual(
        history.map((p) => [p.fromDate, p.team]),
        [
          ['2026-11-25', 'Payroll'],
          ['2020-04-01', 'Finance'],
        ],
      );
    });

    it('closes accounts whose leave date comes after the import, by the nightly job', async () => {
      await importFile([
        ...ESTABLISHMENT,
        { employee_id: 'E5', name: 'Later Leaver', email: emailFor('auditor'), leave_date: '2026-12-31' },
      ]);
      const auditor = async () =>
        (await ctx.database.db.orm.select().from(users).where(eq(users.id, ctx.userIds.auditor)))[0]!;
      assert.equal((await ctx.services.staff.closeLeaversAccounts(actor)).closed, 0);
      assert.equal((await auditor()).active, true);
      ctx.clock.set(new Date('2026-12-31T08:00:00Z'));
      assert.equal((await ctx.services.staff.closeLeaversAccounts(actor)).closed, 1);
      assert.equal((await auditor()).active, false);
      ctx.clock.set(new Date('2026-11-25T10:00:00Z'));
    });

    it('sets managers who manage each other, and keeps a manager whose address changes', async () => {
      await importFile([
        ...ESTABLISHMENT,
        {
          employee_id: 'K1',
          name: 'Kay One',
          email: 'k1@test.example',
          line_manager_email: 'k2@test.example',
        },
        {
          employee_id: 'K2',
          name: 'Kay Two',
          email: 'k2@test.example',
          line_manager_email: 'k1@test.example',
        },
      ]);
      assert.equal((await person('K1')).lineManagerId, (await person('K2')).id);
      assert.equal((await person('K2')).lineManagerId, (await person('K1')).id);
      const renamed = ESTABLISHMENT.map((p) =>
        p.employee_id === 'E1'
          ? { ...p, email: 'ruth.new@test.example' }
          : p.employee_id === 'E2'
            ? { ...p, line_manager_email: 'ruth.new@test.example' }
            : p,
      );
      await importFile(renamed);
      assert.equal((await person('E2')).lineManagerId, (await person('E1')).id);
    });

    it('refuses a bad file whole, naming the line and the reason', async () => {
      const before = await ctx.services.staff.count();
      const refusals: [Cells[], RegExp][] = [
        [
          [...ESTABLISHMENT, { employee_id: 'e1', name: 'Twice' }],
          /^Line 6: employee_id e1 is already on line 2$/,
        ],
        [
          [{ employee_id: 'X', name: 'X', worker_type: 'consultant' }],
          /^Line 2: worker_type must be employee/,
        ],
        [
          [{ employee_id: 'X', name: 'X', leave_date: '2019-01-01' }],
          /^Line 2: leave_date 2019-01-01 is before start_date 2020-04-01$/,
        ],
        [
          [{ employee_id: 'X', name: 'X', line_manager_email: 'nobody@test.example' }],
          /^Line 2: line_manager_email nobody@test.example is not the address of anyone in the file$/,
        ],
      ];
      for (const [people, message] of refusals)
        await assert.rejects(
          importFile(people),
          (e: unknown) => e instanceof ValidationError && message.test(e.message),
        );
      await assert.rejects(
        ctx.services.staff.import(
          actor,
          { name: 'x.csv', bytes: Buffer.from('name,email\nA,a@b.c\n') },
          { dryRun: false },
        ),
        /Line 1: the header has no employee_id, directorate, team/,
      );
      await assert.rejects(
        ctx.services.staff.import(actor, { name: 'x.csv', bytes: Buffer.from('') }, { dryRun: false }),
        /The file is empty/,
      );
      assert.equal(await ctx.services.staff.count(), before);
    });

    it('reads an extract saved by Excel in Windows-1252, with UK dates', async () => {
      const text = hrFile([{ employee_id: 'E77', name: 'Zoë Brontë', start_date: '01/02/2021' }]).toString();
      const outcome = await ctx.services.staff.import(
        actor,
        { name: 'excel.csv', bytes: iconv.encode(text, 'windows-1252') },
        { dryRun: true },
      );
      assert.equal(outcome.plan.created[0]!.name, 'Zoë Brontë');
      assert.equal(outcome.plan.created[0]!.startDate, '2021-02-01');
    });

    it('lists people, shows a person (an audited view) and imports an upload only for administrators', async () => {
      const dpo = await signedInAgent(ctx, emailFor('dpo'));
      const list = await dpo.get('/staff?q=ruth');
      assert.equal(list.status, 200);
      assert.match(list.text, /Ruth Ellis/);
      assert.doesNotMatch(list.text, /Jo Temp/);
      const ruth = await person('E1');
      const page = await dpo.get(`/staff/${ruth.id}`);
      assert.match(page.text, /Line manager of/);
      const views = await ctx.services.audit.search({ action: 'staff.viewed' }, { limit: 5, offset: 0 });
      assert.equal(views.rows[0]!.entityId, String(ruth.id));
      assert.equal((await dpo.get('/staff/import')).status, 403);
      assert.equal((await dpo.get('/staff/999999')).status, 404);
      assert.equal((await dpo.get('/staff/1e3')).status, 404);

      const admin = await signedInAgent(ctx, emailFor('admin'));
      const form = await admin.get('/staff/import');
      const action = /action="(\/staff\/import\?_csrf=[^"]+)"/.exec(form.text)![1]!.replace(/&amp;/g, '&');
      const check = await admin
        .post(action)
        .field('action', 'check')
        .attach('file', hrFile([...ESTABLISHMENT, { employee_id: 'N1', name: 'New Starter' }]), 'hr.csv');
      assert.equal(check.status, 200);
      assert.match(check.text, /nothing has been changed/);
      assert.match(check.text, /New Starter/);
      assert.equal(await person('N1'), undefined);
      const bad = await admin
        .post(action)
        .field('action', 'import')
        .attach('file', Buffer.from('nonsense'), 'x.csv');
      assert.equal(bad.status, 400);
      assert.match(bad.text, /Line 1: the header has a column &quot;nonsense&quot;/);
      const done = await admin
        .post(action)
        .field('action', 'import')
        .attach('file', hrFile([...ESTABLISHMENT, { employee_id: 'N1', name: 'New Starter' }]), 'hr.csv');
      assert.match(done.text, /HR extract imported/);
      assert.ok(await person('N1'));
    });
  });
}
