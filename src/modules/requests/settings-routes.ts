import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { systemSchema, targetSchema } from './inputs.ts';
import { REQUESTS } from './permissions.ts';

type Deps = Pick<Services, 'requestSettings'>;

/** What the IG team keeps for casework: the systems searched for SARs, and each directorate's targets. */
export function settingsRoutes(deps: Deps): Routes {
  const render = async (res: Response, extra: Partial<InvalidForm> & { failedTarget?: number } = {}) => {
    const [systems, targets] = await Promise.all([
      deps.requestSettings.systems(),
      deps.requestSettings.targets(),
    ]);
    res.render('requests/views/settings.njk', { systems, targets, values: {}, ...extra });
  };
  const saved = (req: Request, res: Response, text: string) => {
    req.session.flash = { type: 'success', text };
    res.redirect(303, '/requests/settings');
  };
  return new Routes()
    .get('/requests/settings', REQUESTS.configure, async (_req, res) => {
      await render(res);
    })
    .post(
      '/requests/settings/systems',
      REQUESTS.configure,
      form(
        systemSchema,
        async ({ name }, req, res) => {
          await deps.requestSettings.addSystem(callerOf(req).actor, name);
          saved(req, res, 'System added');
        },
        (page, _req, res) => render(res, page),
      ),
    )
    .post('/requests/settings/systems/:id/:change', REQUESTS.configure, async (req, res) => {
      const change = String(req.params.change);
      if (change !== 'retire' && change !== 'restore') throw new NotFoundError('No such change');
      await deps.requestSettings.setSystemActive(
        callerOf(req).actor,
        requireId(req.params.id, 'system'),
        change === 'restore',
      );
      saved(req, res, change === 'retire' ? 'System retired from the list' : 'System restored');
    })
    .post('/requests/settings/targets/:directorateId', REQUESTS.configure, (req, res, next) => {
      const directorateId = requireId(req.params.directorateId, 'directorate');
      return form(
        targetSchema,
        async (target) => {
          await deps.requestSettings.setTarget(callerOf(req).actor, directorateId, target);
          saved(req, res, 'Target saved');
        },
        (page) => render(res, { ...page, failedTarget: directorateId }),
      )(req, res, next);
    });
}
