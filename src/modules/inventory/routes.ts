import type { Request } from 'express';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { actorOf } from '../../platform/web/request.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { NotFoundError, ValidationError } from '../../platform/commands.ts';
import { PII_TYPES } from '../../domain/pii/types.ts';
import { ROT_REASONS } from '../../domain/discovery/rot.ts';
import { requireId } from '../../platform/validation.ts';
import { DISCOVERY } from './permissions.ts';

const PAGE_SIZE = 50;
const folderSchema = z
  .string()
  .max(1000)
  .refine(
    (f) => !f.split('/').some((part) => part === '..' || part === '.' || part === ''),
    'not a folder in this source',
  )
  .optional()
  .catch(undefined);
const filesQuery = z.object({
  folder: folderSchema,
  pii: z.enum(PII_TYPES).optional().catch(undefined),
  rot: z.enum(ROT_REASONS).optional().catch(undefined),
  /** Only the files that could not be read in full. */
  unread: z
    .enum(['yes'])
    .optional()
    .catch(undefined)
    .transform((v) => v === 'yes'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The discovery pages for records managers, IG officers and the DPO. */
const disposalSchema = z.enum(['quarantine', 'delete']);

export function inventoryRoutes(deps: Pick<Services, 'inventory' | 'config'>): Routes {
  const sourceOf = async (req: Request) => {
    return deps.inventory.source(requireId(req.params.id, 'source'));
  };
  return new Routes()
    .get('/discovery', DISCOVERY.view, async (_req, res) => {
      const sources = await deps.inventory.sources();
      res.render('inventory/views/index.njk', {
        sources,
        refresh: sources.some((s) => s.lastScan?.status === 'running'),
      });
    })
    .get('/discovery/sources/:id', DISCOVERY.view, async (req, res) => {
      const { source, scans } = await sourceOf(req);
      const folder = folderSchema.parse(req.query.folder);
      const summary = await deps.inventory.summary(source.id, source.rootPath, folder);
      res.render('inventory/views/source.njk', {
        source,
        scans,
        summary,
        folder,
        parents: folder ? folder.split('/') : [],
        refresh: scans[0]?.status === 'running',
        quarantineDays: deps.config.disposalQuarantineDays,
      });
    })
    .post('/discovery/sources/:id/disposal', DISCOVERY.manage, async (req, res) => {
      const { source } = await sourceOf(req);
      const disposal = disposalSchema.safeParse(req.body?.disposal);
      if (!disposal.success) throw new ValidationError('Choose what becomes of destroyed files');
      await deps.inventory.setDisposal(actorOf(req.principal!), source.id, disposal.data);
      req.session.flash = {
        type: 'success',
        text:
          disposal.data === 'delete'
            ? 'Destroyed files will be deleted at once'
            : 'Destroyed files will wait in quarantine',
      };
      res.redirect(303, `/discovery/sources/${source.id}`);
    })
    .get('/discovery/sources/:id/summary.csv', DISCOVERY.view, async (req, res) => {
      const { source } = await sourceOf(req);
      const folder = folderSchema.parse(req.query.folder);
      const s = await deps.inventory.summary(source.id, source.rootPath, folder);
      const rows = s.folders.map((f) => ({
        folder: folder ? `${folder}/${f.folder}` : f.folder,
        files: f.files,
        bytes: f.bytes,
        filesWithPersonalData: f.personal,
      }));
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="discovery-summary.csv"');
      res.send(
        stringify(rows, {
          header: true,
          escape_formulas: true,
          columns: ['folder', 'files', 'bytes', 'filesWithPersonalData'],
        }),
      );
    })
    .get('/discovery/sources/:id/files', DISCOVERY.view, async (req, res) => {
      const { source } = await sourceOf(req);
      const q = filesQuery.parse(req.query);
      const { rows, total } = await deps.inventory.files(source.id, source.rootPath, q, {
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
      });
      res.render('inventory/views/files.njk', {
        source,
        rows,
        total,
        query: q,
        root: source.rootPath,
        piiTypes: PII_TYPES,
        rotReasons: ROT_REASONS,
        pages: pagination(req, q.page, total, PAGE_SIZE),
      });
    })
    .get('/discovery/sources/:id/file', DISCOVERY.view, async (req, res) => {
      const { source } = await sourceOf(req);
      const filePath = typeof req.query.path === 'string' ? req.query.path : '';
      if (!filePath.startsWith(`${source.rootPath}/`)) throw new NotFoundError('No such file');
      const { file, findings } = await deps.inventory.file(actorOf(req.principal!), source.id, filePath);
      res.render('inventory/views/file.njk', {
        source,
        file,
        findings,
        relative: file.path.slice(source.rootPath.length + 1),
      });
    });
}
