import type { Database } from '../../platform/db/database.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Page } from '../../platform/db/queries.ts';
import { readAttachment } from './attachments.ts';
import * as repo from './repository.ts';

/**
 * The responses officers chose to publish, as the disclosure log shows them: what the publication module may read of
 * requests, and no more — never the requester, the case notes or a file not marked public.
 */
export class PublishedResponsesService {
  constructor(private readonly deps: { db: Database; files: BlobStore }) {}

  list(q: string | undefined, page: Page) {
    return repo.disclosureLog(this.deps.db.orm, q, page);
  }

  /** One published response with its public files; undefined when there is no such published response. */
  async entry(reference: string) {
    const entry = await repo.publishedEntry(this.deps.db.orm, reference);
    if (!entry) return undefined;
    return { ...entry, files: await repo.publicAttachmentsOf(this.deps.db.orm, entry.id) };
  }

  /** A public file of a published response. */
  async download(reference: string, attachmentId: number) {
    const entry = await repo.publishedEntry(this.deps.db.orm, reference);
    if (!entry) throw new NotFoundError('No such file');
    return readAttachment(this.deps, entry.id, attachmentId, { publicOnly: true });
  }
}
