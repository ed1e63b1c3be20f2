import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { actorOf } from '../../platform/web/request.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { asString, formValues, fromValidationError, validate } from '../../platform/web/forms.ts';
import { NotFoundError, ValidationError } from '../../platform/commands.ts';
import { CASE_TYPE_NAMES, type CaseType } from '../../domain/requests/workflow.ts';
import { OUTCOME_NAMES } from '../../domain/requests/outcomes.ts';
import { findExemption } from '../../domain/requests/exemptions.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { publicationEntrySchema } from './service.ts';
import { PUBLICATION_CLASSES } from './classes.ts';
import { requireId } from '../../platform/validation.ts';
import { PUBLICATION } from './permissions.ts';

const PAGE_SIZE = 25;
const logQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The public face of openness: the disclosure log and the publication scheme, and the page officers manage it from. */
export function publicationRoutes(deps: Pick<Services, 'publishedResponses' | 'publication'>): Routes {
  const renderManage = async (
    res: Parameters<Parameters<Routes['get']>[2]>[1],
    extra: Record<string, unknown>,
  ) => {
    const [scheme, datasets] = await Promise.all([deps.publication.scheme(), deps.publication.datasets()]);
    res.render('publication/views/manage.njk', {
      scheme,
      datasets,
      classes: PUBLICATION_CLASSES,
      values: {},
      ...extra,
    });
  };
  return new Routes()
    .get('/disclosure-log', 'public', async (req, res) => {
      const q = logQuery.parse(req.query);
      const { rows, total } = await deps.publishedResponses.list(q.q, {
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
      });
      res.render('publication/views/disclosure-log.njk', {
        rows,
        total,
        query: q,
        typeNames: CASE_TYPE_NAMES,
        outcomeNames: OUTCOME_NAMES,
        pages: pagination(req, q.page, total, PAGE_SIZE),
      });
    })
    .get('/disclosure-log/:reference', 'public', async (req, res) => {
      const entry = await deps.publishedResponses.entry(String(req.params.reference));
      if (!entry) throw new NotFoundError('No such entry');
      res.render('publication/views/disclosure-entry.njk', {
        entry,
        files: entry.files,
        typeName: CASE_TYPE_NAMES[entry.type as CaseType],
        outcomeName: entry.outcome ? OUTCOME_NAMES[entry.outcome as keyof typeof OUTCOME_NAMES] : '',
        exemptionTitles: ((entry.exemptions as string[]) ?? []).map((c) => findExemption(c)?.title ?? c),
      });
    })
    .get('/disclosure-log/:reference/files/:fileId', 'public', async (req, res) => {
      sendFile(
        res,
        await deps.publishedResponses.download(
          String(req.params.reference),
          requireId(req.params.fileId, 'file'),
        ),
      );
    })
    .get('/publication-scheme', 'public', async (_req, res) => {
      const [scheme, datasets] = await Promise.all([deps.publication.scheme(), deps.publication.datasets()]);
      res.render('publication/views/scheme.njk', { scheme, datasets });
    })
    .get('/publication-scheme/manage', PUBLICATION.manage, async (_req, res) => {
      await renderManage(res, {});
    })
    .post('/publication-scheme/entries', PUBLICATION.manage, async (req, res) => {
      const values = formValues(req.body, ['classCode', 'title', 'description', 'url']);
      const form = validate(publicationEntrySchema, values);
      if (!form.ok) return void (res.status(400), await renderManage(res, { ...form, values }));
      await deps.publication.addEntry(actorOf(req.principal!), form.value);
      req.session.flash = { type: 'success', text: `${form.value.title} added to the publication scheme` };
      res.redirect(303, '/publication-scheme/manage');
    })
    .post('/publication-scheme/entries/:id/remove', PUBLICATION.manage, async (req, res) => {
      await deps.publication.removeEntry(actorOf(req.principal!), requireId(req.params.id, 'entry'));
      req.session.flash = { type: 'success', text: 'Entry removed' };
      res.redirect(303, '/publication-scheme/manage');
    })
    .post('/publication-scheme/datasets/:code', PUBLICATION.manage, async (req, res) => {
      try {
        await deps.publication.recordDataset(actorOf(req.principal!), String(req.params.code), {
          lastPublishedOn: asString(req.body.lastPublishedOn),
          url: asString(req.body.url) || undefined,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        return renderManage(res, { ...fromValidationError(error), failedDataset: req.params.code });
      }
      req.session.flash = { type: 'success', text: 'Dataset publication recorded' };
      res.redirect(303, '/publication-scheme/manage');
    });
}
