import type { Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { actorOf } from '../../platform/web/request.ts';
import { pagination } from '../../platform/web/pagination.ts';
import {
  asArray,
  asString,
  formValues,
  fromValidationError,
  toFormErrors,
  validate,
} from '../../platform/web/forms.ts';
import { lineChartSvg } from '../../platform/web/charts.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/commands.ts';
import { can } from '../../platform/authz/policy.ts';
import {
  CASE_TYPES,
  CASE_TYPE_NAMES,
  STATUSES,
  STATUS_NAMES,
  RIGHTS_TYPES,
  canTake,
  regimeOf,
  type CaseAction,
  type CaseStatus,
  type CaseType,
  ACTIONS,
  WAITING_STATUSES,
} from '../../domain/requests/workflow.ts';
import { exemptionsFor, findExemption } from '../../domain/requests/exemptions.ts';
import {
  OUTCOMES,
  OUTCOME_NAMES,
  OUTCOMES_BY_REGIME,
  outcomeName,
  type Outcome,
} from '../../domain/requests/outcomes.ts';
import { newCaseSchema, CHANNELS } from './schemas.ts';
import { canApproveCase, canManageCase, permissionFor } from './policy.ts';
import { targetSchema } from './settings.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { namesOf, presentCase } from './presenters.ts';
import { idSchema, parseId, requireId } from '../../platform/validation.ts';
import { govukDate, plural } from '../../platform/web/format.ts';
import { REQUESTS } from './permissions.ts';

type Deps = Pick<
  Services,
  | 'requests'
  | 'requestReports'
  | 'requestSettings'
  | 'organisation'
  | 'users'
  | 'audit'
  | 'mail'
  | 'attachments'
  | 'config'
>;

const PAGE_SIZE = 50;

/** The Article 15 fields of a subject access response, with the council's usual wording to start from. */
const ARTICLE_15_FIELDS = [
  {
    name: 'purposes',
    label: 'Why the council uses it (purposes)',
    default:
      'To provide the services you receive from the council and to carry out its legal duties, as the privacy notice of each service describes.',
  },
  {
    name: 'recipients',
    label: 'Who receives it (recipients)',
    default:
      'Council staff who need it for their work, and partner organisations where the law requires or allows it, as the privacy notices describe.',
  },
  {
    name: 'retention',
    label: 'How long it is kept',
    default:
      'For the period the council’s retention schedule sets for each kind of record; then it is securely destroyed.',
  },
  {
    name: 'source',
    label: 'Where it came from (source)',
    default: 'From you, and from the organisations and people who contacted the council about you.',
  },
];
const listQuery = z.object({
  view: z.enum(['mine', 'team', 'due-soon', 'overdue', 'open', 'all']).catch('open'),
  type: z.enum(CASE_TYPES).optional().catch(undefined),
  status: z.enum(STATUSES).optional().catch(undefined),
  directorate: z.coerce.number().pipe(idSchema).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const VIEWS = [
  { value: 'mine', text: 'My cases' },
  { value: 'team', text: 'Team cases' },
  { value: 'due-soon', text: 'Due in 5 days' },
  { value: 'overdue', text: 'Overdue' },
  { value: 'open', text: 'All open' },
  { value: 'all', text: 'Everything' },
];

const labels = {
  types: CASE_TYPES.map((t) => ({ value: t, text: CASE_TYPE_NAMES[t] })),
  statuses: STATUSES.map((s) => ({ value: s, text: STATUS_NAMES[s] })),
  outcomes: OUTCOMES.map((o) => ({ value: o, text: OUTCOME_NAMES[o] })),
  channels: CHANNELS.map((c) => ({ value: c, text: c.replace('-', ' ') })),
};

/** Casework for requests officers, IG officers and the DPO. */
export function requestRoutes(deps: Deps): Routes {
  const renderCase = async (req: Request, res: Response, id: number, extra: Record<string, unknown> = {}) => {
    const principal = req.principal!;
    const c = await deps.requests.view(principal, actorOf(principal), id);
    const [
      attachments,
      contributions,
      searches,
      disclosures,
      systems,
      reviews,
      letters,
      history,
      directorates,
      teams,
      staff,
    ] = await Promise.all([
      deps.attachments.list(id),
      deps.requests.contributions(id),
      deps.requests.searches(id),
      deps.requests.disclosures(id),
      deps.requests.systems(),
      deps.requests.reviewsOf(id),
      deps.mail.forEntity('request-case', id),
      deps.audit.search({ entityType: 'request-case', entityId: String(id) }, { limit: 200, offset: 0 }),
      deps.organisation.directorates(),
      deps.organisation.teams(),
      deps.users.list({ status: 'active', role: 'requests_officer' }, { limit: 500, offset: 0 }),
    ]);
    const type = c.type as CaseType;
    const reviewed = c.reviewOf ? await deps.requests.find(c.reviewOf) : undefined;
    const regime = regimeOf(type) ?? (reviewed ? regimeOf(reviewed.type as CaseType) : undefined);
    const allowed = (Object.keys(ACTIONS) as CaseAction[]).filter((a) =>
      canTake(a, c.status as (typeof STATUSES)[number]),
    );
    const assignee =
      c.assigneeId && !staff.rows.some((u) => u.id === c.assigneeId)
        ? await deps.users.get(c.assigneeId)
        : undefined;
    const names = namesOf({ directorates, teams, staff: assignee ? [...staff.rows, assignee] : staff.rows });
    res.render('requests/views/case.njk', {
      c,
      ...presentCase(c, names, reviewed?.reference),
      contributions: contributions.map((k) => ({
        ...k,
        teamName: names.teams.get(k.teamId) ?? 'Unknown team',
      })),
      today: deps.requests.today(),
      typeName: CASE_TYPE_NAMES[type],
      statusName: STATUS_NAMES[c.status as (typeof STATUSES)[number]],
      rights: RIGHTS_TYPES.has(type),
      regime,
      exemptionOptions: regime ? exemptionsFor(regime) : [],
      exemptionTitles: ((c.exemptions as string[]) ?? []).map((code) => findExemption(code)?.title ?? code),
      dpaExemptions: exemptionsFor('dpa'),
      outcomeName: c.outcome ? outcomeName(c.outcome as Outcome, regime) : null,
      article15Fields: ARTICLE_15_FIELDS,
      outcomeOptions: OUTCOMES_BY_REGIME[regime ?? 'none'].map((o) => ({
        value: o,
        text: outcomeName(o, regime),
      })),
      allowed,
      mayManage: canManageCase(principal, c),
      mayApprove: canApproveCase(principal, c),
      attachments,
      searches,
      disclosures,
      systems,
      reviews,
      letters,
      history: history.rows,
      directorates,
      teams,
      staff: staff.rows,
      labels,
      maxUploadMb: Math.floor(deps.config.maxUploadBytes / 1024 / 1024),
      values: {},
      ...extra,
    });
  };

  const routes = new Routes();
  // One route per case action, each declaring the permission its handler really needs.
  for (const action of Object.keys(ACTIONS) as CaseAction[]) {
    routes.post(`/requests/:id/actions/${action}`, permissionFor(action), async (req, res) => {
      const id = caseId(req);
      const body = { ...req.body, exemptions: asArray(req.body.exemptions) };
      await runAction(
        req,
        res,
        id,
        () =>
          deps.requests.act(
            req.principal!,
            actorOf(req.principal!),
            id,
            Number(req.body.version),
            action,
            body,
          ),
        action,
      );
    });
  }

  return routes
    .get('/requests', REQUESTS.view, async (req, res) => {
      const q = listQuery.parse(req.query);
      const filter = { view: q.view, type: q.type, status: q.status, directorateId: q.directorate, q: q.q };
      const { rows, total } = await deps.requests.list(req.principal!, filter, {
        limit: PAGE_SIZE,
        offset: (q.page - 1) * PAGE_SIZE,
      });
      const directorates = await deps.organisation.directorates();
      res.render('requests/views/list.njk', {
        rows: rows.map((r) => ({
          ...r,
          waiting: WAITING_STATUSES.has(r.status as CaseStatus),
          typeName: CASE_TYPE_NAMES[r.type as CaseType],
          statusName: STATUS_NAMES[r.status as (typeof STATUSES)[number]],
        })),
        total,
        query: q,
        views: VIEWS,
        directorates,
        directorateNames: Object.fromEntries(directorates.map((d) => [d.id, d.name])),
        teams: await deps.organisation.teams(),
        labels,
        today: deps.requests.today(),
        mayManage: can(req.principal, REQUESTS.manage),
        pages: pagination(req, q.page, total, PAGE_SIZE),
      });
    })
    .post('/requests/allocate', REQUESTS.manage, async (req, res) => {
      const ids = asArray(req.body.caseIds)
        .map(parseId)
        .filter((n): n is number => n !== undefined);
      const directorateId = parseId(req.body.directorateId);
      const teamId = parseId(req.body.teamId);
      if (!ids.length || !directorateId) {
        req.session.flash = {
          type: 'info',
          text: 'Choose the cases and the directorate to allocate them to.',
        };
        return res.redirect(303, '/requests');
      }
      const result = await deps.requests.allocateMany(
        req.principal!,
        actorOf(req.principal!),
        ids,
        directorateId,
        teamId,
      );
      req.session.flash = {
        type: result.skipped.length ? 'info' : 'success',
        text: `${result.allocated} ${plural(result.allocated, 'case')} allocated.${result.skipped.length ? ` Not allocated: ${result.skipped.join('; ')}` : ''}`,
      };
      res.redirect(303, '/requests');
    })
    .get('/requests/log', REQUESTS.manage, (req, res) => {
      res.render('requests/views/log.njk', {
        labels,
        values: { receivedOn: deps.requests.today(), channel: 'email' },
      });
    })
    .post('/requests/log', REQUESTS.manage, async (req, res) => {
      const fields = [
        'type',
        'channel',
        'subject',
        'description',
        'requesterName',
        'requesterEmail',
        'requesterAddress',
        'receivedOn',
      ] as const;
      const values = { ...formValues(req.body, fields), pressInterest: req.body.pressInterest === 'yes' };
      const form = validate(newCaseSchema, values);
      if (!form.ok) return res.status(400).render('requests/views/log.njk', { ...form, labels, values });
      try {
        const acknowledge = req.body.acknowledge === 'yes';
        const c = await deps.requests.create(actorOf(req.principal!), form.value, { acknowledge });
        req.session.flash = {
          type: acknowledge && !c.requesterEmail ? 'info' : 'success',
          text:
            `${c.reference} logged. Due ${govukDate(c.dueOn)}.` +
            (acknowledge && !c.requesterEmail
              ? ' No acknowledgement was sent: there is no email address. Post one, then record it with “Acknowledge” on the case.'
              : ''),
        };
        res.redirect(303, `/requests/${c.id}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400).render('requests/views/log.njk', { ...fromValidationError(error), labels, values });
      }
    })
    .get('/requests/reports', REQUESTS.reports, async (req, res) => {
      const report = await deps.requestReports.build({ months: 12, until: deps.requests.today() });
      const chart = lineChartSvg({
        title: 'Share of requests answered in time, by month',
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
      const report = await deps.requestReports.build({ months: 12, until: deps.requests.today() });
      const rows = report.timeliness.flatMap((t) =>
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
      );
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="request-timeliness.csv"');
      res.send(stringify(rows, { header: true, escape_formulas: true }));
    })
    .get('/requests/reports/quarterly.csv', REQUESTS.reports, async (_req, res) => {
      const report = await deps.requestReports.build({ months: 12, until: deps.requests.today() });
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="foi-quarterly-statistics.csv"');
      res.send(stringify(report.quarterly, { header: true, escape_formulas: true }));
    })
    .get('/requests/settings', REQUESTS.configure, async (_req, res) => {
      await renderSettings(res, {});
    })
    .post('/requests/settings/systems', REQUESTS.configure, async (req, res) => {
      try {
        await deps.requestSettings.addSystem(actorOf(req.principal!), asString(req.body.name));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        return renderSettings(res, {
          ...fromValidationError(error),
          values: { name: asString(req.body.name) },
        });
      }
      req.session.flash = { type: 'success', text: 'System added' };
      res.redirect(303, '/requests/settings');
    })
    .post('/requests/settings/systems/:id/:change', REQUESTS.configure, async (req, res) => {
      const change = String(req.params.change);
      if (change !== 'retire' && change !== 'restore') throw new NotFoundError('No such change');
      await deps.requestSettings.setSystemActive(
        actorOf(req.principal!),
        requireId(req.params.id, 'system'),
        change === 'restore',
      );
      req.session.flash = {
        type: 'success',
        text: change === 'retire' ? 'System retired from the list' : 'System restored',
      };
      res.redirect(303, '/requests/settings');
    })
    .post('/requests/settings/targets/:directorateId', REQUESTS.configure, async (req, res) => {
      const form = validate(targetSchema, {
        foiPercent: asString(req.body.foiPercent),
        sarPercent: asString(req.body.sarPercent),
      });
      if (!form.ok)
        return void (
          res.status(400),
          await renderSettings(res, {
            ...form,
            failedTarget: requireId(req.params.directorateId, 'directorate'),
          })
        );
      await deps.requestSettings.setTarget(
        actorOf(req.principal!),
        requireId(req.params.directorateId, 'directorate'),
        form.value,
      );
      req.session.flash = { type: 'success', text: 'Target saved' };
      res.redirect(303, '/requests/settings');
    })
    .get('/requests/:id', REQUESTS.view, async (req, res) => {
      await renderCase(req, res, caseId(req));
    })
    .post('/requests/:id/searches', REQUESTS.manage, async (req, res) => {
      const id = caseId(req);
      await runAction(
        req,
        res,
        id,
        () =>
          deps.requests.logSearch(req.principal!, actorOf(req.principal!), id, Number(req.body.version), {
            systemId: parseId(req.body.systemId) ?? 0,
            found: req.body.found === 'yes',
            notes: asString(req.body.notes),
          }),
        'log-search',
      );
    })
    .post('/requests/:id/disclosures', REQUESTS.manage, async (req, res) => {
      const id = caseId(req);
      await runAction(
        req,
        res,
        id,
        () =>
          deps.requests.recordDisclosure(
            req.principal!,
            actorOf(req.principal!),
            id,
            Number(req.body.version),
            {
              item: asString(req.body.item),
              decision: asString(req.body.decision),
              exemption: asString(req.body.exemption) || undefined,
            },
          ),
        'record-disclosure',
      );
    })
    .post(
      '/requests/:id/attachments',
      REQUESTS.manage,
      upload(deps.config.maxUploadBytes),
      async (req, res) => {
        const id = caseId(req);
        await runAction(
          req,
          res,
          id,
          async () => {
            // A refused upload is shown on the case page like any other form error.
            const problem = res.locals.uploadProblem as string | undefined;
            if (problem) throw new ValidationError(problem, { file: problem });
            return deps.attachments.add(
              req.principal!,
              actorOf(req.principal!),
              id,
              req.file,
              req.body?.public === 'yes',
            );
          },
          'attach',
        );
      },
    )
    .get('/requests/:id/files/:fileId', REQUESTS.view, async (req, res) => {
      const file = await deps.attachments.download(
        req.principal!,
        actorOf(req.principal!),
        caseId(req),
        requireId(req.params.fileId, 'file'),
      );
      sendFile(res, file);
    })
    .post('/requests/:id/review', REQUESTS.manage, async (req, res) => {
      const id = caseId(req);
      try {
        const review = await deps.requests.requestInternalReview(
          req.principal!,
          actorOf(req.principal!),
          id,
          { receivedOn: asString(req.body.receivedOn), grounds: asString(req.body.grounds) },
        );
        req.session.flash = {
          type: 'success',
          text: `Internal review ${review.reference} opened. Due ${review.dueOn}.`,
        };
        res.redirect(303, `/requests/${review.id}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        await renderCase(req, res, id, {
          ...fromValidationError(error),
          failedAction: 'review',
          values: req.body,
        });
      }
    });

  async function renderSettings(res: Response, extra: Record<string, unknown>) {
    const [systems, targets] = await Promise.all([
      deps.requestSettings.systems(),
      deps.requestSettings.targets(),
    ]);
    res.render('requests/views/settings.njk', { systems, targets, values: {}, ...extra });
  }

  /** Runs a case action; a broken rule or a stale copy re-shows the case with the message and what was typed. */
  async function runAction(
    req: Request,
    res: Response,
    id: number,
    work: () => Promise<unknown>,
    action: string,
  ) {
    try {
      await work();
      req.session.flash = { type: 'success', text: 'Saved' };
      res.redirect(303, `/requests/${id}`);
    } catch (error) {
      if (error instanceof ConflictError) {
        res.status(409);
        return renderCase(req, res, id, {
          ...toFormErrors({ form: error.message }),
          failedAction: action,
          values: req.body,
        });
      }
      if (!(error instanceof ValidationError)) throw error;
      res.status(400);
      await renderCase(req, res, id, {
        ...fromValidationError(error),
        failedAction: action,
        values: req.body,
      });
    }
  }
}

/** One file per upload, held in memory up to the size limit (a larger one is refused as it streams in). */
function upload(maxBytes: number): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 20 },
  }).single('file');
  return (req, res, next) =>
    parse(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        res.locals.uploadProblem =
          error.code === 'LIMIT_FILE_SIZE'
            ? `The selected file must be smaller than ${Math.max(1, Math.floor(maxBytes / 1024 / 1024))} MB`
            : 'Upload one file at a time';
        return next();
      }
      next(error);
    });
}

function caseId(req: Request): number {
  return requireId(req.params.id, 'case');
}
