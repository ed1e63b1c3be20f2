import { and, asc, eq } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import type { BlobStore } from '../../platform/files/blob-store.ts';
import { checkUpload } from '../../platform/files/file-check.ts';
import { ForbiddenError, NotFoundError, runCommand, ValidationError } from '../../platform/commands.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { requestAttachments, requestCases } from './schema.ts';
import { canManageCase, canViewCase } from './policy.ts';
import type { CaseType } from '../../domain/requests/workflow.ts';

/** The case types whose responses (and files) can go in the disclosure log. */
const PUBLISHABLE: ReadonlySet<CaseType> = new Set(['foi', 'eir']);

/** Files on a case: checked by content, stored once by hash, and published with the case only when marked public. */
export class AttachmentsService {
  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      files: BlobStore;
      audit: AuditService;
      maxBytes: number;
    },
  ) {}

  async add(
    principal: Principal,
    actor: Actor,
    caseId: number,
    file: { buffer: Buffer; originalname: string } | undefined,
    isPublic: boolean,
  ) {
    if (!file) throw new ValidationError('Select a file', { file: 'Select a file' });
    const [c] = await this.deps.db.orm.select().from(requestCases).where(eq(requestCases.id, caseId));
    if (!c || !canViewCase(principal, c)) throw new NotFoundError('No such case');
    if (!canManageCase(principal, c)) throw new ForbiddenError('You cannot add files to this case');
    if (isPublic && !PUBLISHABLE.has(c.type as CaseType))
      throw new ValidationError('Only FOI and EIR responses are published in the disclosure log', {
        file: 'Only FOI and EIR responses are published in the disclosure log',
      });
    const check = await checkUpload(file.buffer, file.originalname, this.deps.maxBytes);
    if (!check.ok) throw new ValidationError(check.problem, { file: check.problem });
    const sha256 = await this.deps.files.put(file.buffer);
    return runCommand(this.deps, actor, async (tx, audit) => {
      const [row] = await tx
        .insert(requestAttachments)
        .values({
          caseId,
          sha256,
          filename: check.filename,
          mediaType: check.mediaType,
          size: file.buffer.length,
          public: isPublic,
        })
        .returning({ id: requestAttachments.id });
      await audit({
        action: 'request.attachment-added',
        entityType: 'request-case',
        entityId: caseId,
        details: {
          attachmentId: row!.id,
          sha256,
          mediaType: check.mediaType,
          size: file.buffer.length,
          public: isPublic,
        },
      });
      return row!.id;
    });
  }

  list(caseId: number) {
    return this.deps.db.orm
      .select()
      .from(requestAttachments)
      .where(eq(requestAttachments.caseId, caseId))
      .orderBy(asc(requestAttachments.id));
  }

  /** A file of a case the principal may see; every download is recorded, as a view of the case is. */
  async download(principal: Principal, actor: Actor, caseId: number, attachmentId: number) {
    const [c] = await this.deps.db.orm.select().from(requestCases).where(eq(requestCases.id, caseId));
    if (!c || !canViewCase(principal, c)) throw new NotFoundError('No such case');
    const file = await this.read(
      and(eq(requestAttachments.caseId, caseId), eq(requestAttachments.id, attachmentId)),
    );
    await this.deps.audit.recordView(actor, {
      action: 'request.file-downloaded',
      entityType: 'request-case',
      entityId: caseId,
      details: { attachmentId },
    });
    return file;
  }

  /** A public file of a published case, for the disclosure log. */
  async publicDownload(reference: string, attachmentId: number) {
    const [c] = await this.deps.db.orm
      .select({ id: requestCases.id })
      .from(requestCases)
      .where(and(eq(requestCases.reference, reference), eq(requestCases.published, true)));
    if (!c) throw new NotFoundError('No such file');
    return this.read(
      and(
        eq(requestAttachments.caseId, c.id),
        eq(requestAttachments.id, attachmentId),
        eq(requestAttachments.public, true),
      ),
    );
  }

  async publicList(caseId: number) {
    return this.deps.db.orm
      .select({
        id: requestAttachments.id,
        filename: requestAttachments.filename,
        size: requestAttachments.size,
        mediaType: requestAttachments.mediaType,
      })
      .from(requestAttachments)
      .where(and(eq(requestAttachments.caseId, caseId), eq(requestAttachments.public, true)))
      .orderBy(asc(requestAttachments.id));
  }

  private async read(where: ReturnType<typeof and>) {
    const [a] = await this.deps.db.orm.select().from(requestAttachments).where(where);
    if (!a) throw new NotFoundError('No such file');
    return { ...a, content: await this.deps.files.get(a.sha256) };
  }
}
