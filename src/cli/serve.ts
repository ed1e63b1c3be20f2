import { InvalidArgumentError, Option, type Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { loadConfig, type Config } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { systemClock } from '../platform/clock.ts';
import { connectForServer } from '../platform/db/connect.ts';
import { migrate } from '../platform/db/migrate.ts';
import { createServices } from '../composition.ts';
import { createApp } from '../app.ts';
import { seedDemo } from './demo.ts';
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../platform/identity/demo.ts';

export interface ServeOptions {
  demo: boolean;
  jobs: boolean;
  port?: number;
  host?: string;
}

/**
 * `custodian serve`: the web app, and (unless told not to) the background jobs in the same process. In demo mode it
 * seeds an empty database with the demo council and listens on 127.0.0.1 only.
 */
export async function serve(options: ServeOptions): Promise<{ close(): Promise<void>; url: string }> {
  const started = performance.now();
  const config: Config = loadConfig();
  const host = options.demo ? '127.0.0.1' : (options.host ?? config.host);
  const port = options.port ?? config.port;
  const logger = createLogger(config.logLevel);
  if (config.secureCookies && config.trustProxy === 0 && !options.demo)
    console.warn(
      'Warning: SECURE_COOKIES=true but TRUST_PROXY=0. Behind a proxy that ends TLS, Custodian sees plain HTTP and ' +
        'will not set a secure session cookie, so no sign-in will stick. Set TRUST_PROXY to the number of proxies ' +
        'in front of it (usually 1); if Custodian ends TLS itself, ignore this.',
    );
  const served = await connectForServer(config);
  let server: Server | undefined;
  try {
    const { applied } = await migrate(served.db);
    if (applied) logger.info({ applied }, 'migrations applied');
    const services = createServices({ config, db: served.db, clock: systemClock, logger });
    const { removed } = services.files.prepare();
    if (removed) logger.info({ removed }, 'removed unfinished file uploads');
    let seededNow = false;
    if (options.demo) {
      const outcome = await seedDemo(services);
      seededNow = outcome.seeded;
    }
    if (options.jobs) await services.jobs.work();
    const app = createApp(services, { sessionSecret: sessionSecret(config) });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(port, host, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}`;
    if (!config.smtpUrl)
      console.log(
        'Mail: SMTP_URL is not set, so letters wait in the outbox (shown on each case) until it is set.',
      );
    console.log(
      `Custodian is running at ${url} (${served.db.description}) – ready in ${Math.round(performance.now() - started)} ms`,
    );
    if (options.demo) printDemoAccounts(seededNow);
    const running = server;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => running.close(() => resolve()));
        running.closeAllConnections();
        await services.jobs.stop();
        await served.close();
      })());
    return { close, url };
  } catch (error) {
    server?.close();
    await served.close();
    throw error;
  }
}

function printDemoAccounts(seededNow: boolean): void {
  console.log(
    seededNow ? 'Seeded the demo council (Kingsmere Borough Council).' : 'Demo council already in place.',
  );
  console.log(`Sign in with any of these, password "${DEMO_PASSWORD}":`);
  for (const a of DEMO_ACCOUNTS)
    console.log(`  ${`${a.email}@${DEMO_EMAIL_DOMAIN}`.padEnd(40)} ${a.role ?? 'staff'}`);
  console.log(
    'The administrator and the DPO sign in in two steps; the demo shows the code on the page (press Continue).',
  );
}

/** SESSION_SECRET when set (needed when several web servers share sessions); otherwise one kept in the data directory. */
function sessionSecret(config: Config): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = path.join(config.dataDir, 'session-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    const secret = randomBytes(32).toString('base64url');
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('run the web application (and background jobs) on DATABASE_URL or the embedded database')
    .option('--demo', 'seed an empty database with the demo council and listen on 127.0.0.1 only', false)
    .option('--no-jobs', 'do not run background jobs in this process (run `custodian worker` instead)')
    .addOption(new Option('--port <port>', 'port to listen on (default: PORT or 3000)').argParser(parsePort))
    .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1)')
    .action(async (opts: { demo: boolean; jobs: boolean; port?: number; host?: string }) => {
      const running = await serve(opts);
      const stop = () => void running.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InvalidArgumentError('Give a port from 0 to 65535.');
  return port;
}
