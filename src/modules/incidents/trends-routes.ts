import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { barChart, lineChart } from '../../platform/web/charts.ts';
import { monthName } from '../../platform/web/format.ts';
import { z } from 'zod';
import { rotaSchema } from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { LABELS } from './presenters.ts';

type Deps = Pick<Services, 'incidents' | 'incidentTrends'>;

/** The trends over two years, as charts with their tables and as CSV; and the DPO's out-of-hours rota. */
export function trendsRoutes(deps: Deps): Routes {
  const rotaPage = async (_req: Request, res: Response, invalid: Partial<InvalidForm> = {}) =>
    res.render('incidents/views/rota.njk', {
      rota: await deps.incidents.rota(),
      today: deps.incidents.today(),
      values: {},
      ...invalid,
    });
  return new Routes()
    .get('/incidents/trends', INCIDENTS.view, async (req, res) => {
      const trends = await deps.incidentTrends.trends(req.principal!);
      const labels = trends.months.map((m) => monthName(m.month, { short: true }));
      const monthly = barChart({
        title: 'Incidents reported each month',
        id: 'incidents-by-month',
        labels,
        values: trends.months.map((m) => m.incidents),
      });
      const topCauses = trends.byCause.slice(0, 3);
      const causes = lineChart({
        title: 'The three commonest causes, as a share of each month’s incidents (%)',
        id: 'causes-by-month',
        labels: trends.months.map((m) => m.month),
        series: topCauses.map((c) => ({
          name: LABELS.CAUSES[c.key as keyof typeof LABELS.CAUSES] ?? c.key,
          values: c.perMonth.map((n, i) => {
            const all = trends.months[i]!.incidents;
            return all ? Math.round((n / all) * 100) : null;
          }),
        })),
      });
      res.render('incidents/views/trends.njk', {
        trends,
        monthly,
        causes,
        monthNames: Object.fromEntries(trends.months.map((m) => [m.month, monthName(m.month)])),
        ...LABELS,
      });
    })
    .get('/incidents/trends.csv', INCIDENTS.view, async (req, res) => {
      sendFile(res, {
        filename: `incidents-by-month-${deps.incidents.today()}.csv`,
        mediaType: 'text/csv; charset=utf-8',
        content: await deps.incidentTrends.csv(req.principal!),
      });
    })
    .get('/incidents/rota', INCIDENTS.rota, (req, res) => rotaPage(req, res))
    .post(
      '/incidents/rota',
      INCIDENTS.rota,
      form(
        rotaSchema,
        async (input, req, res) => {
          await deps.incidents.addRota(callerOf(req), input);
          req.session.flash = { type: 'success', text: 'Added to the rota' };
          res.redirect(303, '/incidents/rota');
        },
        (invalid, req, res) => rotaPage(req, res, invalid),
        {
          values: (req) => ({
            ...req.body,
            startsOn: dateFromFields(req.body, 'startsOn'),
            endsOn: dateFromFields(req.body, 'endsOn'),
          }),
        },
      ),
    )
    .get('/incidents/rota/:entry/remove', INCIDENTS.rota, async (req, res) => {
      const id = requireId(req.params.entry, 'rota entry');
      const entry = (await deps.incidents.rota()).find((r) => r.entry.id === id);
      if (!entry) return res.redirect(303, '/incidents/rota');
      res.render('incidents/views/rota-remove.njk', { entry });
    })
    .post(
      '/incidents/rota/:entry/remove',
      INCIDENTS.rota,
      form(
        z.object({}),
        async (_input, req, res) => {
          await deps.incidents.removeRota(callerOf(req), requireId(req.params.entry, 'rota entry'));
          req.session.flash = { type: 'success', text: 'Removed from the rota' };
          res.redirect(303, '/incidents/rota');
        },
        (invalid, req, res) => rotaPage(req, res, invalid),
      ),
    );
}
