import { stringify } from 'csv-stringify';
import { z } from 'zod';
import type { AuditService } from '../../platform/audit/service.ts';
import { Routes } from '../../platform/web/routes.ts';
import { actorOf } from '../../platform/web/request.ts';
import { validate } from '../../platform/web/forms.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { auditQuerySchema, toAuditFilter } from './filters.ts';
import { AUDIT } from './permissions.ts';

const PAGE_SIZE = 50;
const pageSchema = z.coerce.number().int().min(1).max(1_000_000).catch(1);
const pick = (q: Record<string, unknown>) =>
  Object.fromEntries(
    ['actor', 'action', 'entityType', 'entityId', 'from', 'to'].map((k) => [
      k,
      typeof q[k] === 'string' ? q[k] : undefined,
    ]),
  );

/** The audit trail for the DPO, auditors and administrators: filter, read, export. */
export function auditRoutes(deps: { audit: AuditService }): Routes {
  return new Routes()
    .get('/audit', AUDIT.view, async (req, res) => {
      const values = pick(req.query);
      const form = validate(auditQuerySchema, values);
      if (!form.ok)
        return res.status(400).render('audit/views/index.njk', { ...form, values, rows: [], total: 0 });
      const page = pageSchema.parse(req.query.page);
      const { rows, total } = await deps.audit.search(toAuditFilter(form.value), {
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      const exportQuery = new URLSearchParams(
        Object.entries(values).filter((e): e is [string, string] => !!e[1]),
      ).toString();
      res.render('audit/views/index.njk', {
        values,
        rows,
        total,
        pages: pagination(req, page, total, PAGE_SIZE),
        exportQuery,
      });
    })
    .get('/audit/export.csv', AUDIT.view, async (req, res) => {
      const form = validate(auditQuerySchema, pick(req.query));
      if (!form.ok)
        return res
          .status(400)
          .render('audit/views/index.njk', { ...form, values: pick(req.query), rows: [], total: 0 });
      const filter = toAuditFilter(form.value);
      // Exporting the trail is itself an event worth recording.
      await deps.audit.recordView(actorOf(req.principal!), {
        action: 'audit.exported',
        entityType: 'audit',
        details: { filter: form.value },
      });
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="audit-events.csv"');
      const csv = stringify({
        header: true,
        escape_formulas: true,
        columns: [
          'seq',
          'occurredAt',
          'actorType',
          'actorId',
          'actorLabel',
          'action',
          'entityType',
          'entityId',
          'details',
          'prevHash',
          'hash',
        ],
      });
      csv.pipe(res);
      for await (const e of deps.audit.stream(filter)) {
        if (
          !csv.write({ ...e, occurredAt: e.occurredAt.toISOString(), details: JSON.stringify(e.details) })
        ) {
          await new Promise((resolve) => csv.once('drain', resolve));
        }
      }
      csv.end();
    });
}
