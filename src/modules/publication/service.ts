import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/audit/service.ts';
import { NotFoundError, runCommand, ValidationError } from '../../platform/commands.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import { isSafeLink, optionalTextField, textField } from '../../platform/validation.ts';
import { PUBLICATION_CLASSES, TRANSPARENCY_DATASETS } from './classes.ts';
import { publicationEntries, transparencyDatasets } from './schema.ts';

export const publicationEntrySchema = z.object({
  classCode: z.enum(PUBLICATION_CLASSES.map((c) => c.code) as [string, ...string[]], {
    error: 'Choose a class',
  }),
  title: textField({ max: 300, required: 'Enter a title', label: 'The title' }),
  description: optionalTextField({ max: 2000, label: 'The description', multiline: true }),
  url: textField({ max: 2000, required: 'Enter the web address or path', label: 'The address' }).refine(
    isSafeLink,
    'Enter a web address starting https:// or a path on this site starting /',
  ),
});

/** The publication scheme and the Transparency Code register. */
export class PublicationService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async scheme() {
    const entries = await this.deps.db.orm
      .select()
      .from(publicationEntries)
      .orderBy(asc(publicationEntries.title));
    return PUBLICATION_CLASSES.map((c) => ({ ...c, entries: entries.filter((e) => e.classCode === c.code) }));
  }

  async datasets() {
    const rows = await this.deps.db.orm
      .select()
      .from(transparencyDatasets)
      .orderBy(asc(transparencyDatasets.id));
    const known = new Map(rows.map((r) => [r.code, r]));
    return TRANSPARENCY_DATASETS.map((d) => ({
      ...d,
      url: known.get(d.code)?.url ?? null,
      lastPublishedOn: known.get(d.code)?.lastPublishedOn ?? null,
    }));
  }

  async addEntry(actor: Actor, input: z.infer<typeof publicationEntrySchema>): Promise<number> {
    return runCommand(this.deps, actor, async (tx, audit) => {
      const [row] = await tx
        .insert(publicationEntries)
        .values({ ...input, description: input.description ?? null })
        .returning({ id: publicationEntries.id });
      await audit({
        action: 'publication.entry-added',
        entityType: 'publication-entry',
        entityId: row!.id,
        details: { classCode: input.classCode },
      });
      return row!.id;
    });
  }

  async removeEntry(actor: Actor, id: number): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      const gone = await tx
        .delete(publicationEntries)
        .where(eq(publicationEntries.id, id))
        .returning({ id: publicationEntries.id });
      if (!gone.length) throw new NotFoundError('No such entry');
      await audit({ action: 'publication.entry-removed', entityType: 'publication-entry', entityId: id });
    });
  }

  /** Records that a Transparency Code dataset was published (on a date, at an address). */
  async recordDataset(
    actor: Actor,
    code: string,
    input: { lastPublishedOn: string; url?: string },
  ): Promise<void> {
    if (!TRANSPARENCY_DATASETS.some((d) => d.code === code)) throw new NotFoundError('No such dataset');
    if (!isIsoDate(input.lastPublishedOn))
      throw new ValidationError('Enter a real date', {
        lastPublishedOn: 'Enter a real date, like 2026-11-25',
      });
    if (input.url && (input.url.length > 2000 || !isSafeLink(input.url)))
      throw new ValidationError('Enter a web address starting https://', {
        url: 'Enter a web address starting https:// or a path on this site starting /',
      });
    const title = TRANSPARENCY_DATASETS.find((d) => d.code === code)!;
    await runCommand(this.deps, actor, async (tx, audit) => {
      await tx
        .insert(transparencyDatasets)
        .values({
          code,
          title: title.title,
          frequency: title.frequency,
          url: input.url || null,
          lastPublishedOn: input.lastPublishedOn,
        })
        .onConflictDoUpdate({
          target: transparencyDatasets.code,
          set: { url: input.url || null, lastPublishedOn: input.lastPublishedOn },
        });
      await audit({
        action: 'publication.dataset-published',
        entityType: 'transparency-dataset',
        entityId: code,
        details: { lastPublishedOn: input.lastPublishedOn },
      });
    });
  }
}
