import type { Actor } from '../../platform/audit/service.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { IsoDate } from '../../domain/calendar/dates.ts';
import type { RecordsDeps } from './commands/context.ts';
import {
  addHoldScope,
  placeHold,
  releaseHold,
  type HoldInput,
  type HoldScopeInput,
} from './commands/holds/holds.ts';
import * as holdsRepo from './holds-repository.ts';
import { holdsCovering } from './hold-check.ts';

/** Legal holds: placed over what they name, checked before any disposal, released with a reason. */
export class LegalHoldsService {
  constructor(private readonly deps: RecordsDeps) {}

  /** Every hold, standing ones first, each with what it covers. */
  async list(options: { standing?: boolean } = {}) {
    const holds = await holdsRepo.holds(this.deps.db.orm, options);
    const scopes = await holdsRepo.scopesOf(
      this.deps.db.orm,
      holds.map((h) => h.id),
    );
    return holds
      .map((h) => ({ ...h, scopes: scopes.filter((s) => s.holdId === h.id) }))
      .sort((a, b) => Number(!!a.releasedAt) - Number(!!b.releasedAt));
  }

  async find(by: { id: number } | { name: string }) {
    const hold = await holdsRepo.findHold(this.deps.db.orm, by);
    if (!hold) throw new NotFoundError('No such hold');
    return { ...hold, scopes: await holdsRepo.scopesOf(this.deps.db.orm, [hold.id]) };
  }

  place(actor: Actor, input: HoldInput) {
    return placeHold(this.deps, actor, input);
  }

  widen(actor: Actor, holdId: number, scope: HoldScopeInput) {
    return addHoldScope(this.deps, actor, holdId, scope);
  }

  release(actor: Actor, hold: { id: number; version: number }, reason: string) {
    return releaseHold(this.deps, actor, hold, reason);
  }

  /** How many records on the schedule a hold covers (by everything but a search of their content). */
  countHeld(holdId: number) {
    return holdsRepo.countHeldBy(this.deps.db.orm, holdId);
  }

  /** Standing holds whose review date has come. */
  async dueForReview(today: IsoDate) {
    return (await holdsRepo.holds(this.deps.db.orm, { standing: true })).filter(
      (h) => h.reviewOn && h.reviewOn <= today,
    );
  }

  /** The standing holds covering each of these items (see holdsCovering). */
  holdsOf(items: readonly { id: number; source: string; key: string }[]) {
    return holdsCovering(this.deps, this.deps.db.orm, items);
  }
}
