import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { findExemption } from '../../domain/requests/exemptions.ts';
import { regimeOf, type CaseType } from '../../domain/requests/workflow.ts';
import { govukDate } from '../../platform/web/format.ts';
import type { Article15 } from './schema.ts';

// Letters are plain text (e-mail bodies and printed letters), so nothing is escaped; trimBlocks and lstripBlocks let
// a template put each block tag on a line of its own without that line showing in the letter.
const env = new nunjucks.Environment(
  new nunjucks.FileSystemLoader(path.join(path.dirname(fileURLToPath(import.meta.url)), 'letters')),
  { autoescape: false, trimBlocks: true, lstripBlocks: true },
);
env.addFilter('longDate', (d: string) => govukDate(d, { weekday: true }));

export type LetterName =
  | 'acknowledgement'
  | 'clarification'
  | 'identity'
  | 'fees'
  | 'extension'
  | 'response'
  | 'refusal'
  | 'rights-response';

/** What a requester's request is called in a letter to them. */
const REQUEST_NAMES: Record<CaseType, string> = {
  foi: 'freedom of information request',
  eir: 'request for environmental information',
  sar: 'subject access request',
  rectification: 'request to correct your personal data',
  erasure: 'request to erase your personal data',
  objection: 'objection to how we use your personal data',
  restriction: 'request to restrict how we use your personal data',
  'internal-review': 'request for an internal review',
  press: 'enquiry',
  enquiry: 'enquiry',
};

/** Subject lines of what is sent. */
export const LETTER_TOPICS: Record<LetterName, string> = {
  acknowledgement: 'Acknowledgement',
  clarification: 'Clarification needed',
  identity: 'Proof of identity needed',
  fees: 'Fees notice',
  extension: 'Extension',
  response: 'Response',
  refusal: 'Refusal notice',
  'rights-response': 'Response',
};

export interface LetterCase {
  reference: string;
  type: string;
  requesterName: string;
  subject: string;
  description: string;
  receivedOn: string;
  dueOn: string;
  exemptions: unknown;
  publicInterest: string | null;
  responseText: string | null;
  costEstimateHours: number | null;
  outcome: string | null;
  article15?: Article15 | null;
}

/** The longest request a letter quotes in full; a longer one is quoted to a word boundary. */
const QUOTE_LIMIT = 1500;

/** The request as the letter quotes it: whole, or cut at a word near the limit with an ellipsis. */
export function quoteOf(description: string): string {
  const text = description.trim();
  if (text.length <= QUOTE_LIMIT) return text;
  const cut = text.slice(0, QUOTE_LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), QUOTE_LIMIT - 200)).trimEnd()} …`;
}

/** A letter as plain text, from its template in letters/, with the regime (and, for reviews, the reviewed one). */
export function renderLetter(
  name: LetterName,
  c: LetterCase,
  extra: Record<string, unknown> & { councilName: string; reviewedType?: CaseType },
): string {
  const type = c.type as CaseType;
  const exemptionList = ((c.exemptions as string[]) ?? []).map(
    (code) => findExemption(code) ?? { code, title: code, absolute: true },
  );
  const text = env.render(`${name}.njk`, {
    c,
    requestName: REQUEST_NAMES[type] ?? 'request',
    regime: regimeOf(type, extra.reviewedType),
    quote: quoteOf(c.description),
    outcome: c.outcome,
    exemptionList,
    ...extra,
  });
  // Templates leave no more than one blank line between paragraphs, and none at the end.
  return `${text.replace(/\n{3,}/g, '\n\n').trim()}\n`;
}
