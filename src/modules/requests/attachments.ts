import type { Database } from '../../platform/db/database.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { Caller } from '../../platform/web/request.ts';
import type { RequestsDeps } from './commands/context.ts';
import { addAttachment } from './commands/files/add-attachment.ts';
import { canViewCase } from './policy.ts';
import * as repo from './repository.ts';

/** Files on a case: checked by content, stored once by hash, and published with the case only when marked public. */
export class AttachmentsService {
  constructor(private readonly deps: RequestsDeps & { files: BlobStore; maxUploadBytes: number }) {}

  add(
    caller: Caller,
    caseId: number,
    file: { buffer: Buffer; originalname: string } | undefined,
    isPublic: boolean,
  ) {
    return addAttachment(this.deps, caller, caseId, file, isPublic);
  }

  list(caseId: number) {
    return repo.attachmentsOf(this.deps.db.orm, caseId);
  }

  /** A file of a case the caller may see; every download is recorded, as a view of the case is. */
  async download(caller: Caller, caseId: number, attachmentId: number) {
    const c = await repo.findCase(this.deps.db.orm, caseId);
    if (!c || !canViewCase(caller.principal, c)) throw new NotFoundError('No such case');
    const file = await readAttachment(this.deps, caseId, attachmentId, { publicOnly: false });
    await this.deps.audit.recordView(caller.actor, {
      action: 'request.file-downloaded',
      entityType: 'request-case',
      entityId: caseId,
      details: { attachmentId },
    });
    return file;
  }
}

/** A stored file of a case, with its content; only files marked public when the caller is the public. */
export async function readAttachment(
  deps: { db: Database; files: BlobStore },
  caseId: number,
  attachmentId: number,
  { publicOnly }: { publicOnly: boolean },
) {
  const a = await repo.findAttachment(deps.db.orm, caseId, attachmentId, publicOnly);
  if (!a) throw new NotFoundError('No such file');
  return { ...a, content: await deps.files.get(a.sha256) };
}
