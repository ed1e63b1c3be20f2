import { londonToday } from '../../../../platform/clock.ts';
import { fieldError } from '../../../../platform/validation.ts';
import { isWhatDoTheyKnowAddress, type CaseType } from '../../../../domain/requests/workflow.ts';
import { runCommand } from '../../../../platform/commands.ts';
import type { Tx } from '../../../../platform/db/database.ts';
import type { Caller } from '../../../../platform/web/request.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import { caseDeadlines } from '../../case-clock.ts';
import type { NewCase } from '../../inputs.ts';
import * as repo from '../../repository.ts';
import type { RequestCase } from '../../repository.ts';
import { acknowledge } from './acknowledge.ts';
import { type RequestsDeps } from '../context.ts';

/**
 * A new case, from the public form, an officer or the API: its reference, its clock from the date of receipt, and
 * (when asked and there is an address) the acknowledgement, all in one transaction. An internal review takes the
 * reviewed case's directorate and runs on its review clock.
 */
export async function logRequest(
  deps: RequestsDeps,
  who: Caller | Actor,
  input: NewCase,
  options: { acknowledge?: boolean } = {},
): Promise<RequestCase> {
  const actor = 'actor' in who ? who.actor : who;
  const calendar = await deps.calendar.current();
  const today = londonToday(deps.clock);
  if (input.receivedOn > today) throw fieldError('receivedOn', 'The date received cannot be in the future');
  return runCommand(deps, actor, async (tx, audit) => {
    const reviewed = input.type === 'internal-review' ? await reviewedCase(tx, input.reviewOf) : undefined;
    const reviewedType = reviewed?.type as CaseType | undefined;
    const reference = await repo.nextReference(tx, input.type, Number(input.receivedOn.slice(0, 4)));
    const c = await repo.insertCase(tx, {
      ...newCaseRow(input, reviewed),
      reference,
      ...caseDeadlines(
        calendar,
        deps,
        {
          type: input.type,
          extended: false,
          clockStart: input.receivedOn,
          receivedOn: input.receivedOn,
          pauses: [],
        },
        reviewedType,
      ),
    });
    await audit({
      action: 'request.created',
      entityType: 'request-case',
      entityId: c.id,
      details: {
        reference,
        type: c.type,
        channel: c.channel,
        dueOn: c.dueOn,
        calendarVersion: c.calendarVersion,
      },
    });
    if (!options.acknowledge || !c.requesterEmail) return c;
    const caller = 'actor' in who ? who : undefined;
    const step = { tx, audit, deps, caller, action: 'acknowledge' as const, c, type: c.type as CaseType };
    return acknowledge({ ...step, reviewedType, pauses: [], calendar, today });
  });
}

/** The case an internal review is of, which must exist. */
async function reviewedCase(tx: Tx, id: number | undefined): Promise<RequestCase> {
  if (!id) throw fieldError('reviewOf', 'Say which case is being reviewed');
  const reviewed = await repo.findCase(tx, id);
  if (!reviewed) throw fieldError('reviewOf', 'The case to review does not exist');
  return reviewed;
}

/**
 * The new case's own fields: its clock starts on the day of receipt; a request from WhatDoTheyKnow is marked so replies
 * thread there; a review belongs where the reviewed case does.
 */
function newCaseRow(input: NewCase, reviewed: RequestCase | undefined) {
  const whatDoTheyKnow = isWhatDoTheyKnowAddress(input.requesterEmail);
  return {
    type: input.type,
    status: 'received',
    channel: whatDoTheyKnow ? 'whatdotheyknow' : input.channel,
    subject: input.subject,
    description: input.description,
    requesterName: input.requesterName,
    requesterEmail: input.requesterEmail || null,
    requesterAddress: input.requesterAddress || null,
    whatDoTheyKnow,
    pressInterest: input.pressInterest ?? false,
    receivedOn: input.receivedOn,
    clockStart: input.receivedOn,
    directorateId: reviewed?.directorateId ?? null,
    reviewOf: reviewed?.id ?? null,
  };
}
