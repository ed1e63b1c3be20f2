import net, { type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import type { Express } from 'express';
import { createTestContext, emailFor, nextCode, PASSWORD, type TestContext } from './app.ts';
import type { Role } from '../../src/platform/authz/roles.ts';
import type { Config } from '../../src/platform/config.ts';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Clicks something that navigates and waits for the new page to load, so nothing is read from the old one. */
export async function clickAndWait(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** A fresh page in its own context, with timeouts generous enough for a loaded two-core CI machine. */
export async function newPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(90_000);
  context.setDefaultNavigationTimeout(90_000);
  return context.newPage();
}

/** A port free on this machine now, for a server whose address must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

export async function listen(app: Express, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core's WCAG 2.2 A and AA findings on the page as it stands, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map(
    (v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * A browser test's fixture: the real app on a fresh PGlite, served on a free port, and Chromium. Collects axe
 * findings from every page checked, so a test can assert there were none at the end.
 */
export function browserFixture() {
  const fixture = {
    ctx: undefined as unknown as TestContext,
    server: undefined as unknown as Awaited<ReturnType<typeof listen>>,
    browser: undefined as unknown as Browser,
    violations: [] as string[],
    /** `port` and `config` for a test whose address must be known to another server (an identity provider). */
    async start(options: { port?: number; config?: Partial<Config> } = {}) {
      fixture.ctx = await createTestContext('pglite', undefined, options.config);
      fixture.server = await listen(fixture.ctx.app, options.port);
      fixture.browser = await launchBrowser();
    },
    async stop() {
      await fixture.browser?.close();
      await fixture.server?.close();
      await fixture.ctx?.close();
    },
    async check(page: Page) {
      fixture.violations.push(...(await accessibilityViolations(page)));
    },
    /** A fresh page signed in as the test user of a role. */
    async signIn(role: Role, options: Parameters<typeof newPage>[1] = {}): Promise<Page> {
      const page = await newPage(fixture.browser, options);
      await fixture.signInOn(page, emailFor(role));
      return page;
    },
    /**
     * Signs in on a page with the password, and the authenticator's code when the account has two-step sign-in
     * (each step's page checked with axe when `check` is set).
     */
    async signInOn(page: Page, email: string, options: { check?: boolean } = {}): Promise<void> {
      await page.goto(`${fixture.server.url}/sign-in`);
      if (options.check) await fixture.check(page);
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await clickAndWait(page, page.getByRole('button', { name: 'Sign in', exact: true }));
      if (new URL(page.url()).pathname !== '/sign-in/two-step') return;
      if (options.check) await fixture.check(page);
      await page
        .getByLabel('Enter the code from your authenticator app')
        .fill(await nextCode(fixture.ctx, email));
      await clickAndWait(page, page.getByRole('button', { name: 'Continue' }));
    },
  };
  return fixture;
}
