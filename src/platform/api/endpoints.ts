import type { Request, Response } from 'express';
import { z } from 'zod';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Routes, Access } from '../web/routes.ts';
import { sendProblem } from './problem.ts';

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.record(z.string(), z.string()).optional(),
});

export interface Endpoint<B extends z.ZodType, Q extends z.ZodType> {
  method: 'get' | 'post';
  /** Express form: /api/v1/users/:id */
  path: string;
  access: Access;
  summary: string;
  tag: string;
  body?: B;
  query?: Q;
  response: z.ZodType;
  /** Status of a successful answer. */
  status?: number;
  handle(input: { body: z.infer<B>; query: z.infer<Q>; req: Request; res: Response }): Promise<unknown>;
}

/**
 * Declares one JSON endpoint: the route (with its access rule), input validation with the zod schemas, and the
 * OpenAPI description generated from those same schemas. A body or query that fails its schema gets a 400 problem
 * naming each field.
 */
export function endpoint<B extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(
  routes: Routes,
  registry: OpenAPIRegistry,
  e: Endpoint<B, Q>,
): void {
  registry.registerPath({
    method: e.method,
    path: e.path.replace(/:(\w+)/g, '{$1}'),
    summary: e.summary,
    tags: [e.tag],
    security: [{ bearerAuth: [] }],
    request: {
      ...(e.body ? { body: { content: { 'application/json': { schema: e.body } } } } : {}),
      ...(e.query ? { query: e.query as unknown as z.ZodObject } : {}),
      ...(/:\w+/.test(e.path)
        ? {
            params: z.object(
              Object.fromEntries([...e.path.matchAll(/:(\w+)/g)].map((m) => [m[1]!, z.string()])),
            ),
          }
        : {}),
    },
    responses: {
      [e.status ?? 200]: { description: 'Success', content: { 'application/json': { schema: e.response } } },
      400: {
        description: 'Invalid input',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
      401: {
        description: 'No valid token',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
      403: {
        description: 'Not permitted',
        content: { 'application/problem+json': { schema: problemSchema } },
      },
    },
  });
  routes[e.method](e.path, e.access, async (req, res) => {
    const body = e.body ? e.body.safeParse(req.body) : { success: true as const, data: undefined };
    const query = e.query ? e.query.safeParse(req.query) : { success: true as const, data: undefined };
    for (const parsed of [body, query]) {
      if (!parsed.success) {
        const errors = Object.fromEntries(
          parsed.error.issues.map((i) => [i.path.join('.') || '(body)', i.message]),
        );
        return sendProblem(res, {
          status: 400,
          title: 'Invalid request',
          detail: 'Some fields are not valid.',
          errors,
        });
      }
    }
    const result = await e.handle({
      body: body.data as z.infer<B>,
      query: query.data as z.infer<Q>,
      req,
      res,
    });
    res.status(e.status ?? 200).json(result);
  });
}
