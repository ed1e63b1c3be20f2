import { defineModule } from '../../platform/modules.ts';
import { POLICIES } from './permissions.ts';
import { PoliciesService } from './policies-service.ts';
import { libraryRoutes } from './library-routes.ts';
import { versionRoutes } from './version-routes.ts';
import { acknowledgeRoutes } from './acknowledge-routes.ts';
import { policiesAttention } from './attention.ts';
import { seedDemoPolicies } from './demo.ts';

export { POLICIES };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    policies: PoliciesService;
  }
}

/**
 * Policies, standards, procedures and guidance under document control: versions with their documents, approval by
 * the approver, publication that asks everyone a material change applies to to read and acknowledge it (with an
 * optional quiz), reminders and escalation to line managers, exceptions, coverage per directorate, reviews on their
 * cycle, and the public list of the council's policies.
 */
export const policies = defineModule({
  name: 'policies',
  permissions: Object.values(POLICIES),
  area: {
    name: 'Policies',
    href: '/policies',
    permission: POLICIES.read,
    purpose: 'The policies that apply to you, and the library with its reviews and coverage',
    available: true,
  },
  services: (services) => ({
    policies: new PoliciesService({
      db: services.db,
      clock: services.clock,
      mail: services.mail,
      files: services.files,
    }),
  }),
  jobs: (services) => [
    {
      name: 'policies.remind',
      // Each morning: reminders a week after asking and weekly after; line managers told after three weeks.
      cron: '30 8 * * *',
      run: () => services.policies.remind(),
    },
  ],
  routes: (services) => [libraryRoutes(services), versionRoutes(services), acknowledgeRoutes(services)],
  attention: policiesAttention,
  demo: seedDemoPolicies,
});
