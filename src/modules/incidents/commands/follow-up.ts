import { runCommand, NotFoundError, ValidationError } from '../../../platform/commands.ts';
import { authorize } from '../../../platform/authz/policy.ts';
import { londonToday } from '../../../platform/clock.ts';
import { fieldError } from '../../../platform/validation.ts';
import type { Caller } from '../../../platform/web/request.ts';
import { closureProblems } from '../../../domain/incidents/workflow.ts';
import type { ActionInput, LessonsInput } from '../inputs.ts';
import * as repo from '../repository.ts';
import { canManage } from '../policy.ts';
import { stateOf } from '../case-state.ts';
import { openCase, type IncidentsDeps } from './context.ts';

/** A containment, recovery or prevention action, owned by a member of staff who is told of it. */
export async function addAction(deps: IncidentsDeps, caller: Caller, id: number, input: ActionInput) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await openCase(tx, caller, id);
    if (incident.status === 'reported') throw new ValidationError('Triage the report first');
    const [owner] = await repo.usersByEmail(tx, [input.ownerEmail.toLowerCase()]);
    if (!owner)
      throw fieldError('ownerEmail', `No member of staff has the e-mail address ${input.ownerEmail}`);
    const action = await repo.insertAction(tx, {
      incidentId: id,
      kind: input.kind,
      description: input.description,
      ownerId: owner.id,
      dueOn: input.dueOn,
    });
    await audit({
      action: 'incident.action-added',
      entityType: 'incident',
      entityId: id,
      details: { action: action.id, kind: input.kind, dueOn: input.dueOn },
    });
    await deps.mail.queue(tx, {
      to: owner.email,
      subject: `An action for you on incident ${incident.reference}, due ${input.dueOn}`,
      body: `You have been given a ${input.kind} action on incident ${incident.reference}. Find it in Custodian under Incidents, and record what shows it was done when it is.`,
      entityType: 'incident',
      entityId: id,
    });
    return action;
  });
}

/** Done, with the evidence: by the action's owner, or by the DPO or an IG officer. */
export async function completeAction(
  deps: IncidentsDeps,
  caller: Caller,
  actionId: number,
  evidence: string,
) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const action = await repo.findAction(tx, actionId);
    if (!action) throw new NotFoundError('No such action');
    const incident = await repo.findIncident(tx, action.incidentId);
    authorize(
      caller.principal,
      action.ownerId === caller.principal.id || (!!incident && canManage(caller.principal, incident)),
      undefined,
      'Only the action’s owner, the DPO or an IG officer can record that it was done',
    );
    if (incident?.status === 'closed') throw new ValidationError('This case is closed');
    const done = await repo.completeAction(tx, actionId, deps.clock.now(), evidence);
    if (!done) throw new ValidationError('This action has already been recorded as done');
    await audit({
      action: 'incident.action-done',
      entityType: 'incident',
      entityId: action.incidentId,
      details: { action: actionId },
    });
    return done;
  });
}

/** The lessons-learned review: what caused it, and what the council learned. */
export async function recordLessons(deps: IncidentsDeps, caller: Caller, id: number, input: LessonsInput) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await openCase(tx, caller, id, input.version);
    if (incident.status === 'reported') throw new ValidationError('Triage the report first');
    const now = deps.clock.now();
    const updated = await repo.updateIncident(
      tx,
      incident,
      { rootCause: input.rootCause, lessons: input.lessons, lessonsReviewedAt: now },
      now,
    );
    await audit({ action: 'incident.lessons-recorded', entityType: 'incident', entityId: id });
    return updated;
  });
}

/** Closes the case once nothing stands in the way: decisions made, actions done, lessons recorded. */
export async function closeIncident(deps: IncidentsDeps, caller: Caller, id: number, version: number) {
  return runCommand(deps, caller.actor, async (tx, audit) => {
    const incident = await openCase(tx, caller, id, version);
    const open = (await repo.actionsOf(tx, [id])).filter((a) => !a.action.doneAt).length;
    const problems = closureProblems(stateOf(incident, open));
    if (problems.length) throw new ValidationError(`It cannot be closed yet. ${problems.join('. ')}.`);
    const now = deps.clock.now();
    const updated = await repo.updateIncident(tx, incident, { status: 'closed', closedAt: now }, now);
    await audit({
      action: 'incident.closed',
      entityType: 'incident',
      entityId: id,
      details: { classification: incident.classification, on: londonToday(deps.clock) },
    });
    return updated;
  });
}
