import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import {
  createTestContext,
  emailFor,
  signedInAgent,
  submitForm,
  type TestContext,
} from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';
import { recordClass } from '../../../test/support/factories.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { SEED_SCHEDULE } from '../../domain/records/seed-schedule.ts';
import { SCHEDULE_COLUMNS, scheduleRowCells } from '../../domain/records/schedule.ts';
import type { ClassInput } from './inputs.ts';
import { recordItems } from './schema.ts';

const actor = systemActor('Test');
const csv = (lines: string[][]) =>
  Buffer.from(lines.map((l) => l.map((c) => `"${c}"`).join(',')).join('\r\n'));
const seedRows = (rows = SEED_SCHEDULE) => csv([[...SCHEDULE_COLUMNS], ...rows.map(scheduleRowCells)]);

const input = (overrides: Partial<ClassInput> = {}) =>
  recordClass({
    code: 'HSG-09',
    function: 'Housing',
    activity: 'Tenancy',
    description: 'Tenancy files',
    trigger: 'closure',
    retention: { years: 6, months: 0, days: 0 },
    authority: 'Limitation Act 1980',
    ...overrides,
  });

for (const kind of DATABASE_KINDS) {
  describe(`the retention schedule (${kind})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind);
    });
    after(() => ctx.close());

    it('imports a schedule file whole, and again as new versions of what changed only', async () => {
      const first = await ctx.services.retentionSchedule.import(actor, seedRows(), 'seed.csv');
      assert.deepEqual(first, { added: SEED_SCHEDULE.length, changed: 0, unchanged: 0 });
      const changed = SEED_SCHEDULE.map((r) =>
        r.code === 'FIN-01' ? { ...r, retention: { years: 7, months: 0, days: 0 } } : r,
      );
      const second = await ctx.services.retentionSchedule.import(actor, seedRows(changed), 'seed-2.csv');
      assert.deepEqual(second, { added: 0, changed: 1, unchanged: SEED_SCHEDULE.length - 1 });
      const fin = await ctx.services.retentionSchedule.find('FIN-01');
      assert.equal(fin.currentVersion, 2);
      assert.deepEqual(
        fin.versions.map((v) => [v.version, v.period, v.changeReason]),
        [
          [2, 'P7Y', 'Imported from seed-2.csv'],
          [1, 'P6Y', 'Imported from seed.csv'],
        ],
      );
    });

    it('stops at the first bad row, saying which line and why, and changes nothing', async () => {
      const before = await ctx.services.retentionSchedule.classes();
      const bad = csv([
        [...SCHEDULE_COLUMNS],
        scheduleRowCells({ ...SEED_SCHEDULE[0]!, code: 'NEW-01' }),
        ['NEW-02', 'Finance', '', 'Grants', 'closure', 'P6Y', 'trigger', 'shred', '', '', 'no', 'no', ''],
      ]);
      await assert.rejects(ctx.services.retentionSchedule.import(actor, bad, 'bad.csv'), (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.match(
          error.message,
          /^Line 3: action must be destroy, review, transfer or permanent, not "shred"/,
        );
        return true;
      });
      const twice = csv([
        [...SCHEDULE_COLUMNS],
        scheduleRowCells(SEED_SCHEDULE[0]!),
        scheduleRowCells(SEED_SCHEDULE[0]!),
      ]);
      await assert.rejects(
        ctx.services.retentionSchedule.import(actor, twice, 'twice.csv'),
        /Line 3: code DEM-01 is already on line 2/,
      );
      await assert.rejects(
        ctx.services.retentionSchedule.import(actor, Buffer.from('\u0000\u0001garbage'), 'x'),
        ValidationError,
      );
      await assert.rejects(
        ctx.services.retentionSchedule.import(actor, Buffer.alloc(0), 'empty.csv'),
        /empty/,
      );
      assert.deepEqual(await ctx.services.retentionSchedule.classes(), before);
    });

    it('exports the schedule as CSV and XLSX that import back unchanged', async () => {
      for (const format of ['csv', 'xlsx'] as const) {
        const file = await ctx.services.retentionSchedule.export(format);
        const again = await ctx.services.retentionSchedule.import(actor, file, `export.${format}`);
        assert.deepEqual(again, { added: 0, changed: 0, unchanged: SEED_SCHEDULE.length }, format);
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await ctx.services.retentionSchedule.export('xlsx')) as unknown as ArrayBuffer,
      );
      assert.deepEqual((workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1), [
        ...SCHEDULE_COLUMNS,
      ]);
    });

    it('reads a schedule in Windows-1252 and the LGA layout', async () => {
      const lga = iconv.encode(
        'Unique ID,Function L1,Function L2,Records description,Start event,Retention years,Retention months,Retain permanently?,Legislation\r\n' +
          'LGA-7,Housing,Tenancy,Tenants\u2019 arrears files,Case closed,6,6,No,Limitation Act 1980\r\n',
        'windows-1252',
      );
      const result = await ctx.services.retentionSchedule.import(actor, lga, 'lga.csv');
      assert.equal(result.added, 1);
      const c = await ctx.services.retentionSchedule.find('LGA-7');
      assert.equal(c.rule.description, 'Tenants’ arrears files');
      assert.equal(c.rule.period, 'P6Y6M');
      assert.equal(c.rule.trigger, 'closure');
    });

    it('reschedules a class’s records when its rule changes, keeping the old version', async () => {
      const c = await ctx.services.retentionSchedule.save(actor, input());
      await ctx.database.db.orm.insert(recordItems).values(
        ['2021-05-01', '2021-05-01', '2024-01-10'].map((triggerOn, i) => ({
          source: 'test',
          scope: 0,
          key: `r${i}`,
          title: `Record ${i}`,
          classId: c.id,
          classVersion: 1,
          triggerOn,
          until: triggerOn.replace(/^(\d{4})/, (y) => String(Number(y) + 6)),
          fingerprint: '1',
        })),
      );
      const preview = await ctx.services.retentionSchedule.preview(
        c,
        input({ retention: { years: 3, months: 0, days: 0 } }),
      );
      assert.deepEqual(
        [preview.records, preview.changed, preview.nowDisposable, preview.inPlace],
        [3, 3, 2, true],
        'two records from 2021 become due at once; the 2024 one moves to 2027',
      );
      const changed = await ctx.services.retentionSchedule.save(
        actor,
        input({
          retention: { years: 3, months: 0, days: 0 },
          changeReason: 'Review of the housing schedule',
        }),
        { id: c.id, version: c.version },
      );
      assert.equal(changed.currentVersion, 2);
      const items = await ctx.database.db.orm.select().from(recordItems).where(eq(recordItems.classId, c.id));
      assert.deepEqual(items.map((i) => [i.until, i.classVersion]).sort(), [
        ['2024-05-01', 2],
        ['2024-05-01', 2],
        ['2027-01-10', 2],
      ]);
      await assert.rejects(
        ctx.services.retentionSchedule.save(actor, input({ notes: 'late', changeReason: 'x' }), {
          id: c.id,
          version: c.version,
        }),
        ConflictError,
        'a save over someone else’s change is refused',
      );
      await assert.rejects(
        ctx.services.retentionSchedule.save(
          actor,
          input({ retention: { years: 3, months: 0, days: 0 }, changeReason: 'again' }),
          {
            id: c.id,
            version: changed.version,
          },
        ),
        /Nothing has changed/,
      );
      const events = await ctx.services.audit.search({ action: 'record-class.' }, { limit: 5, offset: 0 });
      assert.equal(events.rows[0]!.action, 'record-class.changed');
      assert.deepEqual(events.rows[0]!.details, {
        code: 'HSG-09',
        version: 2,
        period: 'P3Y',
        action: 'destroy',
        rescheduled: 3,
        waitingForScheduler: 0,
      });
    });

    it('lets the records manager keep the schedule in the browser, with a check of what a change does', async () => {
      const manager = await signedInAgent(ctx, emailFor('records_manager'));
      const page = await manager.get('/records/schedule');
      assert.equal(page.status, 200);
      assert.match(
        page.text,
        /6 years from the end of the financial year of last modification, then destroyed/,
      );
      const fields = {
        code: 'PLAN-99',
        function: 'Planning',
        description: 'Street naming files',
        trigger: 'creation',
        years: '10',
        from: 'trigger',
        action: 'destroy',
        personalData: 'yes',
      };
      const bad = await submitForm(manager, '/records/schedule/new', '/records/schedule/classes', {
        ...fields,
        years: '-1',
        action: 'permanent',
      });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /Years cannot be negative/);
      assert.match(
        bad.text,
        /value="Street naming files"|Street naming files<\/textarea>/,
        'what was typed is kept',
      );
      const created = await submitForm(manager, '/records/schedule/new', '/records/schedule/classes', fields);
      assert.equal(created.status, 303);
      assert.equal(created.headers.location, '/records/schedule/classes/PLAN-99');
      const edit = await manager.get('/records/schedule/classes/PLAN-99/edit');
      const version = /name="version" value="(\d+)"/.exec(edit.text)![1]!;
      const change = { ...fields, years: '12', version, changeReason: 'Street naming is kept longer now' };
      const check = await submitForm(
        manager,
        '/records/schedule/classes/PLAN-99/edit',
        '/records/schedule/classes/PLAN-99',
        change,
      );
      assert.equal(check.status, 200);
      assert.match(check.text, /Check the change to PLAN-99/);
      assert.match(check.text, /12 years from creation, then destroyed/);
      assert.equal(
        (await ctx.services.retentionSchedule.find('PLAN-99')).currentVersion,
        1,
        'nothing saved before the check',
      );
      const saved = await submitForm(
        manager,
        '/records/schedule/classes/PLAN-99/edit',
        '/records/schedule/classes/PLAN-99',
        {
          ...change,
          confirmed: 'yes',
        },
      );
      assert.equal(saved.status, 303);
      assert.equal((await ctx.services.retentionSchedule.find('PLAN-99')).rule.period, 'P12Y');
      const stale = await submitForm(
        manager,
        '/records/schedule/classes/PLAN-99/edit',
        '/records/schedule/classes/PLAN-99',
        {
          ...change,
          years: '15',
          confirmed: 'yes',
        },
      );
      assert.equal(stale.status, 409);

      const auditor = await signedInAgent(ctx, emailFor('auditor'));
      assert.equal((await auditor.get('/records/schedule/classes/PLAN-99')).status, 200);
      assert.equal((await auditor.get('/records/schedule/classes/PLAN-99/edit')).status, 403);
      assert.equal((await auditor.get('/records/schedule/classes/NO-SUCH')).status, 404);
      const exported = await auditor.get('/records/schedule.csv');
      assert.equal(exported.status, 200);
      assert.match(exported.text, /^\uFEFFcode,function,activity/);
    });

    it('imports a schedule uploaded in the browser, and shows a bad file’s line and reason', async () => {
      const manager = await signedInAgent(ctx, emailFor('records_manager'));
      const page = await manager.get('/records/schedule');
      const action = /action="(\/records\/schedule\/import\?_csrf=[^"]+)"/
        .exec(page.text)![1]!
        .replace(/&amp;/g, '&');
      const bad = await manager
        .post(action)
        .attach(
          'file',
          Buffer.from('code,function,description,trigger,period\r\nX-1,Finance,Things,closure,forever\r\n'),
          'bad.csv',
        );
      assert.equal(bad.status, 400);
      assert.match(bad.text, /Line 2: period: .*forever.* is not a retention period/);
    });
  });
}
