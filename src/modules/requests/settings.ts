import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { NotFoundError, runCommand, ValidationError } from '../../platform/commands.ts';
import { directorates } from '../../platform/identity/schema.ts';
import { requestTargets, sarSystems } from './schema.ts';

export const targetSchema = z.object({
  foiPercent: z.coerce
    .number({ error: 'Enter a percentage' })
    .min(50, 'Enter a percentage from 50 to 100')
    .max(100, 'Enter a percentage from 50 to 100'),
  sarPercent: z.coerce
    .number({ error: 'Enter a percentage' })
    .min(50, 'Enter a percentage from 50 to 100')
    .max(100, 'Enter a percentage from 50 to 100'),
});

/** What the IG team keeps for casework: the systems searched for SARs, and each directorate's timeliness targets. */
export class RequestSettingsService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  systems() {
    return this.deps.db.orm.select().from(sarSystems).orderBy(asc(sarSystems.name));
  }

  async addSystem(actor: Actor, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 200)
      throw new ValidationError('Enter the system’s name', {
        name: 'Enter the system’s name (up to 200 characters)',
      });
    await runCommand(this.deps, actor, async (tx, audit) => {
      const [existing] = await tx.select().from(sarSystems).where(eq(sarSystems.name, trimmed));
      if (existing)
        throw new ValidationError('That system is already on the list', {
          name: 'That system is already on the list',
        });
      const [row] = await tx.insert(sarSystems).values({ name: trimmed }).returning({ id: sarSystems.id });
      await audit({
        action: 'requests.system-added',
        entityType: 'sar-system',
        entityId: row!.id,
        details: { name: trimmed },
      });
    });
  }

  async setSystemActive(actor: Actor, id: number, active: boolean): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      const done = await tx
        .update(sarSystems)
        .set({ active })
        .where(eq(sarSystems.id, id))
        .returning({ id: sarSystems.id });
      if (!done.length) throw new NotFoundError('No such system');
      await audit({
        action: active ? 'requests.system-restored' : 'requests.system-retired',
        entityType: 'sar-system',
        entityId: id,
      });
    });
  }

  async targets() {
    const [dirs, rows] = await Promise.all([
      this.deps.db.orm.select().from(directorates).orderBy(asc(directorates.name)),
      this.deps.db.orm.select().from(requestTargets),
    ]);
    return dirs.map((d) => {
      const t = rows.find((r) => r.directorateId === d.id);
      return {
        directorateId: d.id,
        name: d.name,
        foiPercent: t?.foiPercent ?? 95,
        sarPercent: t?.sarPercent ?? 95,
      };
    });
  }

  async setTarget(actor: Actor, directorateId: number, input: z.infer<typeof targetSchema>): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      const [d] = await tx.select().from(directorates).where(eq(directorates.id, directorateId));
      if (!d) throw new NotFoundError('No such directorate');
      await tx
        .insert(requestTargets)
        .values({ directorateId, ...input })
        .onConflictDoUpdate({ target: requestTargets.directorateId, set: input });
      await audit({
        action: 'requests.target-set',
        entityType: 'directorate',
        entityId: directorateId,
        details: input,
      });
    });
  }
}
