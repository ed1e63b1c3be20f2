import type { Clock } from './clock.ts';
import type { Database, Tx } from './db/database.ts';
import { appendAuditEvent, type Actor, type AuditEntry } from './audit/service.ts';

export type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * The one way state changes: the work and its audit events commit together or not at all. A command that records no
 * event is a bug, so it is refused rather than committed silently.
 */
export async function runCommand<T>(
  deps: { db: Database; clock: Clock },
  actor: Actor,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  return deps.db.orm.transaction(async (tx) => {
    let recorded = 0;
    const audit: Audit = async (entry) => {
      await appendAuditEvent(tx, deps.clock, actor, entry);
      recorded += 1;
    };
    const result = await work(tx, audit);
    if (recorded === 0) throw new Error('A command must record at least one audit event');
    return result;
  });
}

export { ValidationError, ConflictError, NotFoundError, ForbiddenError } from './errors.ts';
