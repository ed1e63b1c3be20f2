import type { Services } from '../../platform/modules.ts';
import { londonToday } from '../../platform/clock.ts';
import { form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import type { Response } from 'express';
import { controllerSchema } from './inputs.ts';
import { REGISTER } from './permissions.ts';

type Deps = Pick<Services, 'register' | 'sharing' | 'dpias' | 'clock'>;

/** The register's front page, and the controller's details every record and notice starts with. */
export function registerRoutes(deps: Deps): Routes {
  const controllerForm = async (res: Response, page: Partial<InvalidForm> = {}) =>
    res.render('register/views/controller.njk', {
      values: (await deps.register.controller()) ?? {},
      ...page,
    });
  return new Routes()
    .get('/register', REGISTER.view, async (req, res) => {
      const principal = callerOf(req).principal;
      const today = londonToday(deps.clock);
      const [assets, activities, controller, agreements, gaps] = await Promise.all([
        deps.register.assetCounts(principal),
        deps.register.activities(principal),
        deps.register.controller(),
        deps.sharing.agreements(),
        deps.sharing.gaps(),
      ]);
      const dpias = await deps.dpias.list();
      res.render('register/views/index.njk', {
        assets: assets.total,
        reviewsDue: assets.due,
        activities: activities.length,
        incomplete: activities.filter((a) => a.gaps.length).length,
        services: new Set(activities.map((a) => a.service)).size,
        controller,
        agreements: agreements.length,
        inForce: agreements.filter((a) => a.status === 'in-force').length,
        uncovered: gaps.uncovered.length,
        dpias: {
          total: dpias.length,
          open: dpias.filter((d) => ['assessment', 'dpo-review', 'sign-off'].includes(d.status)).length,
          consultation: dpias.filter((d) => d.status === 'consultation').length,
          reviewDue: dpias.filter((d) => d.status === 'approved' && d.reviewOn && d.reviewOn <= today).length,
        },
      });
    })
    .get('/register/controller', REGISTER.manage, (_req, res) => controllerForm(res))
    .post(
      '/register/controller',
      REGISTER.manage,
      form(
        controllerSchema,
        async (details, req, res) => {
          await deps.register.saveController(callerOf(req).actor, details);
          req.session.flash = { type: 'success', text: 'The council’s details as controller are saved' };
          res.redirect(303, '/register');
        },
        (page, _req, res) => controllerForm(res, page),
      ),
    );
}
