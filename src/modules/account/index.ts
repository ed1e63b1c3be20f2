import { defineModule } from '../../platform/modules.ts';
import { ACCOUNT } from './permissions.ts';
import { accountRoutes } from './account-routes.ts';
import { signInRoutes } from './sign-in-routes.ts';
import { twoStepSignInRoutes } from './two-step-routes.ts';

/** Signing in (password, the council's identity provider, the second step) and out, and your own account. */
export const account = defineModule({
  name: 'account',
  permissions: Object.values(ACCOUNT),
  routes: (services) => [signInRoutes(services), twoStepSignInRoutes(services), accountRoutes(services)],
});
