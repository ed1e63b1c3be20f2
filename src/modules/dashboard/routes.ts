import type { Services } from '../../platform/modules.ts';
import { can } from '../../platform/authz/policy.ts';
import { Routes } from '../../platform/web/routes.ts';
import { HOME } from './permissions.ts';

/** The home page, gathered from every module: their attention items and their areas. */
export function dashboardRoutes(services: Services): Routes {
  return new Routes().get('/', HOME.view, async (req, res) => {
    const principal = req.principal!;
    // Only what needs doing: a count of nothing is not attention, whichever module gives it.
    const attention = (
      await Promise.all(services.modules.map((m) => m.attention?.(services, principal) ?? []))
    )
      .flat()
      .filter((item) => item.count > 0);
    const areas = services.modules
      .flatMap((m) => (m.area && m.area.onHome !== false ? [m.area] : []))
      .filter((a) => can(principal, a.permission));
    res.render('dashboard/views/home.njk', { attention, areas });
  });
}
