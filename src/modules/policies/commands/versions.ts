import { londonToday } from '../../../platform/clock.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  runCommand,
  ValidationError,
} from '../../../platform/commands.ts';
import { checkUpload } from '../../../platform/files/file-check.ts';
import type { Caller } from '../../../platform/web/request.ts';
import {
  formatVersion,
  inAudience,
  nextReviewFrom,
  nextVersion,
  parseQuiz,
} from '../../../domain/policies/policy.ts';
import type { VersionInput } from '../inputs.ts';
import { canApprove } from '../policy.ts';
import * as repo from '../repository.ts';
import { editablePolicy, type PoliciesDeps } from './library.ts';

export const MAX_POLICY_FILE_BYTES = 20 * 1024 * 1024;
/** A policy's document is a PDF or a Word document. */
const DOCUMENT_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

/**
 * A new draft version: the document uploaded (PDF or DOCX) or written in the page, what changed and whether it is
 * material, and an optional quiz. One draft at a time, so versions are published in the order they were written.
 */
export async function addVersion(
  deps: PoliciesDeps,
  caller: Caller,
  policyId: number,
  input: VersionInput,
  file: { name: string; bytes: Buffer } | undefined,
) {
  // Refused before the file is kept: someone who may not write the policy's versions stores nothing.
  await editablePolicy(deps.db.orm, caller, policyId);
  let document: { fileSha256: string; fileName: string; fileType: string } | undefined;
  if (file) {
    const check = await checkUpload(file.bytes, file.name, MAX_POLICY_FILE_BYTES);
    if (!check.ok) throw new ValidationError(check.problem, { file: check.problem });
    if (!DOCUMENT_TYPES.has(check.mediaType))
      throw new ValidationError('The document must be a PDF or a Word (DOCX) file', {
        file: 'The document must be a PDF or a Word (DOCX) file',
      });
    document = {
      fileSha256: await deps.files.put(file.bytes),
      fileName: check.filename,
      fileType: check.mediaType,
    };
  }
  if (!document && !input.body)
    throw new ValidationError('Upload the document or write it in the page', {
      body: 'Upload the document or write it in the page',
    });
  return runCommand(deps, caller.actor, async (tx, audit) => {
    await editablePolicy(tx, caller, policyId);
    const versions = await repo.versionsOf(tx, policyId);
    if (versions.some((v) => v.status === 'draft' || v.status === 'approved'))
      throw new ConflictError('This policy has a version waiting to be published: publish it first');
    const latest = versions[0];
    const number = nextVersion(latest ? { major: latest.major, minor: latest.minor } : null, input.material);
    const version = await repo.insertVersion(tx, {
      policyId,
      ...number,
      material: !latest || input.material,
      changeSummary: input.changeSummary,
      body: document ? null : (input.body ?? null),
      ...document,
      quiz: parseQuiz(input.quiz ?? ''),
      passMark: input.passMark,
      createdBy: caller.principal.id,
    });
    await audit({
      action: 'policy-version.drafted',
      entityType: 'policy',
      entityId: policyId,
      details: { version: formatVersion(number), material: version.material },
    });
    return version;
  });
}

/** The approver's sign-off of a draft (403 for anyone else). */
export async function approveVersion(
  deps: PoliciesDeps,
  caller: Caller,
  policyId: number,
  versionId: number,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const policy = await repo.findPolicy(tx, policyId);
    const version = policy && (await repo.findVersion(tx, policyId, versionId));
    if (!policy || !version) throw new NotFoundError('No such version');
    if (!canApprove(caller.principal, policy))
      throw new ForbiddenError('Only the policy’s approver can approve its versions');
    if (version.status !== 'draft') throw new ConflictError('Only a draft can be approved');
    await repo.updateVersion(tx, versionId, {
      status: 'approved',
      approvedBy: caller.principal.id,
      approvedAt: deps.clock.now(),
    });
    await audit({
      action: 'policy-version.approved',
      entityType: 'policy',
      entityId: policyId,
      details: { versionId },
    });
  });
}

/**
 * Publishes an approved version: the one before it is superseded, the next review is set, and a material version (or
 * the first) asks everyone in its audience to read and acknowledge it, by mail to those with an address.
 */
export async function publishVersion(
  deps: PoliciesDeps,
  caller: Caller,
  policyId: number,
  versionId: number,
) {
  const today = londonToday(deps.clock);
  const audience = await repo.workingToday(deps.db.orm, today);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const policy = await editablePolicy(tx, caller, policyId);
    const version = await repo.findVersion(tx, policyId, versionId);
    if (!version) throw new NotFoundError('No such version');
    if (version.status !== 'approved') throw new ConflictError('Only an approved version can be published');
    await repo.supersedePublished(tx, policyId);
    await repo.updateVersion(tx, versionId, { status: 'published', publishedOn: today });
    await repo.setNextReview(tx, policyId, nextReviewFrom(today, policy.reviewMonths));
    let asked = 0;
    if (version.material) {
      for (const person of audience.filter((p) => inAudience(policy.audience, p))) {
        asked++;
        if (!person.email) continue;
        await deps.mail.queue(tx, {
          to: person.email,
          subject: `Please read and acknowledge: ${policy.title}`,
          body: [
            `Version ${formatVersion(version)} of ${policy.title} has been published. ${version.changeSummary}`,
            'Please read it and confirm that you have read it and will follow it: in Custodian, under Policies, “Your policies”.',
          ].join('\n\n'),
          entityType: 'policy',
          entityId: policyId,
        });
      }
    }
    await audit({
      action: 'policy-version.published',
      entityType: 'policy',
      entityId: policyId,
      details: { versionId, material: version.material, asked },
    });
    return { asked };
  });
}
