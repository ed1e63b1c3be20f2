import type { Services } from '../platform/modules.ts';
import { runCommand } from '../platform/commands.ts';
import { londonToday } from '../platform/clock.ts';
import { systemActor } from '../platform/audit/service.ts';
import { hashPassword } from '../platform/identity/passwords.ts';
import { settings } from '../platform/db/schema.ts';
import { DEMO_PASSWORD, DEMO_STAFF, hasAnyUser, seedDemoOrganisation } from '../platform/identity/demo.ts';

export const DEFAULT_DEMO_SEED = 2026;

export type SeedOutcome =
  { seeded: false; reason: string } | { seeded: true; counts: Record<string, number> };

/**
 * Fills an empty database with the fictional Kingsmere Borough Council: its directorates, teams and staff, then each
 * module's own demo data, in the modules' order. Refuses a database that already has users, so it can never mix with
 * real data.
 */
export async function seedDemo(services: Services, seed = DEFAULT_DEMO_SEED): Promise<SeedOutcome> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const afterwards: ((services: Services) => Promise<void>)[] = [];
  const last: typeof afterwards = [];
  const outcome = await runCommand(
    services,
    systemActor('Demo seed'),
    async (tx, audit): Promise<SeedOutcome> => {
      if (await hasAnyUser(tx)) {
        await audit({
          action: 'demo.skipped',
          entityType: 'installation',
          details: { reason: 'database already has users' },
        });
        return { seeded: false, reason: 'the database already has users' };
      }
      const organisation = await seedDemoOrganisation(tx, audit, {
        seed,
        staff: DEMO_STAFF,
        passwordHash,
        demoAuthenticator: (userId) => ({
          totpSecret: services.twoStep.sealDemoKey(userId),
          totpEnrolledAt: services.clock.now(),
        }),
      });
      const today = londonToday(services.clock);
      const counts: Record<string, number> = { ...organisation.counts };
      for (const module of services.modules)
        await module.demo?.({
          tx,
          audit,
          seed,
          today,
          directorates: organisation.directorateIds,
          counts,
          afterwards: (work, options) => (options?.last ? last : afterwards).push(work),
        });
      await tx
        .insert(settings)
        .values({ key: 'demo', value: { seed, seededAt: services.clock.now().toISOString() } });
      await audit({ action: 'demo.seeded', entityType: 'installation', details: { seed, ...counts } });
      return { seeded: true, counts };
    },
  );
  for (const work of [...afterwards, ...last]) await work(services);
  return outcome;
}
