import { z } from 'zod';
import type { AuditFilter } from '../../platform/audit/service.ts';
import { parseIsoDate, startOfLondonDay } from '../../domain/calendar/london-time.ts';

const text = z.string().trim().max(200).optional();

const day = z
  .string()
  .trim()
  .max(10)
  .optional()
  .refine((v) => !v || parseIsoDate(v), { message: 'Enter a real date, like 2026-11-25' });

/** The audit filters, from a query string or the API. Dates are London calendar days, both inclusive. */
export const auditQueryFields = z.object({
  actor: text,
  action: text,
  entityType: text,
  entityId: text,
  from: day,
  to: day,
});

/** Adds the rule that a date range runs forwards. */
export function withDateOrder<S extends z.ZodType<{ from?: string; to?: string }>>(schema: S) {
  return schema.refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The end date must be the same as or after the start date',
    path: ['to'],
  });
}

export const auditQuerySchema = withDateOrder(auditQueryFields);

export type AuditQuery = z.infer<typeof auditQuerySchema>;

export function toAuditFilter(q: AuditQuery): AuditFilter {
  const bound = (v: string | undefined, nextDay: boolean) => {
    const d = v ? parseIsoDate(v) : undefined;
    return d ? startOfLondonDay(d.year, d.month, d.day + (nextDay ? 1 : 0)) : undefined;
  };
  return {
    actor: q.actor || undefined,
    action: q.action || undefined,
    entityType: q.entityType || undefined,
    entityId: q.entityId || undefined,
    from: bound(q.from, false),
    to: bound(q.to, true),
  };
}
