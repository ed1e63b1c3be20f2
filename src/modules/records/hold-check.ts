import type { Executor } from '../../platform/db/database.ts';
import type { RecordsDeps } from './commands/context.ts';
import * as holdsRepo from './holds-repository.ts';

/**
 * The standing holds covering each of these items: by class, source or folder, directorate, the item, or a search
 * of its title — and of its content, for the sources that can look inside their records (a case's request). Run when
 * a list is proposed, when it is approved, and again as each record is destroyed.
 */
export async function holdsCovering(
  deps: RecordsDeps,
  db: Executor,
  items: readonly { id: number; source: string; key: string }[],
): Promise<Map<number, string[]>> {
  const held = await holdsRepo.holdNamesOf(
    db,
    items.map((i) => i.id),
  );
  const searches = await holdsRepo.standingSearches(db);
  if (!searches.length) return held;
  for (const source of deps.sources()) {
    if (!source.matching) continue;
    const mine = items.filter((i) => i.source === source.name);
    if (!mine.length) continue;
    for (const search of searches) {
      const keys = await source.matching(
        db,
        search.term!,
        mine.map((i) => i.key),
      );
      for (const item of mine)
        if (keys.has(item.key) && !held.get(item.id)?.includes(search.name))
          held.set(item.id, [...(held.get(item.id) ?? []), search.name]);
    }
  }
  return held;
}
