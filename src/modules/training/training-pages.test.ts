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
import { hrFile } from '../../../test/support/staff.ts';
import { systemActor } from '../../platform/audit/service.ts';

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));

for (const kind of DATABASE_KINDS) {
  describe(`training's forms (${kind})`, () => {
    let ctx: TestContext;
    before(async () => {
      ctx = await createTestContext(kind);
      await ctx.services.staff.import(
        systemActor('Test'),
        {
          name: 'hr.csv',
          bytes: hrFile([{ employee_id: 'U1', name: 'Una Trained', email: 'u1@test.example' }]),
        },
        { dryRun: false },
      );
    });
    after(() => ctx.close());

    it('keeps courses, attempts by hand, targets and uploads through the pages, refusing bad input on its field', async () => {
      const ig = await signedInAgent(ctx, emailFor('ig_officer'));
      const course = {
        code: 'CYBER',
        title: 'Cyber security',
        mandatory: 'yes',
        refreshMonths: '12',
        xapiActivityIds: '',
      };
      assert.equal((await submitForm(ig, '/training/courses/new', '/training/courses', course)).status, 303);
      const twice = await submitForm(ig, '/training/courses/new', '/training/courses', {
        ...course,
        refreshMonths: '0',
      });
      assert.equal(twice.status, 400);
      assert.match(twice.text, /A completion lasts at least 1 month/);
      const badIri = await submitForm(ig, '/training/courses/new', '/training/courses', {
        ...course,
        code: 'X2',
        xapiActivityIds: 'not an iri',
      });
      assert.match(badIri.text, /Each activity id is an IRI/);
      const stale = await submitForm(ig, '/training/courses/CYBER/edit', '/training/courses/CYBER', {
        ...course,
        version: '99',
      });
      assert.equal(stale.status, 409);
      const changed = await submitForm(ig, '/training/courses/CYBER/edit', '/training/courses/CYBER', {
        ...course,
        title: 'Cyber security awareness',
        version: '1',
      });
      assert.equal(changed.status, 303);
      const cyber = await ctx.services.training.course('cyber');
      assert.equal(cyber.title, 'Cyber security awareness');

      const attempt = {
        person: 'U1',
        courseId: String(cyber.id),
        status: 'passed',
        'completedOn-day': '30',
        'completedOn-month': '2',
        'completedOn-year': '2026',
        evidence: 'Certificate',
      };
      const badDate = await submitForm(ig, '/training/record', '/training/record', attempt);
      assert.equal(badDate.status, 400);
      assert.match(badDate.text, /Enter the date of the attempt as a real date/);
      const nobody = await submitForm(ig, '/training/record', '/training/record', {
        ...attempt,
        person: 'ZZ9',
        'completedOn-day': '28',
      });
      assert.match(nobody.text, /No one is known as the employee id ZZ9/);
      const done = await submitForm(ig, '/training/record', '/training/record', {
        ...attempt,
        'completedOn-day': '28',
      });
      assert.equal(done.status, 303);
      const again = await submitForm(ig, '/training/record', '/training/record', {
        ...attempt,
        'completedOn-day': '28',
      });
      assert.match(again.text, /That attempt is recorded already/);

      const resources = (await ctx.services.organisation.directorates()).find((d) => d.name === 'Resources')!;
      assert.match(
        (
          await submitForm(ig, '/training/targets', '/training/targets', {
            directorateId: String(resources.id),
            percent: '101',
          })
        ).text,
        /A target is at most 100 %/,
      );
      assert.equal(
        (
          await submitForm(ig, '/training/targets', '/training/targets', {
            directorateId: String(resources.id),
            percent: '',
          })
        ).status,
        303,
      );
      assert.equal(
        (await ctx.services.training.targets()).has(resources.id),
        false,
        'an empty target goes back to the DSPT’s',
      );

      const page = await ig.get('/training/import');
      const action = /action="(\/training\/import\?_csrf=[^"]+)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
      const file = csv([
        ['employee_id_or_email', 'course', 'status', 'completed_on'],
        ['U1', 'CYBER', 'passed', '2026-11-01'],
        ['U9', 'CYBER', 'passed', '2026-11-01'],
      ]);
      const refused = await ig.post(action).attach('file', file, 'lms.csv');
      assert.match(refused.text, /Nothing has been imported/);
      assert.match(refused.text, /no one is known as the employee id U9/);
      const rest = await ig.post(action).field('importTheRest', 'yes').attach('file', file, 'lms.csv');
      assert.match(rest.text, /Completions imported/);
      const junk = await ig.post(action).attach('file', Buffer.from('[not json'), 'lrs.json');
      assert.equal(junk.status, 400);
      assert.match(junk.text, /This is not JSON/);
    });
  });
}
