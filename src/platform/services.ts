import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { Logger } from './logger.ts';
import { AuditService } from './audit/service.ts';
import { UsersService } from './identity/users-service.ts';
import { OrganisationService } from './identity/organisation-service.ts';
import { SignInService } from './identity/sign-in-service.ts';
import { OidcSignIn } from './identity/oidc.ts';
import { ApiTokenService } from './identity/api-token-service.ts';
import { TwoStepService } from './identity/two-step-service.ts';
import { SecretBox } from './secrets/secret-box.ts';
import { serviceKey } from './secrets/service-key.ts';
import { DatabaseSessionStore, purgeExpiredSessions } from './auth/session-store.ts';
import { CalendarService } from './calendar/service.ts';
import { MailService } from './mail/service.ts';
import { FolderBlobStore } from './files/blob-store.ts';
import { purgeRateLimits } from './web/middleware/rate-limit.ts';
import type { JobDefinition } from './jobs/queue.ts';

export interface Deps {
  config: Config;
  db: Database;
  clock: Clock;
  logger: Logger;
}

/** The services every module builds on: identity, the audit trail, the calendar, mail, files, sessions. */
export function createPlatformServices(deps: Deps) {
  const { db, clock, config } = deps;
  // Read when first needed, so commands that never touch a secret never make the key file.
  let secretKey: Buffer | undefined;
  const key = () => (secretKey ??= serviceKey(config, { env: 'CUSTODIAN_SECRET_KEY', file: 'secret-key' }));
  const mail = new MailService({
    db,
    clock,
    logger: deps.logger,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
  });
  return {
    ...deps,
    audit: new AuditService(db, clock),
    calendar: new CalendarService({ db, clock }),
    mail,
    files: new FolderBlobStore(config.filesDir),
    users: new UsersService({ db, clock }),
    organisation: new OrganisationService({ db, clock }),
    signIn: new SignInService({ db, clock }),
    twoStep: new TwoStepService({
      db,
      clock,
      box: new SecretBox(key),
      serviceKey: key,
      issuer: `Custodian – ${config.councilName}`,
      mail,
    }),
    /** Sign-in with the council's identity provider, when one is configured. */
    oidc: config.oidc ? new OidcSignIn(config.oidc) : undefined,
    apiTokens: new ApiTokenService({ db, clock }),
    sessionStore: new DatabaseSessionStore({ db, clock }),
  };
}

export type PlatformServices = ReturnType<typeof createPlatformServices>;

/** The platform's own background jobs. */
export function platformJobs(services: PlatformServices): JobDefinition[] {
  const { db, clock } = services;
  return [
    {
      name: 'sessions.purge-expired',
      cron: '*/10 * * * *',
      run: async () => ({
        purged: await purgeExpiredSessions({ db, clock }),
        rateLimits: await purgeRateLimits({ db }),
      }),
    },
    { name: 'mail.deliver', cron: '* * * * *', run: () => services.mail.deliver() },
  ];
}
