import type { Request, RequestHandler, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { can } from '../../platform/authz/policy.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { govukDate, plural } from '../../platform/web/format.ts';
import { asArray, form, formValues, fromValidationError, toFormErrors } from '../../platform/web/forms.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { singleUpload } from '../../platform/web/upload.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { requireId } from '../../platform/validation.ts';
import { CASE_ACTIONS, type CaseAction } from '../../domain/requests/workflow.ts';
import { bulkAllocationSchema, caseListQuery, newCaseSchema } from './inputs.ts';
import { REQUESTS } from './permissions.ts';
import { permissionFor } from './policy.ts';
import { LABELS, namesOf, presentCasePage, presentListRow, VIEWS } from './presenters.ts';

type Deps = Pick<
  Services,
  'requests' | 'attachments' | 'organisation' | 'users' | 'audit' | 'mail' | 'config'
>;

const PAGE_SIZE = 50;
const LOG_FIELDS = [
  'type',
  'channel',
  'subject',
  'description',
  'requesterName',
  'requesterEmail',
  'requesterAddress',
  'receivedOn',
] as const;

/** Casework for requests officers, IG officers and the DPO: the case list, logging a request, the case page. */
export function caseworkRoutes(deps: Deps): Routes {
  /** The officers a case may be given to, and everyone named on it (an assignee who has since left the role too). */
  const staffFor = async (assigneeId: number | null) => {
    const { rows: officers } = await deps.users.list(
      { status: 'active', role: 'requests_officer' },
      { limit: 500, offset: 0 },
    );
    const gone =
      assigneeId && !officers.some((u) => u.id === assigneeId) ? await deps.users.get(assigneeId) : undefined;
    return { officers, staff: gone ? [...officers, gone] : officers };
  };

  const renderCase = async (req: Request, res: Response, id: number, extra: Record<string, unknown> = {}) => {
    const caller = callerOf(req);
    const c = await deps.requests.view(caller, id);
    const [details, letters, history, directorates, teams, { officers, staff }] = await Promise.all([
      deps.requests.details(c),
      deps.mail.forEntity('request-case', id),
      deps.audit.search({ entityType: 'request-case', entityId: String(id) }, { limit: 200, offset: 0 }),
      deps.organisation.directorates(),
      deps.organisation.teams(),
      staffFor(c.assigneeId),
    ]);
    // The case's own rows first; the presenter's view of them (contributions with their team's name) over them.
    res.render('requests/views/case.njk', {
      ...details,
      ...presentCasePage(c, {
        principal: caller.principal,
        names: namesOf({ directorates, teams, staff }),
        reviewed: details.reviewed,
        contributions: details.contributions,
      }),
      today: deps.requests.today(),
      letters,
      history: history.rows,
      directorates,
      teams,
      staff: officers,
      maxUploadMb: Math.floor(deps.config.maxUploadBytes / 1024 / 1024),
      values: {},
      ...extra,
    });
  };

  /** Runs a change to a case; a broken rule or a stale copy shows the case again with the message and what was typed. */
  const changeCase =
    (action: string, work: (req: Request, id: number) => Promise<unknown>): RequestHandler =>
    async (req, res) => {
      const id = requireId(req.params.id, 'case');
      try {
        await work(req, id);
        req.session.flash = { type: 'success', text: 'Saved' };
        res.redirect(303, `/requests/${id}`);
      } catch (error) {
        if (!(error instanceof ValidationError || error instanceof ConflictError)) throw error;
        res.status(error instanceof ConflictError ? 409 : 400);
        await renderCase(req, res, id, {
          ...(error instanceof ConflictError
            ? toFormErrors({ form: error.message })
            : fromValidationError(error)),
          failedAction: action,
          values: req.body,
        });
      }
    };

  const routes = new Routes();
  // One route per action of the workflow, each declaring the permission its handler really needs.
  for (const action of CASE_ACTIONS)
    routes.post(
      `/requests/:id/actions/${action}`,
      permissionFor(action),
      changeCase(action, (req, id) =>
        deps.requests.act(callerOf(req), id, Number(req.body.version), action as CaseAction, {
          ...req.body,
          exemptions: asArray(req.body.exemptions),
        }),
      ),
    );

  return routes
    .get('/requests', REQUESTS.view, async (req, res) => {
      const q = caseListQuery.parse(req.query);
      const filter = { view: q.view, type: q.type, status: q.status, directorateId: q.directorate, q: q.q };
      const [{ rows, total }, directorates, teams] = await Promise.all([
        deps.requests.list(req.principal!, filter, { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE }),
        deps.organisation.directorates(),
        deps.organisation.teams(),
      ]);
      const names = namesOf({ directorates, teams, staff: [] });
      res.render('requests/views/list.njk', {
        rows: rows.map((r) => presentListRow(r, names)),
        total,
        query: q,
        views: VIEWS,
        directorates,
        teams,
        labels: LABELS,
        today: deps.requests.today(),
        mayManage: can(req.principal, REQUESTS.manage),
        pages: pagination(req, q.page, total, PAGE_SIZE),
      });
    })
    .post('/requests/allocate', REQUESTS.manage, async (req, res) => {
      const parsed = bulkAllocationSchema.safeParse(req.body);
      if (!parsed.success) {
        req.session.flash = {
          type: 'info',
          text: 'Choose the cases and the directorate to allocate them to.',
        };
        return res.redirect(303, '/requests');
      }
      const result = await deps.requests.allocateMany(callerOf(req), parsed.data);
      req.session.flash = {
        type: result.skipped.length ? 'info' : 'success',
        text: `${result.allocated} ${plural(result.allocated, 'case')} allocated.${result.skipped.length ? ` Not allocated: ${result.skipped.join('; ')}` : ''}`,
      };
      res.redirect(303, '/requests');
    })
    .get('/requests/log', REQUESTS.manage, (_req, res) => {
      res.render('requests/views/log.njk', {
        labels: LABELS,
        values: { receivedOn: deps.requests.today(), channel: 'email' },
      });
    })
    .post(
      '/requests/log',
      REQUESTS.manage,
      form(
        newCaseSchema,
        async (input, req, res) => {
          const acknowledge = req.body.acknowledge === 'yes';
          const c = await deps.requests.create(callerOf(req), input, { acknowledge });
          const unsent = acknowledge && !c.requesterEmail;
          req.session.flash = {
            type: unsent ? 'info' : 'success',
            text:
              `${c.reference} logged. Due ${govukDate(c.dueOn)}.` +
              (unsent
                ? ' No acknowledgement was sent: there is no email address. Post one, then record it with “Acknowledge” on the case.'
                : ''),
          };
          res.redirect(303, `/requests/${c.id}`);
        },
        (page, _req, res) => res.render('requests/views/log.njk', { ...page, labels: LABELS }),
        {
          values: (req) => ({
            ...formValues(req.body, LOG_FIELDS),
            pressInterest: req.body.pressInterest === 'yes',
          }),
        },
      ),
    )
    .get('/requests/:id', REQUESTS.view, async (req, res) => {
      await renderCase(req, res, requireId(req.params.id, 'case'));
    })
    .post(
      '/requests/:id/attachments',
      REQUESTS.manage,
      singleUpload(deps.config.maxUploadBytes),
      changeCase('attach', async (req, id) => {
        // A refused upload is shown on the case page like any other form error.
        const problem = req.res?.locals.uploadProblem as string | undefined;
        if (problem) throw new ValidationError(problem, { file: problem });
        return deps.attachments.add(callerOf(req), id, req.file, req.body?.public === 'yes');
      }),
    )
    .get('/requests/:id/files/:fileId', REQUESTS.view, async (req, res) => {
      const caseId = requireId(req.params.id, 'case');
      sendFile(
        res,
        await deps.attachments.download(callerOf(req), caseId, requireId(req.params.fileId, 'file')),
      );
    })
    .post('/requests/:id/review', REQUESTS.manage, async (req, res) => {
      const id = requireId(req.params.id, 'case');
      try {
        const review = await deps.requests.openInternalReview(callerOf(req), id, req.body);
        req.session.flash = {
          type: 'success',
          text: `Internal review ${review.reference} opened. Due ${govukDate(review.dueOn)}.`,
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
}
