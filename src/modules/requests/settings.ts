import type { Actor } from '../../platform/audit/service.ts';
import type { OrganisationService } from '../../platform/identity/organisation-service.ts';
import type { RequestsDeps } from './commands/context.ts';
import { addSystem } from './commands/settings/add-system.ts';
import { setSystemActive } from './commands/settings/set-system-active.ts';
import { setTarget } from './commands/settings/set-target.ts';
import type { Target } from './inputs.ts';
import * as settingsRepo from './settings-repository.ts';

/** Targets a directorate has not set: the ICO's "good" for FOI. */
const DEFAULT_TARGET = 95;

/** What the IG team keeps for casework: the systems searched for SARs, and each directorate's timeliness targets. */
export class RequestSettingsService {
  constructor(private readonly deps: RequestsDeps & { organisation: OrganisationService }) {}

  systems() {
    return settingsRepo.systems(this.deps.db.orm, { activeOnly: false });
  }

  addSystem(actor: Actor, name: string) {
    return addSystem(this.deps, actor, name);
  }

  setSystemActive(actor: Actor, id: number, active: boolean) {
    return setSystemActive(this.deps, actor, id, active);
  }

  /** Every directorate's targets, with the default where none is set. */
  async targets() {
    const [directorates, rows] = await Promise.all([
      this.deps.organisation.directorates(),
      settingsRepo.targets(this.deps.db.orm),
    ]);
    return directorates.map((d) => {
      const t = rows.find((r) => r.directorateId === d.id);
      return {
        directorateId: d.id,
        name: d.name,
        foiPercent: t?.foiPercent ?? DEFAULT_TARGET,
        sarPercent: t?.sarPercent ?? DEFAULT_TARGET,
      };
    });
  }

  setTarget(actor: Actor, directorateId: number, target: Target) {
    return setTarget(this.deps, actor, directorateId, target);
  }
}
