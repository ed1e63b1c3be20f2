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
import { eq } from 'drizzle-orm';
import { users } from '../../src/platform/identity/schema.ts';
import { codeAt, mustUseTwoStep, stepAt } from '../../src/platform/identity/two-step.ts';

export const PASSWORD = 'correct horse battery staple';
/** The authenticator key the test administrator and DPO set up before each suite, as they must to sign in. */
export const TEST_AUTHENTICATOR_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

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
  // The data folder holds the service keys: each suite has its own, as each server does.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custodian-data-'));
  const config: Config = {
    ...loadConfig({}),
    councilName: 'Test Borough Council',
    filesDir,
    dataDir,
    ...overrides,
  };
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
    if (mustUseTwoStep([{ role, directorateId: null }]))
      await setUpAuthenticator(services, clock, userIds[role], TEST_AUTHENTICATOR_KEY);
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
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The hidden CSRF token on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no CSRF token on the page');
  return match[1]!;
}

/**
 * A cookie-keeping agent signed in as the given email, with its authenticator's code when the account has two-step
 * sign-in, or setting one up (and remembering its key) when its role needs one and it has none yet.
 */
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
  const location = res.headers.location as string;
  if (location.startsWith('/sign-in/two-step')) {
    const step = await agent.get(location);
    const key = location.endsWith('/set-up') ? keyShownOn(step.text) : authenticatorKeyOf(ctx, email);
    const done = await agent
      .post(location)
      .type('form')
      .send({ _csrf: csrfFrom(step.text), code: await nextCode(ctx, email, key) });
    if (done.status !== 303 && done.status !== 200)
      throw new Error(`the second step for ${email} failed with ${done.status}`);
    if (location.endsWith('/set-up')) rememberAuthenticator(ctx, email, key);
  }
  return agent;
}

const authenticators = new WeakMap<TestContext['services'], Map<string, string>>();

/** Keeps the key an account set up, so its later sign-ins can give its codes. */
export function rememberAuthenticator(ctx: Pick<TestContext, 'services'>, email: string, key: string): void {
  const keys = authenticators.get(ctx.services) ?? new Map<string, string>();
  keys.set(email.toLowerCase(), key);
  authenticators.set(ctx.services, keys);
}

/** The authenticator key of a test account: the administrator's and DPO's, or one set up during the test. */
export function authenticatorKeyOf(ctx: Pick<TestContext, 'services'>, email: string): string {
  return authenticators.get(ctx.services)?.get(email.toLowerCase()) ?? TEST_AUTHENTICATOR_KEY;
}

/** The key printed on the set-up page, for someone who cannot scan the QR code. */
export function keyShownOn(html: string): string {
  const match = /class="[^"]*app-secret-key[^"]*">([A-Z2-7 ]+)</.exec(html);
  if (!match) throw new Error('no authenticator key on the page');
  return match[1]!.replace(/ /g, '');
}

/**
 * The code an authenticator app would show for the account's next sign-in. The suite's clock stands still and a code
 * is never accepted twice, so a sign-in in a step whose code was used takes the next step's (still within the
 * one-step window), and after that the clock moves on 30 seconds, as it would for a person.
 */
export async function nextCode(
  ctx: Pick<TestContext, 'services' | 'clock'>,
  email: string,
  key = authenticatorKeyOf(ctx, email),
): Promise<string> {
  const [row] = await ctx.services.db.orm
    .select({ lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.email, email.toLowerCase()));
  const now = stepAt(ctx.clock.now());
  const step = Math.max(now, (row?.lastStep ?? 0) + 1);
  if (step > now + 1) ctx.clock.advance((step - now - 1) * 30_000);
  return codeAt(key, new Date(step * 30_000));
}

/** Sets up an authenticator with a known key for an account, as its owner would on the set-up page. */
export async function setUpAuthenticator(
  services: Services,
  clock: FixedClock,
  userId: number,
  key: string,
): Promise<string[]> {
  const user = (await services.users.get(userId))!;
  const proposal = await services.twoStep.proposal(userId, user.email, key);
  const who = { id: userId, label: user.displayName };
  const actor = { type: 'user' as const, id: String(userId), label: user.displayName };
  // The previous step's code (still in the window), leaving this step's and the next for the first sign-ins.
  const code = codeAt(key, new Date(clock.now().getTime() - 30_000));
  const codes = await services.twoStep.enrol(actor, who, proposal.sealed, code, { signingIn: false });
  rememberAuthenticator({ services }, user.email, key);
  return codes;
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
