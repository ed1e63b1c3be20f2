/**
 * What of an error may be written to a log. Errors carry personal data in places that are easy to miss: a failed
 * query's message lists its parameters (a requester's name and address, a password hash), PostgreSQL quotes the
 * offending value ("invalid input syntax for type integer: "jane@…""), its `detail` repeats a duplicate key, and a
 * refused SMTP delivery names the recipient. So a logged error keeps its kind, its codes, the statement's verb and
 * table, and its stack frames — never a message from the database or the mail server.
 */
export interface SafeError {
  type: string;
  message?: string;
  /** SQLSTATE, a Node.js error code (ECONNREFUSED) or a mail error code (EENVELOPE). */
  code?: string;
  /** The statement's verb and table ("insert request_cases"), never its text or parameters. */
  query?: string;
  table?: string;
  column?: string;
  constraint?: string;
  /** SMTP reply code (550) and the command it answered (RCPT TO). */
  responseCode?: number;
  command?: string;
  /** Stack frames only: the first line of a stack repeats the message. */
  stack?: string;
  cause?: SafeError;
}

const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[^\s@<>()"',;:]+/g;
const LONG_NUMBER = /\d[\d -]{7,}\d/g;

export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error };
  const e = error as Error & Record<string, unknown>;
  const out: SafeError = { type: e.constructor?.name || e.name || 'Error' };
  const database = isDatabaseError(e);
  const mail = typeof e.responseCode === 'number' || typeof e.command === 'string';
  if (!database && !mail) out.message = scrub(e.message).slice(0, 300);
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = String(e.code);
  if (typeof e.query === 'string') out.query = statementName(e.query);
  for (const key of ['table', 'column', 'constraint'] as const)
    if (typeof e[key] === 'string' && e[key]) out[key] = e[key];
  if (mail) {
    if (typeof e.responseCode === 'number') out.responseCode = e.responseCode;
    if (typeof e.command === 'string') out.command = e.command.replace(EMAIL, '[address]');
  }
  if (e.stack) out.stack = stackFrames(e.stack);
  if (e.cause && depth < 3) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** A query error from Drizzle, pg or PGlite: anything carrying a SQLSTATE, a query text or parameters. */
function isDatabaseError(e: Record<string, unknown>): boolean {
  return (
    'params' in e ||
    'query' in e ||
    (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e)
  );
}

/** "insert into "request_cases" (…) values ($1, …)" → "insert request_cases". */
export function statementName(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  const match =
    /^(insert) into "?([\w.]+)"?/i.exec(t) ??
    /^(update) "?([\w.]+)"?/i.exec(t) ??
    /^(delete) from "?([\w.]+)"?/i.exec(t) ??
    /^(select)\b.*? from "?([\w.]+)"?/i.exec(t);
  if (match) return `${match[1]!.toLowerCase()} ${match[2]}`;
  return /^\w+/.exec(t)?.[0]?.toLowerCase() ?? 'statement';
}

function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
}

/** Messages of ordinary errors are kept, less anything shaped like an address or a long number. */
function scrub(message: string): string {
  return message.replace(EMAIL, '[address]').replace(LONG_NUMBER, '[number]');
}
