import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { ConflictError, ValidationError } from '../errors.ts';
import { parseId } from '../validation.ts';

/** Errors ready for GOV.UK components: `errors.field.text` beside a field, `errorList` for the summary. */
export interface FormErrors {
  errors: Record<string, { text: string }>;
  errorList: { text: string; href: string }[];
}

export type FormResult<T> = { ok: true; value: T } | ({ ok: false } & FormErrors);

export function validate<S extends z.ZodType>(schema: S, input: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    fields[key] ??= issue.message;
  }
  return { ok: false, ...toFormErrors(fields) };
}

export function toFormErrors(fields: Record<string, string>): FormErrors {
  const errors: FormErrors['errors'] = {};
  const errorList: FormErrors['errorList'] = [];
  for (const [field, text] of Object.entries(fields)) {
    errors[field] = { text };
    errorList.push({ text, href: `#${field}` });
  }
  return { errors, errorList };
}

/** A domain rule broken on save, shown like a form error on the field it names (or at the top). */
export function fromValidationError(error: ValidationError): FormErrors {
  const fields = Object.keys(error.fields).length ? error.fields : { form: error.message };
  return toFormErrors(fields);
}

/** Form bodies arrive as strings or arrays of strings; these read them as the schemas want. */
export function asArray(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** An id from a form field, or null when it is empty or cannot be an id. */
export function asOptionalInt(value: unknown): number | null {
  return parseId(value) ?? null;
}

/** The named fields of a form body as strings (missing or odd ones become ''), ready for a schema and for re-showing. */
export function formValues<K extends string>(
  body: Record<string, unknown> | undefined,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, asString(body?.[k])])) as Record<K, string>;
}

export function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Where to go after sign-in: only a path on this site, never another origin. */
export function safeReturnPath(value: unknown): string {
  const text = asString(value);
  return text.startsWith('/') && !text.startsWith('//') && !text.startsWith('/\\') ? text : '/';
}

/** What a form page is shown again with when what was sent is wrong: the errors, and what was typed. */
export type InvalidForm = FormErrors & { values: Record<string, unknown> };

/**
 * A form's POST route: the body checked with the zod schema at the edge; if it is wrong, the page again with the GOV.UK
 * error summary and what was typed (400); if it is right, `onValid` with the parsed value. A rule broken on save
 * (ValidationError) is shown the same way, and a stale save (ConflictError) as a 409 with its message at the top.
 */
export function form<S extends z.ZodType>(
  schema: S,
  onValid: (value: z.infer<S>, req: Request, res: Response) => Promise<unknown> | unknown,
  onInvalid: (page: InvalidForm, req: Request, res: Response) => Promise<unknown> | unknown,
  options: { values?: (req: Request) => Record<string, unknown> } = {},
): RequestHandler {
  return async (req, res) => {
    const values = options.values ? options.values(req) : ((req.body ?? {}) as Record<string, unknown>);
    const parsed = validate(schema, values);
    if (!parsed.ok) {
      res.status(400);
      return void (await onInvalid({ errors: parsed.errors, errorList: parsed.errorList, values }, req, res));
    }
    try {
      await onValid(parsed.value, req, res);
    } catch (error) {
      if (error instanceof ValidationError) {
        res.status(400);
        return void (await onInvalid({ ...fromValidationError(error), values }, req, res));
      }
      if (error instanceof ConflictError) {
        res.status(409);
        return void (await onInvalid({ ...toFormErrors({ form: error.message }), values }, req, res));
      }
      throw error;
    }
  };
}

/**
 * A date from a GOV.UK date input's three fields (`name-day`, `name-month`, `name-year`): "2027-03-31"; "" when all
 * three are empty; "invalid" when they do not make a real date (31 February, a two-digit year, letters).
 */
export function dateFromFields(body: Record<string, unknown> | undefined, name: string): string {
  const [day, month, year] = ['day', 'month', 'year'].map((part) =>
    asString(body?.[`${name}-${part}`]).trim(),
  );
  if (!day && !month && !year) return '';
  if (!/^\d{1,2}$/.test(day!) || !/^\d{1,2}$/.test(month!) || !/^\d{4}$/.test(year!)) return 'invalid';
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : 'invalid';
}

/** The three fields of a date input for showing a date again: { 'name-day': '31', … }. */
export function dateFields(name: string, iso: string | null | undefined): Record<string, string> {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-');
  return {
    [`${name}-day`]: day.replace(/^0/, ''),
    [`${name}-month`]: month.replace(/^0/, ''),
    [`${name}-year`]: year,
  };
}
