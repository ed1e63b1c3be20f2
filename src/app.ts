import express, { type RequestHandler } from 'express';
import type { Services } from './platform/modules.ts';
import { permissionTable } from './platform/authz/permissions.ts';
import { securityHeaders } from './platform/web/middleware/security-headers.ts';
import { requestLog } from './platform/web/middleware/request-log.ts';
import { sessions } from './platform/web/middleware/session.ts';
import { authenticate } from './platform/web/middleware/authenticate.ts';
import { csrf } from './platform/web/middleware/csrf.ts';
import { pageLocals } from './platform/web/middleware/locals.ts';
import { apiRateLimit, signInRateLimit } from './platform/web/middleware/rate-limit.ts';
import { errorHandler, notFound } from './platform/web/middleware/errors.ts';
import { rejectControlCharacters } from './platform/web/middleware/control-characters.ts';
import { staticAssets } from './platform/web/middleware/static-assets.ts';
import { configureViews } from './platform/web/nunjucks.ts';
import { isApiPath } from './platform/web/request.ts';
import type { Routes } from './platform/web/routes.ts';
import { createRegistry } from './platform/api/openapi.ts';
import { systemRoutes } from './platform/web/system-routes.ts';
import { upcomingRoutes } from './platform/web/upcoming-routes.ts';

export interface AppOptions {
  sessionSecret: string;
}

/**
 * The web application: one middleware per concern in a fixed order, then the routes of every module in
 * `services.modules`, in their order, then the "not available yet" pages of the modules still to come (last, so a
 * module that ships is never shadowed by a placeholder).
 */
export function createApp(services: Services, options: AppOptions) {
  const { config, logger, modules } = services;
  const permissions = permissionTable(modules.flatMap((m) => m.permissions ?? []));
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  configureViews(app, { serviceName: 'Custodian', councilName: config.councilName });

  app.use(requestLog(logger));
  app.use(securityHeaders({ hsts: config.secureCookies }));
  app.use(staticAssets());
  app.use(express.urlencoded({ extended: false, limit: '100kb', parameterLimit: 500 }));
  app.use('/api', express.json({ limit: '1mb' }));
  app.use(rejectControlCharacters);
  app.use(
    unlessApi(
      sessions({ store: services.sessionStore, secret: options.sessionSecret, secure: config.secureCookies }),
    ),
  );
  app.use(authenticate(services));
  app.use(csrf({ secure: config.secureCookies }));
  app.use(pageLocals({ areas: modules.flatMap((m) => (m.area ? [m.area] : [])), permissions }));
  app.use('/sign-in', signInRateLimit(services));
  app.use('/api', apiRateLimit(services));

  const registry = createRegistry();
  const routes: Routes[] = [
    systemRoutes(services, registry),
    ...modules.flatMap((m) => [...(m.routes?.(services) ?? []), ...(m.api?.(services, registry) ?? [])]),
    upcomingRoutes(modules),
  ];
  for (const r of routes) app.use(r.router);
  const routeSpecs = routes.flatMap((r) => r.specs);
  for (const spec of routeSpecs)
    if (typeof spec.access === 'object' && permissions.get(spec.access.name) !== spec.access)
      throw new Error(
        `${spec.method.toUpperCase()} ${spec.path} needs ${spec.access.name}, which no module lists`,
      );

  app.use(notFound);
  app.use(errorHandler(logger));
  return Object.assign(app, { routeSpecs, permissions });
}

function unlessApi(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (isApiPath(req.path) ? next() : middleware(req, res, next));
}
