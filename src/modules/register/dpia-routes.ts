import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { asArray, dateFields, dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { parseId, requireId } from '../../platform/validation.ts';
import { ARTICLE_35_3, ICO_LIST, WP248_CRITERIA } from '../../domain/register/dpia-screening.ts';
import {
  DPIA_STATUSES,
  DPIA_STEP_NUMBERS,
  LIKELIHOOD,
  MEASURE_EFFECTS,
  RISK_LEVELS,
  SEVERITY,
  type DpiaStep,
} from '../../domain/register/dpia.ts';
import { dpiaPdf } from './dpia-file.ts';
import { riskSchema, screeningSchema, sectionSchema } from './inputs.ts';
import { REGISTER } from './permissions.ts';
import { canEditEntry } from './policy.ts';

type Deps = Pick<Services, 'dpias' | 'organisation' | 'config'>;

export const DPIA_CHOICES = {
  ARTICLE_35_3,
  ICO_LIST,
  WP248_CRITERIA,
  DPIA_STATUSES,
  LIKELIHOOD,
  SEVERITY,
  MEASURE_EFFECTS,
  RISK_LEVELS,
};

/** An assessment's page (its overview, or one of its forms), with what every one of them shows. */
export async function dpiaPage(
  deps: Pick<Services, 'dpias' | 'organisation'>,
  req: Request,
  res: Response,
  view: string,
  extra: Partial<InvalidForm> = {},
) {
  const dpia = await deps.dpias.find(requireId(req.params.id, 'assessment'));
  const directorates = await deps.organisation.directorates();
  res.render(view, {
    dpia,
    directorate: directorates.find((d) => d.id === dpia.directorateId)?.name,
    canEdit: canEditEntry(callerOf(req).principal, dpia),
    values: {},
    ...DPIA_CHOICES,
    ...extra,
  });
}

/** The step in the address, if it is one the assessment has: anything else is not found. */
function stepOf(req: Request): DpiaStep {
  const step = Number(req.params.step) as DpiaStep;
  if (!DPIA_STEP_NUMBERS.includes(step)) throw new NotFoundError('No such step');
  return step;
}

/**
 * Impact assessments as they are written: the list, screening, one assessment, its steps and its risks, and the
 * PDF. The decisions on them (the DPO's advice, sign-off, the ICO) are in dpia-decision-routes.ts.
 */
export function dpiaRoutes(deps: Deps): Routes {
  const showDpia = (req: Request, res: Response, view: string, extra: Partial<InvalidForm> = {}) =>
    dpiaPage(deps, req, res, view, extra);
  const screeningForm = async (req: Request, res: Response, page: Partial<InvalidForm> = {}) => {
    const directorates = await deps.organisation.directorates();
    const from = {
      activityId: parseId(req.query.activity ?? req.body?.activityId),
      assetId: parseId(req.query.asset ?? req.body?.assetId),
      agreementId: parseId(req.query.agreement ?? req.body?.agreementId),
    };
    res.render('register/views/dpia-screen.njk', {
      directorates,
      from,
      values: {},
      ...DPIA_CHOICES,
      ...page,
    });
  };
  const stepPage = async (req: Request, res: Response, page: Partial<InvalidForm> = {}) => {
    const step = stepOf(req);
    const dpia = await deps.dpias.find(requireId(req.params.id, 'assessment'));
    await showDpia(req, res, 'register/views/dpia-step.njk', {
      ...page,
      step,
      current: dpia.steps.find((s) => s.step === step),
    } as Partial<InvalidForm>);
  };
  const riskPage = async (req: Request, res: Response, page: Partial<InvalidForm> = {}) => {
    const riskId = req.params.risk ? requireId(req.params.risk, 'risk') : undefined;
    let values = page.values;
    if (riskId && !values) {
      const risk = (await deps.dpias.find(requireId(req.params.id, 'assessment'))).risks.find(
        (r) => r.id === riskId,
      );
      if (!risk) throw new NotFoundError('No such risk in this assessment');
      values = { ...risk, ...dateFields('actionDueOn', risk.actionDueOn) };
    }
    await showDpia(req, res, 'register/views/dpia-risk.njk', {
      ...page,
      values,
      riskId,
    } as Partial<InvalidForm>);
  };
  const riskValues = (req: Request) => ({
    ...req.body,
    actionDueOn: dateFromFields(req.body, 'actionDueOn'),
  });
  return new Routes()
    .get('/register/dpias', REGISTER.view, async (req, res) => {
      const status = String(req.query.status ?? '');
      const all = await deps.dpias.list();
      res.render('register/views/dpias.njk', {
        dpias: status in DPIA_STATUSES ? all.filter((d) => d.status === status) : all,
        status: status in DPIA_STATUSES ? status : '',
        counts: Object.fromEntries(
          Object.keys(DPIA_STATUSES).map((s) => [s, all.filter((d) => d.status === s).length]),
        ),
        ...DPIA_CHOICES,
      });
    })
    .get('/register/dpias/new', REGISTER.edit, (req, res) => screeningForm(req, res))
    .post(
      '/register/dpias',
      REGISTER.edit,
      form(
        screeningSchema,
        async (input, req, res) => {
          const dpia = await deps.dpias.screen(callerOf(req), input);
          req.session.flash = { type: 'success', text: `Screened: ${dpia.title}` };
          res.redirect(303, `/register/dpias/${dpia.id}`);
        },
        (page, req, res) => screeningForm(req, res, page),
        {
          values: (req) => ({
            ...req.body,
            article35: asArray(req.body?.article35),
            ico: asArray(req.body?.ico),
            wp248: asArray(req.body?.wp248),
          }),
        },
      ),
    )
    .get('/register/dpias/:id', REGISTER.view, (req, res) => showDpia(req, res, 'register/views/dpia.njk'))
    .get('/register/dpias/:id/export', REGISTER.view, async (req, res) => {
      const dpia = await deps.dpias.find(requireId(req.params.id, 'assessment'));
      sendFile(res, {
        filename: `dpia-${dpia.id}-v${dpia.edition}.pdf`,
        mediaType: 'application/pdf',
        content: await dpiaPdf(dpia, deps.config.councilName),
      });
    })
    .get('/register/dpias/:id/steps/:step', REGISTER.edit, (req, res) => stepPage(req, res))
    .post('/register/dpias/:id/steps/:step', REGISTER.edit, (req, res, next) =>
      form(
        sectionSchema,
        async (section) => {
          const dpiaId = requireId(req.params.id, 'assessment');
          await deps.dpias.saveSection(callerOf(req), { dpiaId, step: stepOf(req) }, section);
          req.session.flash = { type: 'success', text: `Step ${stepOf(req)} saved` };
          res.redirect(303, `/register/dpias/${dpiaId}`);
        },
        (page) => stepPage(req, res, page),
      )(req, res, next),
    )
    .get('/register/dpias/:id/risks/new', REGISTER.edit, (req, res) => riskPage(req, res))
    .post('/register/dpias/:id/risks', REGISTER.edit, (req, res, next) =>
      form(
        riskSchema,
        async (input) => {
          await deps.dpias.saveRisk(callerOf(req), requireId(req.params.id, 'assessment'), input);
          req.session.flash = { type: 'success', text: 'Risk added' };
          res.redirect(303, `/register/dpias/${req.params.id}#risks`);
        },
        (page) => riskPage(req, res, page),
        { values: riskValues },
      )(req, res, next),
    )
    .get('/register/dpias/:id/risks/:risk', REGISTER.edit, (req, res) => riskPage(req, res))
    .post('/register/dpias/:id/risks/:risk', REGISTER.edit, (req, res, next) =>
      form(
        riskSchema,
        async (input) => {
          const dpiaId = requireId(req.params.id, 'assessment');
          await deps.dpias.saveRisk(callerOf(req), dpiaId, input, requireId(req.params.risk, 'risk'));
          req.session.flash = { type: 'success', text: 'Risk saved' };
          res.redirect(303, `/register/dpias/${dpiaId}#risks`);
        },
        (page) => riskPage(req, res, page),
        { values: riskValues },
      )(req, res, next),
    );
}
