import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { actionSchema, completeActionSchema } from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { LABELS } from './presenters.ts';
import { caseForm } from './case-form.ts';

type Deps = Pick<Services, 'incidents'>;

/** Containment, recovery and prevention actions: added by those who handle the case, done by their owners. */
export function actionRoutes(deps: Deps): Routes {
  const donePage = async (req: Request, res: Response, invalid: Partial<InvalidForm> = {}) => {
    const mine = await deps.incidents.actionFor(callerOf(req), requireId(req.params.actionId, 'action'));
    if (!mine) throw new NotFoundError('No such action');
    res.render('incidents/views/action-done.njk', { ...mine, values: {}, ...LABELS, ...invalid });
  };
  return caseForm(new Routes(), deps.incidents, {
    path: '/incidents/:id/actions/new',
    permission: INCIDENTS.manage,
    view: 'action-new',
    schema: actionSchema,
    dates: ['dueOn'],
    valuesOf: (_detail, req) => ({ kind: req.query.kind }),
    save: (caller, id, input) => deps.incidents.addAction(caller, id, input),
    done: () => 'Action added; its owner has been told',
    fragment: 'actions',
  })
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
