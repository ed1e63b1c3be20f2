import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type RequestHandler } from 'express';
import type { Services } from '../../composition.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { requestLog } from './middleware/request-log.ts';
import { sessions } from './middleware/session.ts';
import { authenticate } from './middleware/authenticate.ts';
import { csrf } from './middleware/csrf.ts';
import { pageLocals } from './middleware/locals.ts';
import { apiRateLimit, signInRateLimit } from './middleware/rate-limit.ts';
import { errorHandler, notFound } from './middleware/errors.ts';
import { rejectControlCharacters } from './middleware/control-characters.ts';
import { configureViews, govukFrontendDir } from './nunjucks.ts';
import { isApiPath } from './request.ts';
import type { Routes, RouteSpec } from './routes.ts';
import { createRegistry } from '../api/openapi.ts';
import { systemRoutes } from './system-routes.ts';
import { accountRoutes } from '../../modules/account/routes.ts';
import { dashboardRoutes } from '../../modules/dashboard/routes.ts';
import { adminRoutes } from '../../modules/admin/routes.ts';
import { adminApi } from '../../modules/admin/api.ts';
import { auditRoutes } from '../../modules/audit/routes.ts';
import { auditApi } from '../../modules/audit/api.ts';
import { requestRoutes } from '../../modules/requests/routes.ts';
import { publicRequestRoutes } from '../../modules/requests/public-routes.ts';
import { requestsApi } from '../../modules/requests/api.ts';
import { publicationRoutes } from '../../modules/publication/routes.ts';
import { discoveryRoutes } from '../../modules/discovery/routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface AppOptions {
  sessionSecret: string;
}

/** The web application: one middleware per concern in a fixed order, then each module's routes. */
export function createApp(services: Services, options: AppOptions) {
  const { config, logger } = services;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  configureViews(app, { serviceName: 'Custodian', councilName: config.councilName });

  app.use(requestLog(logger));
  app.use(securityHeaders({ hsts: config.secureCookies }));
  const assetOptions = { maxAge: '1h', index: false, redirect: false, fallthrough: true } as const;
  app.use('/assets', express.static(path.join(govukFrontendDir, 'govuk/assets'), assetOptions));
  app.use(
    '/assets',
    express.static(path.join(govukFrontendDir, 'govuk'), { ...assetOptions, extensions: [] }),
  );
  app.use('/public', express.static(path.join(here, 'public'), assetOptions));

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
  app.use(pageLocals);
  app.use('/sign-in', signInRateLimit(services));
  app.use('/api', apiRateLimit(services));

  const registry = createRegistry();
  const modules: Routes[] = [
    systemRoutes(services, registry),
    accountRoutes(services),
    dashboardRoutes(services),
    publicRequestRoutes(services),
    requestRoutes(services),
    publicationRoutes(services),
    discoveryRoutes(services),
    adminRoutes(services),
    auditRoutes(services),
    adminApi(services, registry),
    auditApi(services, registry),
    requestsApi(services, registry),
  ];
  for (const m of modules) app.use(m.router);
  const routeSpecs: RouteSpec[] = modules.flatMap((m) => m.specs);

  app.use(notFound);
  app.use(errorHandler(logger));
  return Object.assign(app, { routeSpecs });
}

function unlessApi(middleware: RequestHandler): RequestHandler {
  return (req, res, next) => (isApiPath(req.path) ? next() : middleware(req, res, next));
}
