import { defineModule } from '../../platform/modules.ts';
import { HOME } from './permissions.ts';
import { dashboardRoutes } from './routes.ts';

export { HOME };

/** The home page: what needs this person's attention across every module, and the areas they may use. */
export const dashboard = defineModule({
  name: 'dashboard',
  permissions: Object.values(HOME),
  area: {
    name: 'Home',
    href: '/',
    permission: HOME.view,
    purpose: 'What needs your attention',
    available: true,
    onHome: false,
  },
  routes: (services) => [dashboardRoutes(services)],
});
