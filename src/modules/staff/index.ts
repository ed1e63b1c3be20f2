import { defineModule } from '../../platform/modules.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { STAFF } from './permissions.ts';
import { StaffService } from './staff-service.ts';
import { staffRoutes } from './staff-routes.ts';
import { seedDemoStaff } from './demo.ts';

export { STAFF };
export { personReference } from './inputs.ts';
export type { HrImportOutcome } from './commands/import-hr.ts';

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    staff: StaffService;
  }
}

/**
 * The council's people from HR's extract: everyone who works for it and its councillors, with their posts over time,
 * linked to their accounts by e-mail address. Training and policies count, remind and report on them from here,
 * account or not.
 */
export const staff = defineModule({
  name: 'staff',
  permissions: Object.values(STAFF),
  area: {
    name: 'Staff',
    href: '/staff',
    permission: STAFF.view,
    purpose: 'The council’s people from HR, with their posts and accounts',
    available: true,
    onHome: false,
  },
  services: (services) => ({ staff: new StaffService({ db: services.db, clock: services.clock }) }),
  jobs: (services) => [
    {
      name: 'staff.close-leavers-accounts',
      // Each night: the accounts of people whose leave date has come since the extract that gave it.
      cron: '15 0 * * *',
      run: () => services.staff.closeLeaversAccounts(systemActor('HR leave dates')),
    },
  ],
  routes: (services) => [staffRoutes(services)],
  demo: seedDemoStaff,
});
