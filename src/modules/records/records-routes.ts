import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { londonToday } from '../../platform/clock.ts';
import { barChart } from '../../platform/web/charts.ts';
import { monthName } from '../../platform/web/format.ts';
import { dateFields, dateFromFields } from '../../platform/web/forms.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { Routes } from '../../platform/web/routes.ts';
import { RECORDS } from './permissions.ts';

type Deps = Pick<Services, 'retentionSchedule' | 'dueRecords' | 'disposal' | 'legalHolds' | 'clock'>;

const PAGE_SIZE = 50;
const page = z.coerce.number().int().min(1).max(100_000).catch(1);

/** The records area: its front page, what is due for disposal, and the backlog. */
export function recordsRoutes(deps: Deps): Routes {
  return new Routes()
    .get('/records', RECORDS.view, async (req, res) => {
      const today = londonToday(deps.clock);
      const [classes, due, lists, holds] = await Promise.all([
        deps.retentionSchedule.classes(),
        deps.dueRecords.page(today, { limit: 0, offset: 0 }),
        deps.disposal.lists(req.principal),
        deps.legalHolds.list({ standing: true }),
      ]);
      const count = (status: string) => lists.filter((l) => l.list.status === status).length;
      res.render('records/views/index.njk', {
        classes: classes.length,
        records: classes.reduce((n, c) => n + c.records, 0),
        due: due.total,
        lists: { review: count('review'), approval: count('approval'), coolingOff: count('cooling-off') },
        holds: holds.length,
        holdsToReview: holds.filter((h) => h.reviewOn && h.reviewOn <= today).length,
      });
    })
    .get('/records/due', RECORDS.view, async (req, res) => {
      const today = londonToday(deps.clock);
      const chosen = dateFromFields(req.query as Record<string, unknown>, 'on');
      const on = chosen && chosen !== 'invalid' ? chosen : today;
      const current = page.parse(req.query.page);
      const { rows, total } = await deps.dueRecords.page(on, {
        limit: PAGE_SIZE,
        offset: (current - 1) * PAGE_SIZE,
      });
      res.render('records/views/due.njk', {
        rows,
        total,
        on,
        values: dateFields('on', on),
        errors: chosen === 'invalid' ? { on: { text: 'Enter a real date' } } : {},
        pages: pagination(req, current, total, PAGE_SIZE),
      });
    })
    .get('/records/backlog', RECORDS.view, async (_req, res) => {
      const backlog = await deps.dueRecords.backlog(londonToday(deps.clock));
      res.render('records/views/backlog.njk', {
        ...backlog,
        chart: barChart({
          id: 'disposed-chart',
          title: 'Records disposed of each month',
          labels: backlog.disposed.map((d) => monthName(d.month, { short: true })),
          values: backlog.disposed.map((d) => d.n),
        }),
      });
    })
    .get('/records/backlog.csv', RECORDS.view, async (_req, res) => {
      const backlog = await deps.dueRecords.backlog(londonToday(deps.clock));
      const rows = [
        ['measure', 'group', 'records', 'bytes'],
        ...backlog.byDirectorate.map((g) => ['overdue by directorate', g.name, g.n, g.bytes]),
        ...backlog.byClass.map((g) => ['overdue by class', g.key, g.n, g.bytes]),
        ...backlog.byAge.map((g) => ['overdue by time past their date', g.name, g.n, '']),
        ...backlog.disposed.map((d) => ['disposed of by month', d.month, d.n, '']),
        ...backlog.holds.map((h) => ['held by a standing hold', h.name, h.records, '']),
      ];
      res.attachment('records-backlog.csv').type('text/csv');
      res.send(`\uFEFF${stringify(rows, { escape_formulas: true })}`);
    });
}
