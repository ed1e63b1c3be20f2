import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { discoverySources, inventoryFiles, inventoryFindings } from '../../discovery/inventory/schema.ts';
import { inventoryFileDisposals } from './schema.ts';

/** The files the schedule may hold in order after one (source, path): present on their share, not destroyed. */
export function filesAfter(db: Executor, after: { sourceId: number; path: string }, limit: number) {
  return db
    .select({
      sourceId: inventoryFiles.sourceId,
      root: discoverySources.rootPath,
      path: inventoryFiles.path,
      size: inventoryFiles.size,
      mtime: inventoryFiles.mtime,
      sha256: inventoryFiles.sha256,
    })
    .from(inventoryFiles)
    .innerJoin(discoverySources, eq(discoverySources.id, inventoryFiles.sourceId))
    .where(
      and(
        sql`(${inventoryFiles.sourceId}, ${inventoryFiles.path}) > (${after.sourceId}, ${after.path})`,
        eq(inventoryFiles.gone, false),
        isNull(inventoryFiles.disposalCertificate),
      ),
    )
    .orderBy(asc(inventoryFiles.sourceId), asc(inventoryFiles.path))
    .limit(limit);
}

/** One file as the inventory has it, with its source's root. */
export async function fileOf(db: Executor, sourceId: number, relativePath: string) {
  const [row] = await db
    .select({ file: inventoryFiles, root: discoverySources.rootPath })
    .from(inventoryFiles)
    .innerJoin(discoverySources, eq(discoverySources.id, inventoryFiles.sourceId))
    .where(
      and(
        eq(inventoryFiles.sourceId, sourceId),
        sql`${inventoryFiles.path} = ${discoverySources.rootPath} || '/' || ${relativePath}`,
      ),
    );
  return row;
}

/**
 * Marks a file destroyed in the disposal's transaction: the inventory row becomes its stub (the certificate, no
 * findings), and its removal from disk is queued.
 */
export async function markDestroyed(
  tx: Executor,
  file: { sourceId: number; path: string },
  certificate: string,
  purgeOn: string,
) {
  await tx
    .update(inventoryFiles)
    .set({ disposalCertificate: certificate, piiCounts: {}, rot: [] })
    .where(and(eq(inventoryFiles.sourceId, file.sourceId), eq(inventoryFiles.path, file.path)));
  await tx
    .delete(inventoryFindings)
    .where(and(eq(inventoryFindings.sourceId, file.sourceId), eq(inventoryFindings.path, file.path)));
  await tx
    .insert(inventoryFileDisposals)
    .values({ ...file, certificate, purgeOn })
    .onConflictDoNothing();
}

/** Destroyed files still on their share (with what their source says becomes of them), and quarantined ones due. */
export function removalsDue(db: Executor, today: string) {
  return db
    .select({
      sourceId: inventoryFileDisposals.sourceId,
      path: inventoryFileDisposals.path,
      certificate: inventoryFileDisposals.certificate,
      state: inventoryFileDisposals.state,
      quarantinePath: inventoryFileDisposals.quarantinePath,
      disposal: discoverySources.disposal,
    })
    .from(inventoryFileDisposals)
    .leftJoin(discoverySources, eq(discoverySources.id, inventoryFileDisposals.sourceId))
    .where(
      sql`${inventoryFileDisposals.state} = 'to-remove'
          or (${inventoryFileDisposals.state} = 'quarantined' and ${inventoryFileDisposals.purgeOn} <= ${today})`,
    )
    .orderBy(asc(inventoryFileDisposals.sourceId), asc(inventoryFileDisposals.path));
}

export async function setRemovalState(
  db: Executor,
  file: { sourceId: number; path: string },
  state: 'quarantined' | 'purged' | 'missing',
  quarantinePath?: string,
) {
  await db
    .update(inventoryFileDisposals)
    .set({ state, ...(quarantinePath ? { quarantinePath } : {}) })
    .where(
      and(eq(inventoryFileDisposals.sourceId, file.sourceId), eq(inventoryFileDisposals.path, file.path)),
    );
}

export function discoverySourcesByName(db: Executor) {
  return db.select().from(discoverySources).orderBy(asc(discoverySources.name));
}

/** What becomes of a discovery source's destroyed files: quarantined first, or deleted at once. */
export async function setSourceDisposal(tx: Executor, sourceId: number, disposal: 'quarantine' | 'delete') {
  const [row] = await tx
    .update(discoverySources)
    .set({ disposal })
    .where(eq(discoverySources.id, sourceId))
    .returning({ name: discoverySources.name });
  return row;
}
