import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { findExemption } from '../../domain/exemptions.ts';
import { CASE_TYPE_NAMES, regimeOf, RIGHTS_TYPES, type CaseType } from '../../domain/request-workflow.ts';

const env = new nunjucks.Environment(
  new nunjucks.FileSystemLoader(path.join(path.dirname(fileURLToPath(import.meta.url)), 'letters')),
  {
    autoescape: false,
    trimBlocks: true,
  },
);
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
/** "Tuesday 1 December 2026", built from parts so it reads the same whatever the ICU version puts between them. */
function longDate(d: string): string {
  if (!d) return '';
  const p = Object.fromEntries(parts.formatToParts(new Date(`${d}T00:00:00Z`)).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}
env.addFilter('longDate', longDate);

export type LetterName =
  'acknowledgement' | 'clarification' | 'identity' | 'fees' | 'extension' | 'response' | 'refusal';

export interface LetterCase {
  reference: string;
  type: string;
  requesterName: string;
  subject: string;
  receivedOn: string;
  dueOn: string;
  exemptions: unknown;
  publicInterest: string | null;
  responseText: string | null;
  costEstimateHours: number | null;
  outcome: string | null;
}

/** A letter as plain text, from its template in letters/. */
export function renderLetter(
  name: LetterName,
  c: LetterCase,
  extra: Record<string, unknown> & { councilName: string },
): string {
  const type = c.type as CaseType;
  const exemptionList = ((c.exemptions as string[]) ?? []).map(
    (code) => findExemption(code) ?? { code, title: code, absolute: true },
  );
  return env.render(`${name}.njk`, {
    c,
    typeName: CASE_TYPE_NAMES[type] ?? 'information',
    regime: regimeOf(type),
    statutory: regimeOf(type) !== undefined || RIGHTS_TYPES.has(type),
    outcome: c.outcome,
    exemptionList,
    exemptionsText: exemptionList.map((e) => e.title).join(', '),
    ...extra,
  });
}
