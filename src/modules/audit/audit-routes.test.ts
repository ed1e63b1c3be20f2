import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { createTestContext, emailFor, signedInAgent, type TestContext } from '../../../test/support/app.ts';
import { DATABASE_KINDS } from '../../../test/support/databases.ts';

for (const kind of DATABASE_KINDS) {
  describe(`audit pages on ${kind}`, () => {
    let ctx: TestContext;
    let dpo: Awaited<ReturnType<typeof signedInAgent>>;
    before(async () => {
      ctx = await createTestContext(kind, new Date('2026-07-01T10:00:00Z'));
      // An event on a later day, with a formula-like label an attacker might plant.
      ctx.clock.set(new Date('2026-07-03T12:00:00Z'));
      await ctx.services.audit.recordView(
        { type: 'user', id: '1', label: '=HYPERLINK("http://evil.example")' },
        { action: 'user.viewed', entityType: 'user', entityId: 5 },
      );
      dpo = await signedInAgent(ctx, emailFor('dpo'));
    });
    after(() => ctx.close());

    const rowsShown = (html: string) =>
      [...html.matchAll(/<tr class="govuk-table__row">\s*<td class="govuk-table__cell">(\d+)</g)].map((m) =>
        Number(m[1]),
      );

    it('lists events newest first and filters by person, action, entity and London date', async () => {
      const all = await dpo.get('/audit');
      assert.equal(all.status, 200);
      const seqs = rowsShown(all.text);
      assert.ok(seqs.length > 5);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      const byPerson = rowsShown((await dpo.get('/audit?actor=HYPERLINK')).text);
      assert.equal(byPerson.length, 1);
      const created = await ctx.services.audit.search({ action: 'user.created' }, { limit: 1, offset: 0 });
      assert.equal(created.total, 8);
      assert.ok((await dpo.get('/audit?action=user.created')).text.includes('8 events'));
      assert.equal(
        rowsShown((await dpo.get('/audit?entityType=user&entityId=5')).text).length,
        2,
        'its creation and the view',
      );
      // 2026-07-03 in London began at 23:00 UTC on the 2nd.
      const onThe3rd = (await dpo.get('/audit?from=2026-07-03&to=2026-07-03')).text;
      assert.equal(rowsShown(onThe3rd).length >= 1, true);
      assert.doesNotMatch(onThe3rd, /user\.created/);
      assert.equal(rowsShown((await dpo.get('/audit?from=2026-06-01&to=2026-06-30')).text).length, 0);
    });

    it('explains bad dates and keeps what was typed', async () => {
      const res = await dpo.get('/audit?from=2026-02-30&to=yesterday&actor=kept');
      assert.equal(res.status, 400);
      assert.match(res.text, /Enter a real date/);
      assert.match(res.text, /value="kept"/);
      const backwards = await dpo.get('/audit?from=2026-07-03&to=2026-07-01');
      assert.equal(backwards.status, 400);
      assert.match(backwards.text, /end date must be the same as or after/);
    });

    it('exports the filtered events as CSV, formulas defused, and audits the export', async () => {
      const res = await dpo.get('/audit/export.csv?action=user.');
      assert.equal(res.status, 200);
      assert.match(res.headers['content-type']!, /text\/csv/);
      const records = parse(res.text, { columns: true }) as Record<string, string>[];
      const expected = await ctx.services.audit.search({ action: 'user.' }, { limit: 1, offset: 0 });
      assert.equal(records.length, expected.total);
      assert.ok(records.every((r) => r.action!.startsWith('user.')));
      const planted = records.find((r) => r.actorLabel!.includes('HYPERLINK'))!;
      assert.ok(planted.actorLabel!.startsWith("'="), 'a leading = is escaped so spreadsheets do not run it');
      assert.equal(Number(records[0]!.seq) < Number(records[1]!.seq), true, 'oldest first');
      const exported = await ctx.services.audit.search({ action: 'audit.exported' }, { limit: 1, offset: 0 });
      assert.equal(exported.total, 1);
    });
  });
}
