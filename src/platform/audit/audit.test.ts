import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AuditService, systemActor } from './service.ts';
import { FixedClock } from '../clock.ts';
import { runCommand } from '../commands.ts';
import { canonicalJson } from './hash.ts';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../../../test/support/databases.ts';

describe('canonicalJson', () => {
  it('orders keys at every depth and drops undefined', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: undefined } }),
      '{"a":{"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

for (const kind of DATABASE_KINDS) {
  describe(`audit trail on ${kind}`, () => {
    let database: TestDatabase;
    let audit: AuditService;
    const clock = new FixedClock(new Date('2026-11-25T09:00:00Z'));
    const actor = { type: 'user' as const, id: '7', label: 'Priya Shah' };

    before(async () => {
      database = await createTestDatabase(kind);
      audit = new AuditService(database.db, clock);
    });
    after(() => database.close());

    const record = (n: number) =>
      runCommand({ db: database.db, clock }, actor, async (_tx, a) => {
        for (let i = 0; i < n; i++) {
          clock.advance(1000);
          await a({
            action: 'thing.changed',
            entityType: 'thing',
            entityId: i,
            details: { z: 1, a: { nested: [i, 'x'] } },
          });
        }
      });

    it('chains events and verifies an intact log', async () => {
      await record(5);
      const result = await audit.verify();
      assert.deepEqual(result, { ok: true, count: 5 });
    });

    it('keeps seq contiguous and the chain intact under concurrent commands', async () => {
      await Promise.all(Array.from({ length: 8 }, () => record(3)));
      const result = await audit.verify();
      assert.deepEqual(result, { ok: true, count: 29 });
    });

    it('rolls back the audit event with a failed command', async () => {
      await assert.rejects(
        runCommand({ db: database.db, clock }, actor, async (_tx, a) => {
          await a({ action: 'thing.changed', entityType: 'thing' });
          throw new Error('boom');
        }),
      );
      assert.deepEqual(await audit.verify(), { ok: true, count: 29 });
    });

    it('refuses a command that records nothing', async () => {
      await assert.rejects(
        runCommand({ db: database.db, clock }, actor, async () => 1),
        /at least one audit event/,
      );
    });

    it('is refused UPDATE, DELETE and TRUNCATE by the database itself', async () => {
      await assert.rejects(
        database.db.query(`update audit_events set action = 'x' where seq = 1`),
        /append-only/,
      );
      await assert.rejects(database.db.query(`delete from audit_events where seq = 1`), /append-only/);
      await assert.rejects(database.db.query(`truncate audit_events`), /append-only/);
    });

    it('filters by person, action, entity and date', async () => {
      clock.advance(60_000);
      await audit.recordView(
        { type: 'user', id: '9', label: 'Tom Wright' },
        { action: 'user.viewed', entityType: 'user', entityId: 42 },
      );
      const byActor = await audit.search({ actor: 'tom' }, { limit: 10, offset: 0 });
      assert.equal(byActor.total, 1);
      assert.equal(byActor.rows[0]!.action, 'user.viewed');
      assert.equal((await audit.search({ action: 'user.' }, { limit: 10, offset: 0 })).total, 1);
      assert.equal(
        (await audit.search({ entityType: 'user', entityId: '42' }, { limit: 10, offset: 0 })).total,
        1,
      );
      assert.equal(
        (await audit.search({ actor: '%' }, { limit: 10, offset: 0 })).total,
        0,
        'LIKE wildcards are literal',
      );
      const later = await audit.search(
        { from: new Date(clock.now().getTime() - 500) },
        { limit: 100, offset: 0 },
      );
      assert.equal(later.total, 1);
      const before = await audit.search({ to: new Date('2026-11-25T09:00:02Z') }, { limit: 100, offset: 0 });
      assert.equal(before.total, 1);
      assert.equal((await audit.search({}, { limit: 100, offset: 0 })).total, 30);
    });

    it('detects a row changed behind the application’s back, naming it', async () => {
      await database.db.exec(`
        alter table audit_events disable trigger audit_events_no_update_or_delete;
        update audit_events set details = '{"tampered":true}' where seq = 12;
        alter table audit_events enable trigger audit_events_no_update_or_delete;`);
      const result = await audit.verify();
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.brokenAt, 12);
    });

    it('detects a removed row as a gap', async () => {
      await database.db.exec(`
        alter table audit_events disable trigger audit_events_no_update_or_delete;
        delete from audit_events where seq = 3;
        alter table audit_events enable trigger audit_events_no_update_or_delete;`);
      const result = await audit.verify();
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.brokenAt, 3);
      assert.match(!result.ok ? result.reason : '', /missing/);
    });

    it('uses the system actor for unattended work', async () => {
      assert.deepEqual(systemActor('Jobs'), { type: 'system', id: null, label: 'Jobs' });
    });
  });
}
