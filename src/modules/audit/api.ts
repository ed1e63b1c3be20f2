import { z } from 'zod';
import { MAX_ID } from '../../platform/validation.ts';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { AuditService } from '../../platform/audit/service.ts';
import { Routes } from '../../platform/web/routes.ts';
import { endpoint } from '../../platform/api/endpoints.ts';
import { auditQueryFields, toAuditFilter, withDateOrder } from './filters.ts';
import { AUDIT } from './permissions.ts';

const eventSchema = z.object({
  seq: z.number().int(),
  occurredAt: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

const query = withDateOrder(
  auditQueryFields.extend({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(MAX_ID).default(0),
  }),
);

export function auditApi(deps: { audit: AuditService }, registry: OpenAPIRegistry): Routes {
  const routes = new Routes();
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/audit-events',
    access: AUDIT.view,
    tag: 'Audit',
    summary: 'Search the audit trail, newest first',
    query,
    response: z.object({ total: z.number().int(), events: z.array(eventSchema) }),
    handle: async ({ query: q }) => {
      const { rows, total } = await deps.audit.search(toAuditFilter(q), { limit: q.limit, offset: q.offset });
      return { total, events: rows.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })) };
    },
  });
  return routes;
}
