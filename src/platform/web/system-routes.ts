import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Database } from '../db/database.ts';
import { openApiDocument } from '../api/openapi.ts';
import { VERSION } from '../version.ts';
import { Routes } from './routes.ts';

/** Machine-facing routes every deployment has: health for load balancers, the OpenAPI document. */
export function systemRoutes(deps: { db: Database }, registry: OpenAPIRegistry): Routes {
  return new Routes()
    .get('/health', 'public', async (_req, res) => {
      try {
        await deps.db.query('select 1');
        res.json({ status: 'ok', database: deps.db.kind, version: VERSION });
      } catch {
        res.status(503).json({ status: 'unavailable', database: deps.db.kind, version: VERSION });
      }
    })
    .get('/api/v1/openapi.json', 'public', (_req, res) => {
      res.json(openApiDocument(registry, VERSION));
    });
}
