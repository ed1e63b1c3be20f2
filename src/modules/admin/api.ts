import { z } from 'zod';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { endpoint } from '../../platform/api/endpoints.ts';
import { actorOf } from '../../platform/web/request.ts';
import { NotFoundError } from '../../platform/commands.ts';
import { grantSchema, newUserSchema } from '../../platform/identity/schemas.ts';
import { ROLES } from '../../platform/authz/roles.ts';
import { MAX_ID, requireId } from '../../platform/validation.ts';
import { HOME } from '../dashboard/index.ts';
import { ADMIN } from './permissions.ts';

const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  jobTitle: z.string().nullable(),
  active: z.boolean(),
  grants: z.array(grantSchema),
  lastSignInAt: z.string().nullable(),
});

const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'inactive']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(MAX_ID).default(0),
});

type UserLike = {
  id: number;
  email: string;
  displayName: string;
  jobTitle: string | null;
  active: boolean;
  grants: z.infer<typeof grantSchema>[];
  lastSignInAt: Date | null;
};

const present = (u: UserLike) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  jobTitle: u.jobTitle,
  active: u.active,
  grants: u.grants,
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
});

/** /api/v1 for staff accounts and directorates. */
export function adminApi(deps: Pick<Services, 'users' | 'organisation'>, registry: OpenAPIRegistry): Routes {
  const routes = new Routes();
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/users',
    access: ADMIN.users,
    tag: 'Users',
    summary: 'List staff accounts',
    query: listQuery,
    response: z.object({ total: z.number().int(), users: z.array(userSchema) }),
    handle: async ({ query }) => {
      const { rows, total } = await deps.users.list(query, { limit: query.limit, offset: query.offset });
      return { total, users: rows.map(present) };
    },
  });
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/users',
    access: ADMIN.users,
    tag: 'Users',
    summary: 'Create a staff account',
    body: newUserSchema,
    status: 201,
    response: userSchema,
    handle: async ({ body, req }) => {
      const id = await deps.users.create(actorOf(req.principal!), body);
      return present((await deps.users.get(id))!);
    },
  });
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/users/:id',
    access: ADMIN.users,
    tag: 'Users',
    summary: 'Read a staff account',
    response: userSchema,
    handle: async ({ req }) => {
      const user = await deps.users.get(requireId(req.params.id, 'user'));
      if (!user) throw new NotFoundError('No such user');
      return present(user);
    },
  });
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/directorates',
    access: HOME.view,
    tag: 'Organisation',
    summary: 'List directorates and their teams',
    response: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        teams: z.array(z.object({ id: z.number().int(), name: z.string() })),
      }),
    ),
    handle: async () => {
      const [directorates, teams] = await Promise.all([
        deps.organisation.directorates(),
        deps.organisation.teams(),
      ]);
      return directorates.map((d) => ({
        id: d.id,
        name: d.name,
        teams: teams.filter((t) => t.directorateId === d.id).map((t) => ({ id: t.id, name: t.name })),
      }));
    },
  });
  return routes;
}
