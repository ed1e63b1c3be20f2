import { z } from 'zod';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request } from 'express';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { endpoint } from '../../platform/api/endpoints.ts';
import { callerOf } from '../../platform/web/request.ts';
import { requireId } from '../../platform/validation.ts';
import { activitySchema, agreementSchema, assetSchema } from './inputs.ts';
import { REGISTER } from './permissions.ts';

const strings = z.array(z.string());
const versioned = { id: z.number().int(), version: z.number().int() };

const assetResponse = z.object({
  ...versioned,
  name: z.string(),
  description: z.string(),
  directorateId: z.number().int().nullable(),
  service: z.string(),
  ownerUserId: z.number().int().nullable(),
  system: z.string(),
  supplier: z.string(),
  hosting: z.string(),
  country: z.string(),
  format: z.string(),
  personalData: z.boolean(),
  dataCategories: strings,
  specialCategories: strings,
  criminalOffenceData: z.boolean(),
  volume: z.string(),
  criticality: z.string(),
  securityClassification: z.string(),
  nextReviewOn: z.string(),
  lastReviewedOn: z.string().nullable(),
});

const gapSchema = z.object({ field: z.string(), provision: z.string(), message: z.string() });
const activityResponse = z.object({
  ...versioned,
  name: z.string(),
  directorateId: z.number().int().nullable(),
  service: z.string(),
  purposes: strings,
  article6: z.string().nullable(),
  article6Justification: z.string(),
  article9: z.string().nullable(),
  dataSubjects: strings,
  dataCategories: strings,
  specialCategories: strings,
  recipients: z.array(z.object({ name: z.string(), external: z.boolean() })),
  transfers: z.array(z.object({ country: z.string(), safeguard: z.string() })),
  retentionText: z.string(),
  assetIds: z.array(z.number().int()),
  nextReviewOn: z.string(),
  gaps: z.array(gapSchema),
});

const agreementResponse = z.object({
  ...versioned,
  title: z.string(),
  tier: z.string(),
  parentId: z.number().int().nullable(),
  directorateId: z.number().int().nullable(),
  purpose: z.string(),
  gateways: strings,
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  reviewOn: z.string(),
  status: z.string(),
  parties: z.array(z.object({ organisation: z.string(), role: z.string(), signedOn: z.string().nullable() })),
  activityIds: z.array(z.number().int()),
});

/** A save of something read: the version it was read at, so a stale save is refused (409) rather than lost. */
const withVersion = { version: z.number().int().min(1).max(1_000_000) };
const existing = (req: Request, body: { version: number }) => ({
  id: requireId(req.params.id, 'entry'),
  version: body.version,
});

/** /api/v1/assets, /api/v1/activities and /api/v1/agreements: the register read and written by other systems. */
export function registerApi(deps: Pick<Services, 'register' | 'sharing'>, registry: OpenAPIRegistry): Routes {
  const routes = new Routes();
  const tag = 'Register';
  const asset = async (req: Request, id: number) =>
    assetResponse.parse(await deps.register.asset(callerOf(req).principal, id));
  const activity = async (req: Request, id: number) =>
    activityResponse.parse(await deps.register.activity(callerOf(req).principal, id));
  const agreement = async (id: number) => agreementResponse.parse(await deps.sharing.agreement(id));

  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/assets',
    access: REGISTER.view,
    tag,
    summary: 'List the information assets the token may see',
    response: z.object({ assets: z.array(assetResponse) }),
    handle: async ({ req }) => ({
      assets: (await deps.register.assets(callerOf(req).principal)).map((a) => assetResponse.parse(a)),
    }),
  });
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/assets/:id',
    access: REGISTER.view,
    tag,
    summary: 'Read an information asset',
    response: assetResponse,
    handle: ({ req }) => asset(req, requireId(req.params.id, 'asset')),
  });
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/assets',
    access: REGISTER.edit,
    tag,
    summary: 'Add an information asset',
    body: assetSchema,
    status: 201,
    response: assetResponse,
    handle: async ({ body, req }) => asset(req, (await deps.register.saveAsset(callerOf(req), body)).id),
  });
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/assets/:id',
    access: REGISTER.edit,
    tag,
    summary: 'Change an information asset, from the version read',
    body: assetSchema.and(z.object(withVersion)),
    response: assetResponse,
    handle: async ({ body, req }) =>
      asset(req, (await deps.register.saveAsset(callerOf(req), body, existing(req, body))).id),
  });

  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/activities',
    access: REGISTER.view,
    tag,
    summary: 'List the processing activities the token may see, with what each record lacks',
    response: z.object({ activities: z.array(activityResponse) }),
    handle: async ({ req }) => ({
      activities: (await deps.register.activities(callerOf(req).principal)).map((a) =>
        activityResponse.parse(a),
      ),
    }),
  });
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/activities/:id',
    access: REGISTER.view,
    tag,
    summary: 'Read a processing activity and what its record lacks',
    response: activityResponse,
    handle: ({ req }) => activity(req, requireId(req.params.id, 'activity')),
  });
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/activities',
    access: REGISTER.edit,
    tag,
    summary: 'Add a processing activity (saved even if incomplete; its gaps come back)',
    body: activitySchema,
    status: 201,
    response: activityResponse,
    handle: async ({ body, req }) =>
      activity(req, (await deps.register.saveActivity(callerOf(req), body)).id),
  });
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/activities/:id',
    access: REGISTER.edit,
    tag,
    summary: 'Change a processing activity, from the version read',
    body: activitySchema.extend(withVersion),
    response: activityResponse,
    handle: async ({ body, req }) =>
      activity(req, (await deps.register.saveActivity(callerOf(req), body, existing(req, body))).id),
  });

  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/agreements',
    access: REGISTER.view,
    tag,
    summary: 'List the information-sharing agreements and where each stands today',
    response: z.object({ agreements: z.array(agreementResponse) }),
    handle: async () => ({
      agreements: (await deps.sharing.agreements()).map((a) => agreementResponse.parse(a)),
    }),
  });
  endpoint(routes, registry, {
    method: 'get',
    path: '/api/v1/agreements/:id',
    access: REGISTER.view,
    tag,
    summary: 'Read an information-sharing agreement',
    response: agreementResponse,
    handle: ({ req }) => agreement(requireId(req.params.id, 'agreement')),
  });
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/agreements',
    access: REGISTER.edit,
    tag,
    summary: 'Add an information-sharing agreement (its parties are added on its page)',
    body: agreementSchema,
    status: 201,
    response: agreementResponse,
    handle: async ({ body, req }) => agreement((await deps.sharing.save(callerOf(req), body)).id),
  });
  endpoint(routes, registry, {
    method: 'post',
    path: '/api/v1/agreements/:id',
    access: REGISTER.edit,
    tag,
    summary: 'Change an agreement’s terms, from the version read',
    body: agreementSchema.and(z.object(withVersion)),
    response: agreementResponse,
    handle: async ({ body, req }) =>
      agreement((await deps.sharing.save(callerOf(req), body, existing(req, body))).id),
  });
  return routes;
}
