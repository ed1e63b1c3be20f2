import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/database.ts';
import { NotFoundError } from '../../../platform/errors.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { canEditEntry, type EntryScope } from '../policy.ts';

/** What the register's commands are built with. */
export interface RegisterDeps {
  db: Database;
  clock: Clock;
}

/**
 * Writes a register entry: a new one, or a change to one that still exists, is still the caller's to change (an asset
 * owner cannot take another directorate's entry into their own) and has not changed since it was read.
 */
export async function writeEntry<Row extends EntryScope & { id: number }>(
  caller: Caller,
  existing: { id: number; version: number } | undefined,
  io: {
    find: (id: number) => Promise<Row | undefined>;
    insert: () => Promise<Row>;
    update: (entry: { id: number; version: number }) => Promise<Row>;
    missing: string;
  },
): Promise<Row> {
  if (!existing) return io.insert();
  const current = await io.find(existing.id);
  if (!current) throw new NotFoundError(io.missing);
  authorizeEntry(caller, current);
  return io.update(existing);
}

/** Refuses (403) a change to an entry outside the caller's directorates. */
export function authorizeEntry(caller: Caller, entry: EntryScope): void {
  authorize(
    caller.principal,
    canEditEntry(caller.principal, entry),
    undefined,
    'You can change only the register entries of your own directorate',
  );
}
