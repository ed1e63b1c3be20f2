import { defineModule } from '../../platform/modules.ts';
import { RECORDS } from './permissions.ts';
import { RetentionScheduleService } from './schedule-service.ts';
import { scheduleRoutes } from './schedule-routes.ts';
import { recordsRoutes } from './records-routes.ts';
import { seedDemoSchedule } from './demo.ts';

export { RECORDS };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    retentionSchedule: RetentionScheduleService;
  }
}

/** Records management: the retention schedule, legal holds and the disposal of records at the end of their retention. */
export const records = defineModule({
  name: 'records',
  permissions: Object.values(RECORDS),
  area: {
    name: 'Records',
    href: '/records',
    permission: RECORDS.view,
    purpose: 'The retention schedule, legal holds and disposal',
    available: true,
  },
  services: ({ db, clock, organisation }) => ({
    retentionSchedule: new RetentionScheduleService({ db, clock, organisation }),
  }),
  routes: (services) => [recordsRoutes(services), scheduleRoutes(services)],
  demo: seedDemoSchedule,
});
