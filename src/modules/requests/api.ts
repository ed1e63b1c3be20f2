import { z } from 'zod';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { endpoint } from '../../platform/api/endpoints.ts';
import { callerOf } from '../../platform/web/request.ts';
import { CASE_TYPES, STATUSES, titleFromRequest } from '../../domain/requests/workflow.ts';
import { publicRequestSchema } from './inputs.ts';
import type { RequestCase } from './repository.ts';
import { MAX_ID, idSchema, requireId } from '../../platform/validation.ts';
import { REQUESTS } from './permissions.ts';

const caseSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  type: z.enum(CASE_TYPES),
  status: z.enum(STATUSES),
  channel: z.string(),
  subject: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  allocationDueOn: z.string(),
  draftDueOn: z.string(),
  calendarVersion: z.string(),
  extended: z.boolean(),
  directorateId: z.number().int().nullable(),
  outcome: z.string().nullable(),
  respondedOn: z.string().nullable(),
});

const summarySchema = caseSchema.pick({
  id: true,
  reference: true,
  type: true,
  status: true,
  subject: true,
  receivedOn: true,
  dueOn: true,
  directorateId: true,
});

const listQuery = z.object({
  view: z.enum(['mine', 'team', 'due-soon', 'overdue', 'open', 'all']).default('open'),
  type: z.enum(CASE_TYPES).optional(),
  status: z.enum(STATUSES).optional(),
  directorateId: z.coerce.number().pipe(idSchema).optional(),
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(MAX_ID).default(0),
});

const present = (c: RequestCase) => caseSchema.parse(c);

/** /api/v1/requests: make a request as the public form does, list and read cases. */
export function requestsApi(deps: Pick<Services, 'requests'>, registry: OpenAPIRegistry): Routes {
  const routes = new Routes();
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/requests',
    access: REQUESTS.manage,
    tag: 'Requests',
    summary: 'Make an FOI, EIR or subject access request, as the public form does (acknowledged by email)',
    body: publicRequestSchema.extend({ subject: z.string().trim().min(1).max(300).optional() }),
    status: 201,
    response: caseSchema,
    handle: async ({ body, req }) => {
      const c = await deps.requests.create(
        callerOf(req),
        {
          type: body.type,
          channel: 'api',
          subject: body.subject ?? titleFromRequest(body.description),
          description: body.description,
          requesterName: body.requesterName,
          requesterEmail: body.requesterEmail,
          requesterAddress: body.requesterAddress,
          receivedOn: deps.requests.today(),
        },
        { acknowledge: true },
      );
      return present(c);
    },
  });
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/requests',
    access: REQUESTS.view,
    tag: 'Requests',
    summary: 'List cases the token may see, soonest due first',
    query: listQuery,
    response: z.object({ total: z.number().int(), requests: z.array(summarySchema) }),
    handle: async ({ query, req }) => {
      const { rows, total } = await deps.requests.list(
        req.principal!,
        {
          view: query.view,
          type: query.type,
          status: query.status,
          directorateId: query.directorateId,
          q: query.q,
        },
        { limit: query.limit, offset: query.offset },
      );
      return { total, requests: rows.map((r) => summarySchema.parse(r)) };
    },
  });
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/requests/:id',
    access: REQUESTS.view,
    tag: 'Requests',
    summary: 'Read a case (the read is audited)',
    response: caseSchema,
    handle: async ({ req }) => {
      const id = requireId(req.params.id, 'case');
      return present(await deps.requests.view(callerOf(req), id));
    },
  });
  return routes;
}
