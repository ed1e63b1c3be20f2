import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import type { Database } from './platform/db/database.ts';
import type { Logger } from './platform/logger.ts';
import { AuditService } from './platform/audit/service.ts';
import { UsersService } from './platform/identity/users-service.ts';
import { OrganisationService } from './platform/identity/organisation-service.ts';
import { SignInService } from './platform/identity/sign-in-service.ts';
import { ApiTokenService } from './platform/identity/api-token-service.ts';
import { DatabaseSessionStore, purgeExpiredSessions } from './platform/auth/session-store.ts';
import { JobQueue, type JobDefinition } from './platform/jobs/queue.ts';
import { purgeRateLimits } from './platform/web/middleware/rate-limit.ts';
import { DashboardService } from './modules/dashboard/service.ts';
import { CalendarService } from './platform/calendar/service.ts';
import { MailService } from './platform/mail/service.ts';
import { FolderBlobStore } from './platform/files/blob-store.ts';
import { RequestsService } from './modules/requests/service.ts';
import { PublicationService } from './modules/publication/service.ts';
import { RequestReportsService } from './modules/requests/reports.ts';
import { AttachmentsService } from './modules/requests/attachments.ts';
import { RequestSettingsService } from './modules/requests/settings.ts';
import { DiscoveryService } from './modules/discovery/service.ts';
import { processQueuedBatch, type ScanBatch } from './discovery/scan.ts';
import { findingKey } from './discovery/finding-key.ts';
import { inspectorFor, type Inspector } from './discovery/inspect/pool.ts';

export interface Deps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
}

/** The composition root: every service built once, for the web app, the workers and the command line alike. */
export function createServices(deps: Deps) {
  const { db, clock, config } = deps;
  const audit = new AuditService(db, clock);
  const calendar = new CalendarService({ db, clock });
  const mail = new MailService({
    db,
    clock,
    logger: deps.logger,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
  });
  const files = new FolderBlobStore(config.filesDir);
  const requests = new RequestsService({
    db,
    clock,
    calendar,
    mail,
    audit,
    councilName: config.councilName,
    nation: config.councilNation,
    enquiryTargetDays: config.enquiryTargetDays,
  });
  // Reading threads start with the first scan batch this process takes, and stay warm for the next.
  let inspector: Inspector | undefined;
  const jobs: JobDefinition[] = [
    {
      name: 'sessions.purge-expired',
      cron: '*/10 * * * *',
      run: async () => ({
        purged: await purgeExpiredSessions({ db, clock }),
        rateLimits: await purgeRateLimits({ db }),
      }),
    },
    { name: 'mail.deliver', cron: '* * * * *', run: () => mail.deliver() },
    {
      name: 'discovery.process-batch',
      pollingIntervalSeconds: 0.5,
      // Several batches at once keep the reading threads busy while one batch is written and the next fetched.
      concurrency: 4,
      // The worker's process id goes in the job's output, so it can be seen which process did what.
      run: async (data) => ({
        ...(await processQueuedBatch(
          { db, clock },
          data as ScanBatch,
          findingKey(config),
          (inspector ??= inspectorFor(config, findingKey(config))),
        )),
        pid: process.pid,
      }),
    },
  ];
  return {
    ...deps,
    audit,
    users: new UsersService({ db, clock }),
    organisation: new OrganisationService({ db, clock }),
    signIn: new SignInService({ db, clock }),
    apiTokens: new ApiTokenService({ db, clock }),
    sessionStore: new DatabaseSessionStore({ db, clock }),
    dashboard: new DashboardService({ db, clock, requests }),
    calendar,
    mail,
    files,
    requests,
    requestReports: new RequestReportsService({ db, clock, calendar }),
    requestSettings: new RequestSettingsService({ db, clock }),
    discovery: new DiscoveryService({ db, audit }),
    attachments: new AttachmentsService({ db, clock, files, audit, maxBytes: config.maxUploadBytes }),
    publication: new PublicationService({ db, clock }),
    jobs: new JobQueue(db, jobs, deps.logger),
  };
}

export type Services = ReturnType<typeof createServices>;
