import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createTestContext, csrfFrom, formBody, signedInAgent, type TestContext } from '../support/app.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { CASE_ACTIONS } from '../../src/domain/requests/workflow.ts';
import { seedEveryHandler } from '../support/fuzz-data.ts';

/** Values people and attackers have sent: NUL and other controls, absurd numbers, markup, wrong shapes. */
const HOSTILE_TEXT = [
  '',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '1e400',
  'Infinity',
  'NaN',
  '-1',
  '0',
  '99999999999',
  '2147483648',
  '1.5',
  ' 12 ',
  '0x1f',
  '£25',
  '1900-01-01',
  '9999-12-31',
  '2026-02-30',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '//evil.example.com/x',
  '%',
  '%E0%A4%A',
  '\uD800',
  '🙂'.repeat(50),
  'x'.repeat(30_000),
  "'; drop table users; --",
];
const hostileText = fc.oneof(
  fc.constantFrom('1', '2', 'yes', 'foi', 'sar', 'granted', 'refused', '2026-11-20', 'upheld', 'retire'),
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Field names the app's forms and API bodies use, and some it does not. */
const FIELDS = [
  'type',
  'channel',
  'subject',
  'description',
  'requesterName',
  'requesterEmail',
  'requesterAddress',
  'receivedOn',
  'note',
  'amount',
  'from',
  'on',
  'method',
  'directorateId',
  'teamId',
  'assigneeId',
  'version',
  'outcome',
  'exemptions',
  'costEstimateHours',
  'publicInterest',
  'responseText',
  'reviewOutcome',
  'title',
  'response',
  'reference',
  'icoOutcome',
  'contributionId',
  'systemId',
  'found',
  'notes',
  'item',
  'decision',
  'exemption',
  'grounds',
  'caseIds',
  'name',
  'email',
  'displayName',
  'jobTitle',
  'password',
  'grants',
  'teamIds',
  'foiPercent',
  'sarPercent',
  'classCode',
  'url',
  'lastPublishedOn',
  'q',
  'page',
  'view',
  'status',
  'role',
  'directorate',
  'actor',
  'action',
  'entityType',
  'entityId',
  'to',
  'next',
  'acknowledge',
  'pressInterest',
  'public',
  'path',
  'source',
  'limit',
  'offset',
  'summary',
  'discoveredOn-day',
  'discoveredTime',
  'occurredTime',
  'people',
  'ongoing',
  'classification',
  'awareOn-day',
  'awareTime',
  'cause',
  'breachTypes',
  'likelihood',
  'severity',
  'riskRationale',
  'consequences',
  'staffTraining',
  'staffEmails',
  'peopleCount',
  'enisaDataContext',
  'reason',
  'phase',
  'submittedOn-year',
  'submittedTime',
  'icoReference',
  'delayReason',
  'body',
  'toldOn-month',
  'kind',
  'ownerEmail',
  'dueOn-day',
  'evidence',
  'rootCause',
  'lessons',
  'deputyEmail',
  'startsOn-day',
  'contactEmail',
  'person',
  'courseId',
  'completedOn-day',
  'score',
  'percent',
  'refreshMonths',
  'mandatory',
  'xapiActivityIds',
  'audienceDirectorateIds',
  'importTheRest',
  'ownerEmail',
  'approverEmail',
  'roles',
  'workerTypes',
  'reviewMonths',
  'changeSummary',
  'quiz',
  'passMark',
  'confirmed',
  'versionId',
  'q0',
  'expiresOn-day',
  '__proto__',
  'constructor',
  'x\u0000',
];
const formFields = fc.dictionary(
  fc.constantFrom(...FIELDS),
  fc.oneof(hostileText, fc.array(hostileText, { maxLength: 3 })),
  { maxKeys: 8 },
);

const jsonBody = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom(...FIELDS),
    fc.oneof(
      hostileText,
      fc.integer(),
      fc.double(),
      fc.constant(null),
      fc.array(fc.anything(), { maxLength: 3 }),
    ),
    {
      maxKeys: 8,
    },
  ),
);

/** Path parameters that are words, not ids: the real words, half the time, so the handler behind them is reached. */
const NAMED_PARAMS: Record<string, string[]> = {
  action: [...CASE_ACTIONS],
  change: ['retire', 'restore'],
  code: ['spend-over-500', 'DPA-IG', 'nonsense'],
  reference: ['FOI-2026-00001', 'SAR-2026-00001', 'INC-2026-0001'],
};

const MULTIPART_BODIES = [
  '--x\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n',
  '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated',
  '--y\r\nnot a part\r\n',
  '--x\r\nContent-Disposition: form-data; name="public"\r\n\r\nyes\u0000\r\n--x--\r\n',
  'garbage',
];

describe('hostile input on every route (pglite)', () => {
  let ctx: TestContext;
  let agent: TestAgent;
  let anonymous: TestAgent;
  let csrf: string;
  let anonymousCsrf: string;
  let ids: string[];

  before(async () => {
    ctx = await createTestContext('pglite');
    ids = await seedEveryHandler(ctx);
    agent = await signedInAgent(ctx, 'everything@test.example');
    anonymous = supertest.agent(ctx.app);
    csrf = csrfFrom((await agent.get('/')).text);
    anonymousCsrf = csrfFrom((await anonymous.get('/requests/new')).text);
  });
  after(() => ctx.close());

  it('never answers 5xx, signed in with every role or anonymous', async () => {
    const failures: string[] = [];
    const idValue = fc.oneof(
      fc.constantFrom(...HOSTILE_TEXT.slice(1, 16)),
      fc.constantFrom(...ids),
      fc.string({ maxLength: 12 }),
    );
    for (const [index, spec] of ctx.app.routeSpecs.entries()) {
      if (spec.path === '/sign-out') continue;
      // Some routes (sign-in, a deactivated account) end the session: start each route signed in.
      if ((await agent.get('/')).status !== 200) {
        agent = await signedInAgent(ctx, 'everything@test.example');
        csrf = csrfFrom((await agent.get('/')).text);
      }
      await fc.assert(
        fc.asyncProperty(
          fc.array(idValue, { minLength: 3, maxLength: 3 }),
          formFields,
          jsonBody,
          fc.nat(MULTIPART_BODIES.length - 1),
          async (params, fields, json, multipart) => {
            let n = 0;
            const path = spec.path.replace(/:(\w+)/g, (_m, name: string) =>
              encodeURIComponent(
                name in NAMED_PARAMS && n++ % 2 === 0
                  ? NAMED_PARAMS[name]![params[0]!.length % NAMED_PARAMS[name]!.length]!
                  : params[n++ % 3]!,
              ),
            );
            // Public routes are tried anonymously too; everything else signed in, so the handler is reached.
            const who = spec.access === 'public' && multipart % 2 === 0 ? anonymous : agent;
            const query = new URLSearchParams();
            for (const [k, v] of Object.entries(fields)) query.append(k, String(v));
            let res;
            if (spec.method === 'get') res = await who.get(`${path}?${query}`);
            else if (path.startsWith('/api/'))
              res = await who
                .post(path)
                .set('Authorization', 'Bearer nonsense')
                .type('json')
                .send(JSON.stringify(json) ?? 'null');
            else if (path.endsWith('/attachments'))
              res = await who
                .post(`${path}?_csrf=${encodeURIComponent(csrf)}`)
                .set('Content-Type', 'multipart/form-data; boundary=x')
                .send(MULTIPART_BODIES[multipart]!);
            else
              res = await who
                .post(path)
                .type('form')
                .send(
                  formBody({
                    // The case's own version most of the time, so case actions get past the stale-copy check.
                    version: String(multipart % 3),
                    ...(fields as Record<string, string | string[]>),
                    _csrf: who === anonymous ? anonymousCsrf : csrf,
                  }),
                );
            if (process.env.FUZZ_DEBUG) console.log(res.status, spec.method, path);
            if (res.status >= 500) failures.push(`${spec.method.toUpperCase()} ${path} → ${res.status}`);
            return true;
          },
        ),
        { numRuns: 15, seed: 20261202 + index },
      );
    }
    assert.deepEqual(failures, []);
  });

  it('answers an API body with NUL, absurd ids and wrong shapes without 5xx', async () => {
    const tokens = await ctx.services.apiTokens.create(systemActor('Test setup'), {
      name: 'fuzz',
      role: 'dpo',
      directorateId: null,
    });
    const failures: string[] = [];
    for (const spec of ctx.app.routeSpecs.filter((s) => s.path.startsWith('/api/'))) {
      await fc.assert(
        fc.asyncProperty(
          jsonBody,
          fc.constantFrom(...HOSTILE_TEXT.slice(0, 16), ...ids),
          async (json, id) => {
            const path = spec.path.replace(/:(\w+)/g, encodeURIComponent(id));
            const req =
              spec.method === 'get'
                ? anonymous.get(path)
                : anonymous
                    .post(path)
                    .type('json')
                    .send(JSON.stringify(json) ?? 'null');
            const res = await req.set('Authorization', `Bearer ${tokens.token}`);
            if (res.status >= 500) failures.push(`${spec.method.toUpperCase()} ${path} → ${res.status}`);
            return true;
          },
        ),
        { numRuns: 25, seed: 1202 },
      );
    }
    assert.deepEqual(failures, []);
  });
});
