import type { ModuleDefinition } from '../modules.ts';
import { Routes } from './routes.ts';

/** A "not available yet" page at the address of each module still to come, for those who will use it. */
export function upcomingRoutes(modules: readonly ModuleDefinition[]): Routes {
  const routes = new Routes();
  for (const area of modules.flatMap((m) => (m.area && !m.area.available ? [m.area] : [])))
    routes.get(area.href, area.permission, (_req, res) => res.render('upcoming.njk', { area }));
  return routes;
}
