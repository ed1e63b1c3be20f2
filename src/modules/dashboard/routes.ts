import { Routes } from '../../platform/web/routes.ts';
import { can } from '../../platform/authz/policy.ts';
import type { DashboardService } from './service.ts';
import { AREAS } from './service.ts';

export function dashboardRoutes(deps: { dashboard: DashboardService }): Routes {
  const routes = new Routes().get('/', 'home.view', async (req, res) => {
    const principal = req.principal!;
    const attention = await deps.dashboard.attentionFor(principal);
    const areas = AREAS.filter((a) => can(principal, a.permission));
    res.render('dashboard/views/home.njk', { attention, areas });
  });
  for (const area of AREAS.filter((a) => !a.available)) {
    routes.get(`/${area.slug}`, area.permission, (_req, res) =>
      res.render('dashboard/views/area.njk', { area }),
    );
  }
  return routes;
}
