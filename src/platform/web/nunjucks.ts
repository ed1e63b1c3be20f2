import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Express } from 'express';
import nunjucks from 'nunjucks';
import { ROLE_NAMES, isRole } from '../authz/roles.ts';
import { countOf, fileSize, govukDate, monthName, plural } from './format.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
export const govukFrontendDir = path.resolve(here, '../../../node_modules/govuk-frontend/dist');
const modulesDir = path.resolve(here, '../../modules');

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** Nunjucks over GOV.UK Frontend's macros, the shared layout and each module's `views` folder. */
export function configureViews(app: Express, globals: Record<string, unknown>): nunjucks.Environment {
  const env = nunjucks.configure([path.join(here, 'views'), modulesDir, govukFrontendDir], {
    autoescape: true,
    express: app,
    noCache: false,
  });
  env.addFilter('dateTime', (d: Date | string | null) => (d ? londonDateTime.format(new Date(d)) : ''));
  env.addFilter('date', (d: Date | string | null) => (d ? londonDate.format(new Date(d)) : ''));
  env.addFilter('roleName', (r: string) => (isRole(r) ? ROLE_NAMES[r] : r));
  env.addFilter('number', (n: number) => (typeof n === 'number' ? n.toLocaleString('en-GB') : n));
  env.addFilter('json', (v: unknown) => JSON.stringify(v));
  env.addFilter('plural', (n: number, one: string, other?: string) => plural(n, one, other));
  env.addFilter('countOf', (n: number, one: string, other?: string) => countOf(n, one, other));
  env.addFilter('fileSize', (bytes: number) => fileSize(Number(bytes) || 0));
  env.addFilter('govukDate', (d: string | null, weekday?: boolean) => govukDate(d, { weekday: !!weekday }));
  env.addFilter('monthName', (m: string) => monthName(m));
  for (const [k, v] of Object.entries(globals)) env.addGlobal(k, v);
  app.set('view engine', 'njk');
  return env;
}
