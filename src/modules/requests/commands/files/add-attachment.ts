import { fieldError } from '../../../../platform/validation.ts';
import { runCommand } from '../../../../platform/commands.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../../platform/errors.ts';
import type { BlobStore } from '../../../../platform/files/blob-store.ts';
import { checkUpload } from '../../../../platform/files/file-check.ts';
import type { Caller } from '../../../../platform/web/request.ts';
import type { CaseType } from '../../../../domain/requests/workflow.ts';
import { canManageCase, canViewCase } from '../../policy.ts';
import * as repo from '../../repository.ts';
import { type RequestsDeps } from '../context.ts';

/** The case types whose responses (and files) can go in the disclosure log. */
const PUBLISHABLE: ReadonlySet<CaseType> = new Set(['foi', 'eir']);

/** Adds a file to a case: checked by content, stored once by its digest, public only on a publishable case. */
export async function addAttachment(
  deps: RequestsDeps & { files: BlobStore; maxUploadBytes: number },
  caller: Caller,
  caseId: number,
  file: { buffer: Buffer; originalname: string } | undefined,
  isPublic: boolean,
): Promise<number> {
  if (!file) throw fieldError('file', 'Select a file');
  const c = await repo.findCase(deps.db.orm, caseId);
  if (!c || !canViewCase(caller.principal, c)) throw new NotFoundError('No such case');
  if (!canManageCase(caller.principal, c)) throw new ForbiddenError('You cannot add files to this case');
  if (isPublic && !PUBLISHABLE.has(c.type as CaseType))
    throw fieldError('file', 'Only FOI and EIR responses are published in the disclosure log');
  const check = await checkUpload(file.buffer, file.originalname, deps.maxUploadBytes);
  if (!check.ok) throw new ValidationError(check.problem, { file: check.problem });
  const sha256 = await deps.files.put(file.buffer);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const id = await repo.insertAttachment(tx, {
      caseId,
      sha256,
      filename: check.filename,
      mediaType: check.mediaType,
      size: file.buffer.length,
      public: isPublic,
    });
    await audit({
      action: 'request.attachment-added',
      entityType: 'request-case',
      entityId: caseId,
      details: {
        attachmentId: id,
        sha256,
        mediaType: check.mediaType,
        size: file.buffer.length,
        public: isPublic,
      },
    });
    return id;
  });
}
