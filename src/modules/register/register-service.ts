import { eq, inArray } from 'drizzle-orm';
import type { Principal } from '../../platform/authz/roles.ts';
import { scopeOf } from '../../platform/authz/policy.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { londonToday } from '../../platform/clock.ts';
import { NotFoundError, ForbiddenError } from '../../platform/errors.ts';
import * as identity from '../../platform/identity/repository.ts';
import { fieldError } from '../../platform/validation.ts';
import type { Caller } from '../../platform/web/request.ts';
import { discoverySources } from '../../discovery/inventory/schema.ts';
import { ropaGaps } from '../../domain/register/ropa.ts';
import { groupBy } from '../../domain/shared/group-by.ts';
import { registerDifferences } from '../../domain/register/findings.ts';
import { foundInLocations } from './findings-repository.ts';
import type { ScheduleClass } from '../records/index.ts';
import { saveActivity } from './commands/activities.ts';
import { confirmAsset, saveAsset } from './commands/assets.ts';
import type { RegisterDeps } from './commands/context.ts';
import { saveControllerDetails } from './commands/controller.ts';
import type { ActivityInput, AssetInput, ControllerDetails } from './inputs.ts';
import { REGISTER } from './permissions.ts';
import { activityValues, assetValues, processingRecord, retentionOf } from './presenters.ts';
import * as repo from './repository.ts';

export type RegisterServiceDeps = RegisterDeps & {
  /** The retention schedule's classes in force (the records module's). */
  schedule: () => Promise<ScheduleClass[]>;
  councilName: string;
};

/** An activity with what the register shows beside it: its assets, classes, retention and what its record lacks. */
export type ActivityView = Awaited<ReturnType<RegisterService['activities']>>[number];

/**
 * The register's two views — information assets and processing activities — with their links, the controller's
 * details and the completeness of each Art 30 record. Who may see which entries is decided here from the caller's
 * grants; who may change one, in the commands.
 */
export class RegisterService {
  constructor(private readonly deps: RegisterServiceDeps) {}

  private scope(principal: Principal): repo.Scope {
    return scopeOf(principal, REGISTER.view);
  }

  private async classesById() {
    return new Map((await this.deps.schedule()).map((c) => [c.id, c]));
  }

  /** Class codes to ids, every one checked to be on the schedule. */
  private async classIds(codes: string[], field = 'classCodes'): Promise<number[]> {
    const byCode = new Map((await this.deps.schedule()).map((c) => [c.code.toUpperCase(), c.id]));
    return [...new Set(codes)].map((code) => {
      const id = byCode.get(code);
      if (!id) throw fieldError(field, `There is no class ${code} on the retention schedule`);
      return id;
    });
  }

  async assets(principal: Principal, filter: Omit<repo.AssetFilter, 'scope'> = {}) {
    return repo.assets(this.deps.db.orm, { ...filter, scope: this.scope(principal) });
  }

  /** An asset with its classes, where discovery finds it, and the activities that use it. */
  async asset(principal: Principal, id: number) {
    const asset = await repo.findAsset(this.deps.db.orm, id);
    if (!asset) throw new NotFoundError('No such asset');
    const scope = this.scope(principal);
    if (scope !== 'all' && !scope.includes(asset.directorateId ?? -1))
      throw new ForbiddenError('This asset belongs to another directorate');
    const db = this.deps.db.orm;
    const [classLinks, locations, links, classes, owner] = await Promise.all([
      repo.assetClassIds(db, [id]),
      repo.assetLocations(db, id),
      repo.activityAssetLinks(db, { assetIds: [id] }),
      this.classesById(),
      asset.ownerUserId ? identity.findUser(db, asset.ownerUserId) : undefined,
    ]);
    const sources = await this.sourceNames(locations.map((l) => l.sourceId));
    const activityIds = links.map((l) => l.activityId);
    const activities = await repo.activities(db, { scope: 'all', ids: activityIds });
    const found = await foundInLocations(this.deps.db, locations);
    return {
      ...asset,
      found,
      differences: registerDifferences(asset, found),
      owner: owner?.displayName ?? null,
      classes: classLinks.map((l) => classes.get(l.classId)!).filter(Boolean),
      locations: locations.map((l) => ({ ...l, source: sources.get(l.sourceId) ?? '' })),
      activities,
    };
  }

  async saveAsset(caller: Caller, input: AssetInput, existing?: { id: number; version: number }) {
    const [classIds, locations] = [
      await this.classIds(input.classCodes),
      await this.locations(input.locations),
    ];
    return saveAsset(this.deps, caller, { values: assetValues(input), classIds, locations }, existing);
  }

  confirmAsset(caller: Caller, asset: { id: number; version: number }) {
    return confirmAsset(this.deps, caller, asset);
  }

  /** How many assets the person may see, and how many are due for review today. */
  assetCounts(principal: Principal) {
    return repo.assetCounts(this.deps.db.orm, this.scope(principal), londonToday(this.deps.clock));
  }

  /** "Shared drive: Planning/Decisions" lines to a discovery source's id and a folder. */
  private async locations(lines: string[]) {
    const sources = await this.deps.db.orm.select().from(discoverySources);
    return lines.map((line) => {
      const at = line.indexOf(':');
      const name = (at < 0 ? line : line.slice(0, at)).trim();
      const folder = (at < 0 ? '' : line.slice(at + 1)).trim().replace(/^\/+|\/+$/g, '');
      const source = sources.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!source) throw fieldError('locations', `Discovery has no source called ${name}`);
      return { sourceId: source.id, folder };
    });
  }

  private async sourceNames(ids: number[]) {
    if (!ids.length) return new Map<number, string>();
    const rows = await this.deps.db.orm
      .select()
      .from(discoverySources)
      .where(ids.length === 1 ? eq(discoverySources.id, ids[0]!) : inArray(discoverySources.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Processing activities with their assets, classes, retention and gaps, in the order of services. */
  async activities(principal: Principal | 'public', filter: Omit<repo.ActivityFilter, 'scope'> = {}) {
    const db = this.deps.db.orm;
    const rows = await repo.activities(db, {
      ...filter,
      scope: principal === 'public' ? 'all' : this.scope(principal),
    });
    const ids = rows.map((r) => r.id);
    const [assetLinks, classLinks, classes, controller] = await Promise.all([
      repo.activityAssetLinks(db, { activityIds: ids }),
      repo.activityClassIds(db, ids),
      this.classesById(),
      this.controller(),
    ]);
    const assetsOf = groupBy(assetLinks, (l) => l.activityId);
    const classesOf = groupBy(classLinks, (l) => l.activityId);
    return rows.map((row) => {
      const linked = (classesOf.get(row.id) ?? []).map((l) => classes.get(l.classId)!).filter(Boolean);
      const retention = retentionOf(row, linked);
      return {
        ...row,
        assetIds: (assetsOf.get(row.id) ?? []).map((l) => l.assetId),
        classes: linked,
        retentionText: retention,
        gaps: ropaGaps(processingRecord(row, controller, this.deps.councilName, retention)),
      };
    });
  }

  async activity(principal: Principal, id: number) {
    const row = await repo.findActivity(this.deps.db.orm, id);
    if (!row) throw new NotFoundError('No such processing activity');
    const scope = this.scope(principal);
    if (scope !== 'all' && !scope.includes(row.directorateId ?? -1))
      throw new ForbiddenError('This processing activity belongs to another directorate');
    const [activity] = await this.activities(principal, { ids: [id] });
    const assets = await repo.assets(this.deps.db.orm, { scope: 'all', ids: activity!.assetIds });
    return { ...activity!, assets };
  }

  async saveActivity(caller: Caller, input: ActivityInput, existing?: { id: number; version: number }) {
    const classIds = await this.classIds(input.classCodes);
    return saveActivity(
      this.deps,
      caller,
      { values: activityValues(input), assetIds: input.assetIds, classIds },
      existing,
    );
  }

  /** The distinct services of the activities: the privacy notices there can be. */
  async services() {
    const rows = await repo.activities(this.deps.db.orm, { scope: 'all' });
    return [...new Set(rows.map((r) => r.service))].sort((a, b) => a.localeCompare(b));
  }

  controller(): Promise<ControllerDetails | undefined> {
    return repo.controllerDetails(this.deps.db.orm);
  }

  saveController(actor: Actor, details: ControllerDetails) {
    return saveControllerDetails(this.deps, actor, details);
  }

  /** How many of a person's assets are past their review: their own as owner, or every one they may change. */
  async overdueReviews(principal: Principal, mine: boolean) {
    const today = londonToday(this.deps.clock);
    return repo.overdueReviews(
      this.deps.db.orm,
      today,
      this.scope(principal),
      mine ? principal.id : undefined,
    );
  }

  /** People who can be named as an asset's owner: active staff, by name. */
  async people() {
    const { rows } = await identity.listUsers(
      this.deps.db.orm,
      { status: 'active' },
      { limit: 1000, offset: 0 },
    );
    return rows.map((u) => ({ id: u.id, name: u.displayName }));
  }
}
