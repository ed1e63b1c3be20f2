import { and, asc, eq, gt, ilike, inArray, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { containing } from '../../platform/db/queries.ts';
import { outbox } from '../../platform/mail/schema.ts';
import {
  requestAttachments,
  requestCases,
  requestContributions,
  requestFilePurges,
  sarDisclosures,
  sarSearches,
} from './schema.ts';

/**
 * The requests module's SQL for the retention schedule: the closed cases it offers, and the erasure that leaves a
 * destroyed case's residual stub.
 */

/** Closed cases not yet destroyed, in id order after a given one: one batch for the schedule. */
export function closedCasesAfter(db: Executor, afterId: number, limit: number) {
  return db
    .select({
      id: requestCases.id,
      reference: requestCases.reference,
      type: requestCases.type,
      receivedOn: requestCases.receivedOn,
      respondedOn: requestCases.respondedOn,
      closedOn: requestCases.closedOn,
      directorateId: requestCases.directorateId,
      version: requestCases.version,
    })
    .from(requestCases)
    .where(
      and(eq(requestCases.status, 'closed'), isNull(requestCases.erasedOn), gt(requestCases.id, afterId)),
    )
    .orderBy(asc(requestCases.id))
    .limit(limit);
}

export async function caseVersion(db: Executor, id: number) {
  const [row] = await db
    .select({ version: requestCases.version, status: requestCases.status, erasedOn: requestCases.erasedOn })
    .from(requestCases)
    .where(eq(requestCases.id, id));
  return row;
}

/**
 * Erases a case's personal data — the requester, the request and response texts, notes, the SAR's searches and
 * disclosure items, the letters in the outbox — and its files, keeping the residual stub: reference, type, dates,
 * directorate, outcome and exemptions, what was published, and the disposal certificate's number.
 */
export async function eraseCase(tx: Executor, id: number, certificate: string, on: string): Promise<void> {
  const files = await tx
    .delete(requestAttachments)
    .where(eq(requestAttachments.caseId, id))
    .returning({ sha256: requestAttachments.sha256 });
  if (files.length)
    await tx
      .insert(requestFilePurges)
      .values(files.map((f) => ({ sha256: f.sha256 })))
      .onConflictDoNothing();
  await tx.delete(sarSearches).where(eq(sarSearches.caseId, id));
  await tx.delete(sarDisclosures).where(eq(sarDisclosures.caseId, id));
  await tx.update(requestContributions).set({ note: '' }).where(eq(requestContributions.caseId, id));
  await tx
    .update(outbox)
    .set({ toAddress: '', subject: '', body: '', lastError: null })
    .where(and(eq(outbox.entityType, 'request-case'), eq(outbox.entityId, String(id))));
  await tx
    .update(requestCases)
    .set({
      subject: '',
      description: '',
      requesterName: '',
      requesterEmail: null,
      requesterAddress: null,
      extensionReason: null,
      publicInterest: null,
      responseText: null,
      article15: null,
      identityMethod: null,
      erasedOn: on,
      disposalCertificate: certificate,
      version: sql`${requestCases.version} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(requestCases.id, id));
}

/** Closed cases among these whose request mentions a term: what a hold "by search" holds. */
export async function casesMentioning(db: Executor, term: string, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  const pattern = containing(term);
  const rows = await db
    .select({ id: requestCases.id })
    .from(requestCases)
    .where(
      and(
        inArray(requestCases.id, [...ids]),
        or(
          ilike(requestCases.subject, pattern),
          ilike(requestCases.description, pattern),
          ilike(requestCases.reference, pattern),
        ),
      ),
    );
  return rows.map((r) => r.id);
}

/** Files of destroyed cases no case refers to any more: safe to remove from the blob store. */
export async function filesToPurge(db: Executor): Promise<string[]> {
  const referenced = db.select({ sha256: requestAttachments.sha256 }).from(requestAttachments);
  const rows = await db
    .select({ sha256: requestFilePurges.sha256 })
    .from(requestFilePurges)
    .where(notInArray(requestFilePurges.sha256, referenced));
  const stillUsed = await db
    .select({ sha256: requestFilePurges.sha256 })
    .from(requestFilePurges)
    .where(inArray(requestFilePurges.sha256, referenced));
  // A file another case still uses stays in the store; its purge note goes.
  if (stillUsed.length)
    await db.delete(requestFilePurges).where(
      inArray(
        requestFilePurges.sha256,
        stillUsed.map((r) => r.sha256),
      ),
    );
  return rows.map((r) => r.sha256);
}

export async function filePurged(db: Executor, sha256: string): Promise<void> {
  await db.delete(requestFilePurges).where(eq(requestFilePurges.sha256, sha256));
}

/** A case and its files' names, as the record office receives it on transfer. */
export async function caseForTransfer(db: Executor, id: number) {
  const [c] = await db.select().from(requestCases).where(eq(requestCases.id, id));
  if (!c) return undefined;
  const attachments = await db
    .select({ filename: requestAttachments.filename, sha256: requestAttachments.sha256 })
    .from(requestAttachments)
    .where(eq(requestAttachments.caseId, id));
  return { case: c, attachments };
}
