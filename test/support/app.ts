import supertest from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createServices, type Services } from '../../src/composition.ts';
import { createApp } from '../../src/app.ts';
import { FixedClock } from '../../src/platform/clock.ts';
import { createLogger, type Logger } from '../../src/platform/logger.ts';
import type { ModuleDefinition } from '../../src/platform/modules.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { systemActor } from '../../src/platform/audit/service.ts';
import { ROLES, type Role } from '../../src/platform/authz/roles.ts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';

export const PASSWORD = 'correct horse battery staple';

export interface TestContext {
  kind: DatabaseKind;
  database: TestDatabase;
  services: Services;
  clock: FixedClock;
  app: ReturnType<typeof createApp>;
  /** A directorate every scoped test user belongs to. */
  directorateId: number;
  /** A team in that directorate. */
  teamId: number;
  /** A system searched for subject access requests. */
  sarSystemId: number;
  /** User id per role, each holding only that role (staff: none). */
  userIds: Record<Role, number>;
  close(): Promise<void>;
}

export function emailFor(role: Role): string {
  return `${role.replace('_', '.')}@test.example`;
}

/** The real app, with real services, on a fresh database of the given kind, with one user per role. */
export async function createTestContext(
  kind: DatabaseKind,
  start = new Date('2026-11-25T10:00:00Z'),
  overrides: Partial<Config> = {},
  options: { logger?: Logger; modules?: readonly ModuleDefinition[] } = {},
): Promise<TestContext> {
  const database = await createTestDatabase(kind);
  const clock = new FixedClock(start);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-files-'));
  const config: Config = { ...loadConfig({}), councilName: 'Test Borough Council', filesDir, ...overrides };
  const logger = options.logger ?? createLogger('silent');
  const services = createServices({ config, db: database.db, clock, logger }, options.modules);
  const actor = systemActor('Test setup');
  const directorateId = await services.organisation.createDirectorate(actor, 'Resources');
  const teamId = await services.organisation.createTeam(actor, directorateId, 'Information Governance');
  await services.requestSettings.addSystem(actor, 'Social care records');
  const sarSystemId = (await services.requestSettings.systems())[0]!.id;
  const userIds = {} as Record<Role, number>;
  for (const role of ROLES) {
    userIds[role] = await services.users.create(actor, {
      email: emailFor(role),
      displayName: `Test ${role}`,
      password: PASSWORD,
      grants: role === 'staff' ? [] : [{ role, directorateId: null }],
      teamIds: [],
    });
  }
  const app = createApp(services, { sessionSecret: 'test-secret' });
  return {
    kind,
    database,
    services,
    clock,
    app,
    directorateId,
    teamId,
    sarSystemId,
    userIds,
    close: async () => {
      await services.jobs.stop();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** The hidden CSRF token on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

/** A cookie-keeping agent signed in as the given email. */
export async function signedInAgent(
  ctx: TestContext,
  email: string,
  password = PASSWORD,
): Promise<TestAgent> {
  const agent = supertest.agent(ctx.app);
  const page = await agent.get('/sign-in');
  const res = await agent
    .post('/sign-in')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), email, password, next: '/' });
  if (res.status !== 303) throw new Error(`sign-in as ${email} failed with ${res.status}`);
  return agent;
}

/** Posts a form from a page: fetches the page for its CSRF token first. */
export async function submitForm(
  agent: TestAgent,
  pagePath: string,
  action: string,
  fields: Record<string, string | string[]>,
) {
  const page = await agent.get(pagePath);
  return agent
    .post(action)
    .type('form')
    .send(formBody({ _csrf: csrfFrom(page.text), ...fields }));
}

/** URL-encoded form body; arrays become repeated fields, as a browser sends checkboxes. */
export function formBody(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields))
    for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
  return body.toString();
}
