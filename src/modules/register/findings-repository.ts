import type { Database } from '../../platform/db/database.ts';
import { escapeLike } from '../../platform/db/queries.ts';
import type { PiiType } from '../../domain/pii/types.ts';

/**
 * What discovery found in the files of an asset's locations: for each type, how many files (still there) hold it.
 * Read from the discovery engine's inventory, where each file keeps its counts by type; a file in two overlapping
 * locations counts once in each.
 */
export async function foundInLocations(
  db: Database,
  locations: readonly { sourceId: number; folder: string }[],
): Promise<{ type: PiiType; files: number }[]> {
  const totals = new Map<PiiType, number>();
  for (const l of locations) {
    const rows = await db.query<{ type: PiiType; files: number }>(
      `select key as type, count(*) as files
       from inventory_files f join discovery_sources s on s.id = f.source_id, jsonb_each(f.pii_counts)
       where f.source_id = $1 and not f.gone
         and f.path like replace(replace(replace(s.root_path, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || $2
       group by 1`,
      [l.sourceId, l.folder ? `/${escapeLike(l.folder)}/%` : '/%'],
    );
    for (const r of rows) totals.set(r.type, (totals.get(r.type) ?? 0) + Number(r.files));
  }
  return [...totals].map(([type, files]) => ({ type, files })).sort((a, b) => b.files - a.files);
}
