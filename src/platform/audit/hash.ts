import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an audit event's hash covers: everything but the hash itself. */
export interface HashedEvent {
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: unknown;
  prevHash: string;
}

/**
 * SHA-256 over a canonical JSON form (object keys sorted at every depth), so the hash does not depend on how jsonb
 * happens to order keys when the row is read back.
 */
export function eventHash(e: HashedEvent): string {
  const body = canonicalJson({
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actorType: e.actorType,
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    details: e.details,
    prevHash: e.prevHash,
  });
  return createHash('sha256').update(body).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
