import type { z } from 'zod';
import { ValidationError } from '../commands.ts';
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
