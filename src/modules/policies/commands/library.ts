import type { Clock } from '../../../platform/clock.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db/database.ts';
import type { MailService } from '../../../platform/mail/service.ts';
import type { BlobStore } from '../../../platform/files/blob-store.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { ConflictError, ForbiddenError, NotFoundError, runCommand } from '../../../platform/commands.ts';
import { fieldError } from '../../../platform/validation.ts';
import { listDirectorates } from '../../../platform/identity/repository.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { nextReviewFrom } from '../../../domain/policies/policy.ts';
import type { ExceptionInput, PolicyInput } from '../inputs.ts';
import { POLICIES } from '../permissions.ts';
import { canEdit } from '../policy.ts';
import * as repo from '../repository.ts';

/** What the policies module's commands are built with. */
export interface PoliciesDeps {
  db: Database;
  clock: Clock;
  mail: MailService;
  files: BlobStore;
}

/** The owner and approver named by address, and the audience's directorates, checked against what exists. */
async function resolve(db: Executor, input: PolicyInput) {
  const owner = await repo.userByEmail(db, input.ownerEmail);
  if (!owner) throw fieldError('ownerEmail', `No one has an account with the address ${input.ownerEmail}`);
  const approver = await repo.userByEmail(db, input.approverEmail);
  if (!approver)
    throw fieldError('approverEmail', `No one has an account with the address ${input.approverEmail}`);
  const known = new Set((await listDirectorates(db)).map((d) => d.id));
  if (input.directorateIds.some((id) => !known.has(id)))
    throw fieldError('directorateIds', 'Select directorates from the list');
  return {
    title: input.title,
    kind: input.kind,
    summary: input.summary ?? '',
    ownerId: owner.id,
    approverId: approver.id,
    audience: { directorateIds: input.directorateIds, roles: input.roles, workerTypes: input.workerTypes },
    reviewMonths: input.reviewMonths,
    public: input.public,
  };
}

export async function createPolicy(deps: PoliciesDeps, caller: Caller, input: PolicyInput) {
  authorize(caller.principal, POLICIES.manage);
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const policy = await repo.insertPolicy(tx, await resolve(tx, input));
    await audit({
      action: 'policy.created',
      entityType: 'policy',
      entityId: policy.id,
      details: { kind: policy.kind, ownerId: policy.ownerId, approverId: policy.approverId },
    });
    return policy;
  });
}

/** Loads a policy its caller may change: its owner or the IG team (403 for anyone else). */
export async function editablePolicy(db: Executor, caller: Caller, id: number) {
  const policy = await repo.findPolicy(db, id);
  if (!policy) throw new NotFoundError('No such policy');
  if (!canEdit(caller.principal, policy))
    throw new ForbiddenError('Only the policy’s owner and the IG team can change it');
  return policy;
}

export async function changePolicy(
  deps: PoliciesDeps,
  caller: Caller,
  id: number,
  version: number,
  input: PolicyInput,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    await editablePolicy(tx, caller, id);
    const saved = await repo.updatePolicy(tx, id, version, await resolve(tx, input));
    if (!saved)
      throw new ConflictError(
        'Someone else changed this policy while you were editing it. Check it and try again.',
      );
    await audit({
      action: 'policy.changed',
      entityType: 'policy',
      entityId: id,
      details: { reviewMonths: saved.reviewMonths },
    });
    return saved;
  });
}

/** A review that finds no change: the next review is the interval on from today. */
export async function recordReview(deps: PoliciesDeps, caller: Caller, id: number) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const policy = await editablePolicy(tx, caller, id);
    const published = (await repo.versionsOf(tx, id)).some((v) => v.status === 'published');
    if (!published) throw new ConflictError('Publish a first version before recording a review');
    const next = nextReviewFrom(londonToday(deps.clock), policy.reviewMonths);
    await repo.setNextReview(tx, id, next);
    await audit({
      action: 'policy.reviewed',
      entityType: 'policy',
      entityId: id,
      details: { nextReviewOn: next },
    });
    return next;
  });
}

/** Someone excused from a policy until a day, with the reason (long-term leave, a post it does not fit). */
export async function grantException(
  deps: PoliciesDeps,
  caller: Caller,
  id: number,
  input: ExceptionInput,
  staffId: number | undefined,
) {
  authorize(caller.principal, POLICIES.manage);
  if (!staffId) throw fieldError('person', `No one is known as ${input.person}`);
  if (input.expiresOn < londonToday(deps.clock))
    throw fieldError('expiresOn', 'The exception must end today or later');
  return runCommand(deps, caller.actor, async (tx, audit) => {
    if (!(await repo.findPolicy(tx, id))) throw new NotFoundError('No such policy');
    const granted = await repo.insertException(tx, {
      policyId: id,
      staffId,
      reason: input.reason,
      expiresOn: input.expiresOn,
      grantedBy: caller.principal.id,
    });
    await audit({
      action: 'policy.exception-granted',
      entityType: 'policy',
      entityId: id,
      details: { staffId, expiresOn: input.expiresOn },
    });
    return granted;
  });
}
