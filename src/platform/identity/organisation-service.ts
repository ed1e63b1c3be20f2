import { eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../audit/service.ts';
import { runCommand, ValidationError } from '../commands.ts';
import { directorates } from './schema.ts';
import * as repo from './repository.ts';

/** Directorates and the teams within them: the structure authorisation is scoped by. */
export class OrganisationService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  directorates() {
    return repo.listDirectorates(this.deps.db.orm);
  }

  teams() {
    return repo.listTeams(this.deps.db.orm);
  }

  async createDirectorate(actor: Actor, name: string): Promise<number> {
    return runCommand(this.deps, actor, async (tx, audit) => {
      const [existing] = await tx.select().from(directorates).where(eq(directorates.name, name));
      if (existing)
        throw new ValidationError('A directorate with that name already exists', {
          name: 'A directorate with that name already exists',
        });
      return repo.insertDirectorate(tx, audit, name);
    });
  }

  async createTeam(actor: Actor, directorateId: number, name: string): Promise<number> {
    return runCommand(this.deps, actor, async (tx, audit) => {
      const [directorate] = await tx.select().from(directorates).where(eq(directorates.id, directorateId));
      if (!directorate)
        throw new ValidationError('Select a directorate', { directorateId: 'Select a directorate' });
      const clash = (await repo.listTeams(tx)).some(
        (t) => t.directorateId === directorateId && t.name === name,
      );
      if (clash)
        throw new ValidationError('That directorate already has a team with that name', {
          name: 'That directorate already has a team with that name',
        });
      return repo.insertTeam(tx, audit, directorateId, name);
    });
  }
}
