import type { Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { actorOf, callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { fileForm } from '../../platform/web/upload.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { requireId } from '../../platform/validation.ts';
import { tableFile } from '../../platform/documents/tables.ts';
import { HR_COLUMNS, WORKER_TYPES } from '../../domain/staff/hr-file.ts';
import { londonToday } from '../../platform/clock.ts';
import { staffListQuery } from './inputs.ts';
import { STAFF } from './permissions.ts';
import { MAX_HR_FILE_BYTES } from './hr-extract.ts';
import { importChanges, workerTypeName } from './presenters.ts';

type Deps = Pick<Services, 'staff' | 'organisation' | 'audit' | 'clock'>;

const PAGE_SIZE = 50;
const workerTypes = WORKER_TYPES.map((value) => ({ value, text: workerTypeName(value) }));

/** The council's people from HR: the list, a person, and the HR import with its dry run. */
export function staffRoutes(deps: Deps): Routes {
  const importPage = async (res: Response, extra: object = {}) =>
    res.render('staff/views/import.njk', {
      imports: await deps.staff.imports(),
      maxUploadMb: MAX_HR_FILE_BYTES / 1024 / 1024,
      columns: HR_COLUMNS.join(','),
      ...extra,
    });

  return new Routes()
    .get('/staff', STAFF.view, async (req, res) => {
      const q = staffListQuery.parse(req.query);
      const { rows, total } = await deps.staff.list(
        {
          q: q.q,
          directorateId: q.directorate,
          workerType: q.workerType,
          activeOn: q.status === 'current' ? londonToday(deps.clock) : undefined,
        },
        { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE },
      );
      res.render('staff/views/list.njk', {
        rows: rows.map((r) => ({ ...r, workerTypeName: workerTypeName(r.workerType) })),
        total,
        query: q,
        workerTypes,
        directorates: await deps.organisation.directorates(),
        pages: pagination(req, q.page, total, PAGE_SIZE),
      });
    })
    .get('/staff/import', STAFF.import, async (_req, res) => importPage(res))
    .get('/staff/import/template.csv', STAFF.import, async (_req, res) => {
      res.attachment('hr-extract-template.csv').type('text/csv');
      res.send(await tableFile(HR_COLUMNS, [], 'csv', 'People'));
    })
    .post(
      '/staff/import',
      STAFF.import,
      ...fileForm({
        maxBytes: MAX_HR_FILE_BYTES,
        missing: 'Select the HR extract',
        page: importPage,
        work: async (file, req, res) => {
          const outcome = await deps.staff.import(callerOf(req).actor, file, {
            dryRun: req.body?.action !== 'import',
          });
          await importPage(res, { outcome, changes: importChanges(outcome) });
        },
      }),
    )
    .get('/staff/:id', STAFF.view, async (req, res) => {
      const id = requireId(req.params.id, 'person');
      const person = await deps.staff.person(id);
      // An HR record is personal data: reading it is audited.
      await deps.audit.recordView(actorOf(req.principal!), {
        action: 'staff.viewed',
        entityType: 'staff',
        entityId: id,
      });
      res.render('staff/views/person.njk', {
        ...person,
        workerTypeName: workerTypeName(person.person.workerType),
      });
    });
}
