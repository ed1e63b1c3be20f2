import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { actionSchema, completeActionSchema } from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { LABELS, when } from './presenters.ts';

type Deps = Pick<Services, 'incidents'>;

/** Containment, recovery and prevention actions: added by those who handle the case, done by their owners. */
export function actionRoutes(deps: Deps): Routes {
  const newPage = async (req: Request, res: Response, invalid: Partial<InvalidForm> = {}) => {
    const detail = await deps.incidents.caseFor(callerOf(req), requireId(req.params.id, 'incident'));
    if (detail.reporterOnly) throw new ForbiddenError('This case is not one you handle');
    res.render('incidents/views/action-new.njk', {
      ...detail,
      values: { kind: req.query.kind },
      when,
      ...LABELS,
      ...invalid,
    });
  };
  const donePage = async (req: Request, res: Response, invalid: Partial<InvalidForm> = {}) => {
    const mine = await deps.incidents.actionFor(callerOf(req), requireId(req.params.actionId, 'action'));
    if (!mine) throw new NotFoundError('No such action');
    res.render('incidents/views/action-done.njk', { ...mine, values: {}, ...LABELS, ...invalid });
  };
  return new Routes()
    .get('/incidents/:id/actions/new', INCIDENTS.manage, (req, res) => newPage(req, res))
    .post(
      '/incidents/:id/actions/new',
      INCIDENTS.manage,
      form(
        actionSchema,
        async (input, req, res) => {
          const id = requireId(req.params.id, 'incident');
          await deps.incidents.addAction(callerOf(req), id, input);
          req.session.flash = { type: 'success', text: 'Action added; its owner has been told' };
          res.redirect(303, `/incidents/${id}#actions`);
        },
        (invalid, req, res) => newPage(req, res, invalid),
        { values: (req) => ({ ...req.body, dueOn: dateFromFields(req.body, 'dueOn') }) },
      ),
    )
    .get('/incidents/actions/:actionId/done', INCIDENTS.report, (req, res) => donePage(req, res))
    .post(
      '/incidents/actions/:actionId/done',
      INCIDENTS.report,
      form(
        completeActionSchema,
        async (input, req, res) => {
          const action = await deps.incidents.completeAction(
            callerOf(req),
            requireId(req.params.actionId, 'action'),
            input.evidence,
          );
          req.session.flash = { type: 'success', text: 'The action is recorded as done' };
          res.redirect(303, `/incidents/${action.incidentId}`);
        },
        (invalid, req, res) => donePage(req, res, invalid),
      ),
    );
}
