import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../support/cli.ts';
import { deadlineLine } from '../../src/cli/deadline.ts';
import { shippedCalendar, shippedFeed } from '../../src/domain/calendar/shipped.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.ts';
import { CalendarService } from '../../src/platform/calendar/service.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { computeDeadline } from '../../src/domain/requests/deadlines.ts';
import { ValidationError } from '../../src/platform/commands.ts';

describe('custodian deadline', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-deadline-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ CUSTODIAN_DATA_DIR: path.join(dir, 'none'), DATABASE_URL: '' });

  it('prints the due date for a kind and date, with restarts and pauses', async () => {
    const plain = await runCli(['deadline', 'foi', '2023-11-27'], env());
    assert.equal(plain.stdout, '2023-12-28\n');
    const paused = await runCli(
      ['deadline', 'foi', '2017-05-18', '--paused', '2017-05-22:2017-05-24'],
      env(),
    );
    assert.equal(paused.stdout, '2017-06-21\n');
    const scottishSar = await runCli(['deadline', 'sar', '2025-11-01', '--nation', 'scotland'], env());
    assert.equal(scottishSar.stdout, '2025-12-02\n');
    const bad = await runCli(['deadline', 'foi', '2023-11-27', '--paused', '2023-12-01:2023-11-30'], env());
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /ends before it starts/);
    assert.equal(fs.existsSync(path.join(dir, 'none')), false, 'no database is created just to answer');
  });

  it('answers a batch line for line, reporting bad lines and carrying on', async () => {
    const input = [
      '{"kind":"foi","received":"2026-12-18","nation":"scotland","paused":[["2027-01-04","2027-01-08"]]}',
      'not json',
      '{"kind":"sar","received":"2019-04-06"}',
      '{"kind":"foi","received":"2026-13-01"}',
      '{"kind":"foi"}',
      '{"kind":"eir","received":"2009-03-12","restarted":"2009-03-13"}',
    ].join('\n');
    const res = await runCli(['deadline', '--batch', '-'], env(), `${input}\n`);
    assert.equal(res.code, 0, res.stderr);
    const lines = res.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, 6);
    assert.ok(lines[0].due);
    assert.ok(lines[1].error);
    assert.deepEqual(lines[2], { due: '2019-05-07' });
    assert.match(lines[3].error, /not a real date/);
    assert.match(lines[4].error, /received/);
    assert.deepEqual(lines[5], { due: '2009-04-15' });
  });

  it('gives a breach’s ICO deadline, on the command line and in a batch, as DOMAIN.md does', async () => {
    const single = await runCli(['deadline', 'breach', '2026-03-27T09:30'], env());
    assert.equal(single.stdout, '{"due":"2026-03-30T10:30+01:00"}\n');
    const missing = await runCli(['deadline', 'breach', '2026-03-29T01:30'], env());
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /did not happen in London: the clocks went forward/);
    const input = [
      '{"kind":"breach","aware":"2026-03-27T09:30"}',
      '{"kind":"breach","aware":"2026-10-25T01:30"}',
      '{"kind":"breach","aware":"2026-10-23T09:30Z"}',
      '{"kind":"breach","aware":"2026-03-29T01:15"}',
      '{"kind":"breach"}',
    ].join('\n');
    const batch = await runCli(['deadline', '--batch', '-'], env(), `${input}\n`);
    const lines = batch.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(lines.slice(0, 3), [
      { due: '2026-03-30T10:30+01:00' },
      { due: '2026-10-28T00:30+00:00' },
      { due: '2026-10-26T09:30+00:00' },
    ]);
    assert.match(lines[3].error, /01:15 on 29 March 2026 did not happen/);
    assert.match(lines[4].error, /aware/);
  });

  it('computes the pause in a batch line as the command line does', () => {
    const cal = shippedCalendar();
    const line = deadlineLine(
      cal,
      '{"kind":"foi","received":"2026-12-18","paused":[["2027-01-04","2027-01-08"]]}',
    );
    assert.deepEqual(JSON.parse(line), {
      due: computeDeadline(cal, {
        kind: 'foi',
        received: '2026-12-18',
        paused: [['2027-01-04', '2027-01-08']],
      }).due,
    });
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`importing a bank holiday calendar on ${kind}`, () => {
    let database: TestDatabase;
    let service: CalendarService;
    before(async () => {
      database = await createTestDatabase(kind);
      service = new CalendarService({
        db: database.db,
        clock: new FixedClock(new Date('2026-12-01T09:00:00Z')),
      });
    });
    after(() => database.close());

    it('uses the shipped calendar until one is imported, then the newest', async () => {
      assert.equal((await service.current()).version, 'shipped-2026-12-02');
      const feed = shippedFeed();
      const extra = {
        title: 'Extra bank holiday',
        date: '2027-06-07',
        notes: 'Extra bank holiday',
        bunting: true,
      };
      const changed = {
        ...feed,
        'england-and-wales': {
          ...feed['england-and-wales'],
          events: [...feed['england-and-wales'].events, extra],
        },
      };
      const result = await service.import(systemActor(), JSON.stringify(changed));
      assert.equal(result.unchanged, false);
      const current = await service.current();
      assert.equal(current.version, result.version);
      assert.equal(current.isBankHoliday('england-and-wales', '2027-06-07'), true);
      assert.equal(
        computeDeadline(current, { kind: 'foi', received: '2027-06-01' }).calendarVersion,
        result.version,
      );
      assert.equal((await service.import(systemActor(), JSON.stringify(changed))).unchanged, true);
    });

    it('changes nothing when the file is bad', async () => {
      const before = (await service.current()).version;
      await assert.rejects(
        service.import(
          systemActor(),
          '{"england-and-wales": {"division": "england-and-wales", "events": []}}',
        ),
        ValidationError,
      );
      await assert.rejects(service.import(systemActor(), '<html>not json</html>'), /not JSON/);
      assert.equal((await service.current()).version, before);
      assert.equal((await database.db.query('select 1 from holiday_calendars')).length, 1);
    });
  });
}
