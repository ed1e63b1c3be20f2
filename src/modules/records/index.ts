import { defineModule } from '../../platform/modules.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { RECORDS } from './permissions.ts';
import { RetentionScheduleService } from './schedule-service.ts';
import { scheduleRoutes } from './schedule-routes.ts';
import { recordsRoutes } from './records-routes.ts';
import { seedDemoSchedule } from './demo.ts';
import { RecordScheduler } from './scheduler-service.ts';
import { recordSourcesOf } from './sources.ts';
import { LegalHoldsService } from './holds-service.ts';
import { DueRecordsService } from './due-service.ts';

export { RECORDS };
export type { RecordSource, SourceRecord, ScheduledRecord } from './sources.ts';

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    retentionSchedule: RetentionScheduleService;
    recordScheduler: RecordScheduler;
    legalHolds: LegalHoldsService;
    dueRecords: DueRecordsService;
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
  services: (services) => {
    const deps = {
      db: services.db,
      clock: services.clock,
      organisation: services.organisation,
      // Asked for when needed, so the sources of modules after this one in the list are among them.
      sources: () => recordSourcesOf(services),
    };
    const legalHolds = new LegalHoldsService(deps);
    return {
      retentionSchedule: new RetentionScheduleService(deps),
      recordScheduler: new RecordScheduler(deps),
      legalHolds,
      dueRecords: new DueRecordsService(deps, legalHolds),
    };
  },
  jobs: (services) => [
    {
      name: 'records.schedule',
      // Every night: new closed cases and files join the schedule, changed ones move, gone ones leave.
      cron: '30 1 * * *',
      run: () => services.recordScheduler.run(systemActor('Retention schedule')),
    },
  ],
  routes: (services) => [recordsRoutes(services), scheduleRoutes(services)],
  demo: seedDemoSchedule,
});
