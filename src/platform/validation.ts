import { z } from 'zod';
import { NotFoundError, ValidationError } from './errors.ts';

/**
 * The shapes every form, query and API body is checked with at the edge, so nothing the database would choke on (a NUL
 * byte, an id past its integer column) gets further than the route.
 */

/** Ids are PostgreSQL `serial`/`integer`: 1 to 2³¹−1. */
export const MAX_ID = 2_147_483_647;

/** An id in a JSON body or a parsed form. */
export const idSchema = z.number().int().min(1).max(MAX_ID);

/** Whether a number can be a row's id: whole, from 1 to the largest a PostgreSQL integer holds. */
export const isId = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_ID;

/** A whole positive id written in plain digits ("12"), or undefined: not "1e3", "0x1f", "Infinity", "-1" or "12abc". */
export function parseId(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^[0-9]{1,10}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_ID ? n : undefined;
}

/** The id in a path: anything that cannot be an id is a page that does not exist. */
export function requireId(value: unknown, what = 'page'): number {
  const id = parseId(value);
  if (id === undefined) throw new NotFoundError(`No such ${what}`);
  return id;
}

const blankOrId = (v: unknown) =>
  v === '' || v === undefined || v === null ? undefined : (parseId(v) ?? Number.NaN);
const idNumber = (message: string) => z.number({ error: message }).int().min(1, message).max(MAX_ID, message);

/** A required id from a form or API body: "" or absent gets the message, as anything that is not an id does. */
export function idField(message: string) {
  return z.preprocess(blankOrId, idNumber(message));
}

/**
 * An id a form or body may leave out. A browser sends an unchosen select as "", which must read as left out — zod's
 * `.optional()` would only let `undefined` through and hand "" to the id check.
 */
export function optionalIdField(message: string) {
  return z.preprocess(blankOrId, idNumber(message).optional());
}

// C0 controls other than tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses NUL outright, and the
// others are never typed by a person: they come from pasted binary or from someone probing.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n]/;

export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

export interface TextOptions {
  /** Longest accepted, in characters. */
  max: number;
  /** What the field is called in messages: "Title must be 300 characters or fewer". */
  label?: string;
  /** Allows line breaks (textareas). */
  multiline?: boolean;
}

/** The common part: trimmed, within its length, free of control characters, on one line unless multiline. */
function text(options: TextOptions, typeMessage: string) {
  const label = options.label ?? 'This';
  return z
    .string({ error: typeMessage })
    .trim()
    .max(options.max, `${label} must be ${options.max.toLocaleString('en-GB')} characters or fewer`)
    .refine((v) => !hasControlCharacter(v), `${label} contains a character that cannot be accepted`)
    .refine((v) => options.multiline || !LINE_BREAK.test(v), `${label} must be on one line`);
}

/** A text field that must be filled in; `required` is the message when it is empty. */
export function textField(options: TextOptions & { required: string }) {
  return text(options, options.required).pipe(z.string().min(1, options.required));
}

/** A text field that may be left empty (empty gives undefined). */
export function optionalTextField(options: TextOptions) {
  return text(options, `${options.label ?? 'This'} must be text`)
    .transform((v) => v || undefined)
    .optional();
}

/** A search box: trimmed, at most 200 characters, control characters dropped rather than refused. */
export const searchField = z
  .string()
  .transform((v) => v.replace(new RegExp(CONTROL_CHARACTER, 'g'), '').trim())
  .pipe(z.string().max(200))
  .transform((v) => v || undefined)
  .optional()
  .catch(undefined);

/** A link a page will show to the public: https, or a path on this site — never javascript:, data: or //other.host. */
export function isSafeLink(value: string): boolean {
  if (/^\/(?![/\\])/.test(value)) return !hasControlCharacter(value) && !/\s/.test(value);
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Checks input against its schema; the first problem is the error's message, every one is on its field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  throw new ValidationError(Object.values(fields)[0] ?? 'Check what you entered', fields);
}

/** A rule broken on a named field. */
export function fieldError(field: string, message: string): ValidationError {
  return new ValidationError(message, { [field]: message });
}

/** An enum's keys as the tuple z.enum takes: `z.enum(keys(CAUSES))`. */
export const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** A yes/no a form sends as "yes" (or a ticked box) and an API body as a boolean. */
export const yes = z.preprocess((v) => v === 'yes' || v === true || v === 'on', z.boolean());

/** Ticked boxes: one value a string, several an array, none absent. */
export const ticked = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z.array(z.enum(values, { error: message })),
  );

/** A date from a three-field date input (see dateFromFields), required. */
export const dateField = (what: string) =>
  z
    .string({ error: `Enter the date ${what}` })
    .refine((v) => v !== '', `Enter the date ${what}`)
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v), `Enter the date ${what} as a real date, like 31 3 2027`);

/** Ticked ids (checkboxes of directorates, say): one a string, several an array, none absent; at most 100. */
export const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
  z.array(z.coerce.number().int().min(1).max(MAX_ID)).max(100),
);
