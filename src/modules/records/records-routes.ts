import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { RECORDS } from './permissions.ts';

type Deps = Pick<Services, 'retentionSchedule'>;

/** The records area's front page: where each part of records management stands. */
export function recordsRoutes(deps: Deps): Routes {
  return new Routes().get('/records', RECORDS.view, async (_req, res) => {
    const classes = await deps.retentionSchedule.classes();
    res.render('records/views/index.njk', {
      classes: classes.length,
      records: classes.reduce((n, c) => n + c.records, 0),
    });
  });
}
