import { and, desc, eq, gte, ilike, inArray, lt, asc, gt, sql, type SQL } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import { auditEvents } from './schema.ts';
import { eventHash, GENESIS_HASH } from './hash.ts';
import { countWhere } from '../db/count.ts';
import { escapeLike } from '../db/queries.ts';

/** Who did something: a member of staff, an API token, or Custodian itself (jobs, seeding, the command line). */
export interface Actor {
  type: 'user' | 'api' | 'system';
  id: string | null;
  label: string;
}

export const systemActor = (label = 'Custodian'): Actor => ({ type: 'system', id: null, label });

/**
 * What happened. `details` must not carry raw personal data (no e-mail addresses, names of data subjects or
 * identifiers): ids, field names and outcomes are enough to investigate, and the entity holds the rest.
 */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  details?: Record<string, unknown>;
}

export type AuditEvent = typeof auditEvents.$inferSelect;

const APPEND_LOCK = 7263510002;

/** Appends one event to the chain, inside the caller's transaction. */
export async function appendAuditEvent(
  tx: Executor,
  clock: Clock,
  actor: Actor,
  entry: AuditEntry,
): Promise<number> {
  // Serialise appends so each event links to the one before it and seq has no gaps.
  await tx.execute(sql`select pg_advisory_xact_lock(${APPEND_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const event = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: clock.now(),
    actorType: actor.type,
    actorId: actor.id,
    actorLabel: actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    details: entry.details ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditEvents).values({ ...event, hash: eventHash(event) });
  return event.seq;
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive start date (UTC day). */
  from?: Date;
  /** Exclusive end instant. */
  to?: Date;
}

export type VerifyResult =
  { ok: true; count: number } | { ok: false; count: number; brokenAt: number; reason: string };

export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  append(tx: Executor, actor: Actor, entry: AuditEntry): Promise<number> {
    return appendAuditEvent(tx, this.clock, actor, entry);
  }

  /** Records a read of personal data, in its own transaction. */
  async recordView(actor: Actor, entry: AuditEntry): Promise<void> {
    await this.db.orm.transaction((tx) => appendAuditEvent(tx, this.clock, actor, entry));
  }

  async search(filter: AuditFilter, page: { limit: number; offset: number }) {
    const where = filterSql(filter);
    const [rows, total] = await Promise.all([
      this.db.orm
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(desc(auditEvents.seq))
        .limit(page.limit)
        .offset(page.offset),
      countWhere(this.db.orm, auditEvents, where),
    ]);
    return { rows, total };
  }

  /** How many events with one of these actions happened since a moment (refused sign-ins for the home page). */
  async countSince(actions: string[], since: Date): Promise<number> {
    const [row] = await this.db.orm
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(and(gt(auditEvents.occurredAt, since), inArray(auditEvents.action, actions)));
    return Number(row?.n ?? 0);
  }

  /** Every matching event, oldest first, in pages, for exports. */
  async *stream(filter: AuditFilter, batch = 2000): AsyncGenerator<AuditEvent> {
    let after = 0;
    for (;;) {
      const rows = await this.db.orm
        .select()
        .from(auditEvents)
        .where(and(filterSql(filter), gt(auditEvents.seq, after)))
        .orderBy(asc(auditEvents.seq))
        .limit(batch);
      yield* rows;
      if (rows.length < batch) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  /**
   * Recomputes the chain from the first event: each row's hash over its own fields and the previous row's hash, and
   * seq without gaps. Names the first event that does not hold.
   */
  async verify(): Promise<VerifyResult> {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let count = 0;
    for await (const row of this.stream({}, 5000)) {
      if (row.seq !== expectedSeq) {
        return { ok: false, count, brokenAt: expectedSeq, reason: `event ${expectedSeq} is missing` };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          count,
          brokenAt: row.seq,
          reason: 'its link to the previous event does not match',
        };
      }
      if (eventHash(row) !== row.hash) {
        return { ok: false, count, brokenAt: row.seq, reason: 'its contents do not match its hash' };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    return { ok: true, count };
  }
}

function filterSql(f: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.actor) conditions.push(ilike(auditEvents.actorLabel, `%${escapeLike(f.actor)}%`));
  if (f.action) conditions.push(ilike(auditEvents.action, `${escapeLike(f.action)}%`));
  if (f.entityType) conditions.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditEvents.entityId, f.entityId));
  if (f.from) conditions.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) conditions.push(lt(auditEvents.occurredAt, f.to));
  return conditions.length ? and(...conditions) : undefined;
}
