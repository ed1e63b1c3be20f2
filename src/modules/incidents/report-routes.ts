import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { can } from '../../platform/authz/policy.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { publicSubmitRateLimit } from '../../platform/web/middleware/rate-limit.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { CLASSIFICATIONS } from '../../domain/incidents/taxonomy.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from '../../domain/incidents/workflow.ts';
import { publicReportSchema, reportSchema } from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { canSeeReport } from './policy.ts';
import { PAGE_SIZE } from './incidents-service.ts';
import { LABELS, when } from './presenters.ts';

declare module 'express-session' {
  interface SessionData {
    /** The reference of the concern a member of the public has just sent, for the page that confirms it. */
    sentConcern: { reference: string; emailed: boolean };
  }
}

type Deps = Pick<Services, 'incidents' | 'organisation' | 'config' | 'db' | 'clock'>;

/** The report form's dates come as three fields each. */
const reportValues = (req: Request) => ({
  ...(req.body as Record<string, unknown>),
  occurredOn: dateFromFields(req.body, 'occurredOn'),
  discoveredOn: dateFromFields(req.body, 'discoveredOn'),
});

const REF = /^INC-\d{4}-\d{4,10}$/;

/**
 * Reporting: the two-minute form for every member of staff (a near miss is the same form), the public's "report a
 * concern about your data", and the incidents front page — the case list for those who handle or oversee cases, and
 * everyone's own reports.
 */
export function reportRoutes(deps: Deps): Routes {
  const showForm = async (res: Response, page: Partial<InvalidForm> = {}) =>
    res.render('incidents/views/report.njk', {
      directorates: await deps.organisation.directorates(),
      values: {},
      ...LABELS,
      ...page,
    });
  const showPublicForm = (res: Response, page: Partial<InvalidForm> = {}) =>
    res.render('incidents/views/report-public.njk', { values: {}, ...LABELS, ...page });

  return new Routes()
    .get('/incidents', INCIDENTS.report, async (req, res) => {
      const principal = req.principal!;
      const mine = await deps.incidents.ownReports(principal.id);
      const actions = await deps.incidents.actionsOwnedBy(principal.id);
      if (!can(principal, INCIDENTS.view))
        return res.render('incidents/views/yours.njk', { mine, actions, when, ...LABELS });
      const status = String(req.query.status ?? 'open');
      const classification = String(req.query.classification ?? '');
      const filter = {
        status: (status in INCIDENT_STATUSES || status === 'open' ? status : undefined) as
          IncidentStatus | 'open' | undefined,
        classification:
          classification in CLASSIFICATIONS ? (classification as keyof typeof CLASSIFICATIONS) : undefined,
      };
      const page = Math.max(1, Math.min(10_000, Number.parseInt(String(req.query.page ?? '1'), 10) || 1));
      const list = await deps.incidents.list(principal, filter, page);
      res.render('incidents/views/index.njk', {
        ...list,
        mine,
        actions,
        filter: { status: filter.status ?? '', classification: filter.classification ?? '' },
        pagination: pagination(req, page, list.total, PAGE_SIZE),
        clocks: await deps.incidents.runningClocks(principal),
        canManage: can(principal, INCIDENTS.manage),
        canRota: can(principal, INCIDENTS.rota),
        when,
        ...LABELS,
      });
    })
    .get('/incidents/report', INCIDENTS.report, (_req, res) => showForm(res))
    .post(
      '/incidents/report',
      INCIDENTS.report,
      form(
        reportSchema,
        async (input, req, res) => {
          const caller = callerOf(req);
          const incident = await deps.incidents.report(
            caller.actor,
            { kind: 'staff', userId: caller.principal.id },
            input,
          );
          res.redirect(303, `/incidents/reported/${incident.reference}`);
        },
        (page, _req, res) => showForm(res, page),
        { values: reportValues },
      ),
    )
    .get('/incidents/reported/:reference', INCIDENTS.report, async (req, res) => {
      const reference = String(req.params.reference);
      const incident = REF.test(reference) ? await deps.incidents.byReference(reference) : undefined;
      if (!incident) throw new NotFoundError('No such report');
      if (!canSeeReport(req.principal, incident)) throw new ForbiddenError('This is not a report you sent');
      res.render('incidents/views/reported.njk', { incident, when, ...LABELS });
    })
    .get('/report-a-concern', 'public', (_req, res) => showPublicForm(res))
    .post(
      '/report-a-concern',
      'public',
      publicSubmitRateLimit(deps),
      form(
        publicReportSchema,
        async (input, req, res) => {
          const incident = await deps.incidents.report(
            systemActor('Public concern form'),
            { kind: 'public' },
            input,
          );
          req.session.sentConcern = {
            reference: incident.reference,
            emailed: !!incident.contactEmail && deps.config.smtpUrl !== undefined,
          };
          res.redirect(303, '/report-a-concern/sent');
        },
        (page, _req, res) => showPublicForm(res, page),
        { values: reportValues },
      ),
    )
    .get('/report-a-concern/sent', 'public', (req, res) => {
      const sent = req.session.sentConcern;
      if (!sent) return res.redirect(303, '/report-a-concern');
      res.render('incidents/views/report-public-sent.njk', { sent });
    });
}
