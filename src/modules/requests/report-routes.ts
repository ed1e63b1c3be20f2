import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import type { Services } from '../../platform/modules.ts';
import { lineChart } from '../../platform/web/charts.ts';
import { Routes } from '../../platform/web/routes.ts';
import { findExemption } from '../../domain/requests/exemptions.ts';
import { OUTCOME_NAMES } from '../../domain/requests/outcomes.ts';
import { CASE_TYPE_NAMES } from '../../domain/requests/workflow.ts';
import { REQUESTS } from './permissions.ts';

type Deps = Pick<Services, 'requests' | 'requestReports'>;

/** Management reports: timeliness against each directorate's targets, volumes, outcomes, the quarterly statistics. */
export function reportRoutes(deps: Deps): Routes {
  const build = () => deps.requestReports.build({ months: 12, until: deps.requests.today() });
  const csv = (res: Response, filename: string, rows: object[]) => {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    res.send(stringify(rows, { header: true, escape_formulas: true }));
  };
  return new Routes()
    .get('/requests/reports', REQUESTS.reports, async (_req, res) => {
      const report = await build();
      const chart = lineChart({
        title: 'Share of requests answered in time, by month',
        id: 'timeliness-chart',
        labels: report.months,
        series: report.trend.map((t) => ({
          name: t.family === 'foi' ? 'FOI and EIR' : 'Subject access and rights',
          values: t.points.map((p) => p.percent),
        })),
        target: 95,
      });
      res.render('requests/views/reports.njk', {
        report,
        chart,
        outcomeNames: OUTCOME_NAMES,
        typeNames: CASE_TYPE_NAMES,
        exemptionTitle: (code: string) => findExemption(code)?.title ?? code,
      });
    })
    .get('/requests/reports/timeliness.csv', REQUESTS.reports, async (_req, res) => {
      const report = await build();
      csv(
        res,
        'request-timeliness.csv',
        report.timeliness.flatMap((t) =>
          t.byMonth.map((m) => ({
            directorate: t.directorate,
            family: t.family,
            month: m.month,
            responded: m.total,
            inTime: m.inTime,
            percentInTime: m.percent ?? '',
            target: t.target,
            overdueNow: t.overdue,
          })),
        ),
      );
    })
    .get('/requests/reports/quarterly.csv', REQUESTS.reports, async (_req, res) => {
      csv(res, 'foi-quarterly-statistics.csv', (await build()).quarterly);
    });
}
