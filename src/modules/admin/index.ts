import { defineModule } from '../../platform/modules.ts';
import { ADMIN } from './permissions.ts';
import { adminRoutes } from './routes.ts';
import { adminApi } from './api.ts';
import { adminAttention } from './attention.ts';

export { ADMIN };

/** Administration: staff accounts and roles, directorates and teams, API tokens. */
export const admin = defineModule({
  name: 'admin',
  permissions: Object.values(ADMIN),
  area: {
    name: 'Admin',
    href: '/admin',
    permission: ADMIN.users,
    purpose: 'Staff accounts and roles, directorates and teams, API tokens',
    available: true,
    onHome: false,
  },
  routes: (services) => [adminRoutes(services)],
  api: (services, registry) => [adminApi(services, registry)],
  attention: adminAttention,
});
