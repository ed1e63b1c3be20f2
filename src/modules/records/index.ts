import path from 'node:path';
import { defineModule } from '../../platform/modules.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { RECORDS } from './permissions.ts';
import { RetentionScheduleService } from './schedule-service.ts';
import { scheduleRoutes } from './schedule-routes.ts';
import { recordsRoutes } from './records-routes.ts';
import { holdsRoutes } from './holds-routes.ts';
import { disposalRoutes } from './disposal-routes.ts';
import { classificationRoutes } from './classification-routes.ts';
import { recordsAttention } from './attention.ts';
import { certificatesSource } from './certificates-source.ts';
import { seedDemoSchedule } from './demo.ts';
import { RecordScheduler } from './scheduler-service.ts';
import { recordSourcesOf } from './sources.ts';
import { LegalHoldsService } from './holds-service.ts';
import { DueRecordsService } from './due-service.ts';
import { DisposalService } from './disposal-service.ts';

export { RECORDS };
export type { RecordSource, SourceRecord, ScheduledRecord } from './sources.ts';
export { ListChangedError } from './commands/disposal/approval.ts';
export { classIdsByCode, type ScheduleClass } from './repository.ts';
export { ruleSentence } from './presenters.ts';

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    retentionSchedule: RetentionScheduleService;
    recordScheduler: RecordScheduler;
    legalHolds: LegalHoldsService;
    dueRecords: DueRecordsService;
    disposal: DisposalService;
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
      coolingOffDays: services.config.disposalCoolingOffDays,
      transfersDir: path.join(services.config.dataDir, 'transfers'),
      councilName: services.config.councilName,
    };
    const legalHolds = new LegalHoldsService(deps);
    return {
      retentionSchedule: new RetentionScheduleService(deps),
      recordScheduler: new RecordScheduler(deps),
      legalHolds,
      dueRecords: new DueRecordsService(deps, legalHolds),
      disposal: new DisposalService(deps),
    };
  },
  jobs: (services) => [
    {
      name: 'records.schedule',
      // Every night: new closed cases and files join the schedule, changed ones move, gone ones leave; then what has
      // reached the end of its retention is proposed for disposal.
      cron: '30 1 * * *',
      run: async () => {
        const actor = systemActor('Retention schedule');
        return {
          scheduled: await services.recordScheduler.run(actor),
          proposed: await services.disposal.propose(actor),
        };
      },
    },
    {
      name: 'records.carry-out',
      // Every hour: approved lists whose cooling-off is over are carried out (and interrupted ones finished).
      cron: '15 * * * *',
      run: () => services.disposal.carryOut(systemActor('Disposal')),
    },
  ],
  routes: (services) => [
    recordsRoutes(services),
    scheduleRoutes(services),
    classificationRoutes(services),
    holdsRoutes(services),
    disposalRoutes(services),
  ],
  recordSources: () => [certificatesSource()],
  attention: recordsAttention,
  demo: seedDemoSchedule,
});
