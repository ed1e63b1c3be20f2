import { defineModule } from '../../platform/modules.ts';
import { accountRoutes } from './routes.ts';

/** Signing in and out. */
export const account = defineModule({
  name: 'account',
  routes: (services) => [accountRoutes(services)],
});
