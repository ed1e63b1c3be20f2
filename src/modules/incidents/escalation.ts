import { runCommand } from '../../platform/commands.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { londonToday } from '../../platform/clock.ts';
import type { Tx } from '../../platform/db/database.ts';
import { icoDeadline, inWorkingHours, londonWords } from '../../domain/incidents/ico-clock.ts';
import * as repo from './repository.ts';
import type { IncidentsDeps } from './commands/context.ts';

const HOUR = 3_600_000;

class AlreadySent extends Error {}

/**
 * The stages a case is escalated at. An untriaged report goes to the DPO after four working hours; a breach's running
 * clock goes to the DPO with 48 hours left, and to the DPO and the deputy on the rota with 24 left and when it runs
 * out. Outside working hours the deputy is told at every stage: that is what the out-of-hours rota is for.
 */
export const ESCALATION_STAGES = {
  'not-triaged': { deputy: false },
  '48-hours-left': { deputy: false },
  '24-hours-left': { deputy: true },
  'deadline-passed': { deputy: true },
} as const;
export type EscalationStage = keyof typeof ESCALATION_STAGES;

/** The stage a running clock has reached at a moment, if any: the latest one, as earlier ones were sent before. */
export function clockStage(awareAt: Date, now: Date): EscalationStage | null {
  const left = icoDeadline(awareAt).getTime() - now.getTime();
  if (left <= 0) return 'deadline-passed';
  if (left <= 24 * HOUR) return '24-hours-left';
  if (left <= 48 * HOUR) return '48-hours-left';
  return null;
}

/**
 * Sends what is due, each stage of each case once (a run repeated, or two processes running it, send nothing twice:
 * the stage is claimed in the same transaction as the mail is queued). Returns how many escalations went out.
 */
export async function escalate(deps: IncidentsDeps): Promise<{ escalated: number }> {
  const now = deps.clock.now();
  const calendar = await deps.calendar.current();
  const outOfHours = !inWorkingHours(calendar, now);
  const due: { incident: repo.IncidentRow; stage: EscalationStage }[] = [];
  for (const incident of await repo.untriaged(deps.db.orm))
    if (incident.triageDueAt <= now) due.push({ incident, stage: 'not-triaged' });
  for (const incident of await repo.runningClocks(deps.db.orm)) {
    const stage = clockStage(incident.awareAt!, now);
    if (stage) due.push({ incident, stage });
  }
  const sent = await repo.escalationsOf(
    deps.db.orm,
    due.map((d) => d.incident.id),
  );
  const already = new Set(sent.map((e) => `${e.incidentId}:${e.stage}`));
  let escalated = 0;
  for (const { incident, stage } of due.filter((d) => !already.has(`${d.incident.id}:${d.stage}`))) {
    const claimed = await runCommand(deps, systemActor('Incident escalation'), async (tx, audit) => {
      const recipients = await recipientsFor(tx, deps, ESCALATION_STAGES[stage].deputy || outOfHours);
      // Another process sent it since the list was read: roll back, having sent nothing.
      if (!(await repo.claimEscalation(tx, incident.id, stage, now, recipients.length)))
        throw new AlreadySent();
      for (const to of recipients)
        await deps.mail.queue(tx, {
          ...message(incident, stage),
          to,
          entityType: 'incident',
          entityId: incident.id,
        });
      await audit({
        action: 'incident.escalated',
        entityType: 'incident',
        entityId: incident.id,
        details: { stage, recipients: recipients.length },
      });
      return true;
    }).catch((error: unknown) => {
      if (error instanceof AlreadySent) return false;
      throw error;
    });
    if (claimed) escalated += 1;
  }
  return { escalated };
}

async function recipientsFor(tx: Tx, deps: IncidentsDeps, withDeputy: boolean): Promise<string[]> {
  const dpos = await repo.activeWithRole(tx, 'dpo');
  const deputies = withDeputy ? await repo.deputiesOn(tx, londonToday(deps.clock)) : [];
  return [...new Set([...dpos, ...deputies].map((p) => p.email))];
}

function message(incident: repo.IncidentRow, stage: EscalationStage): { subject: string; body: string } {
  const ref = incident.reference;
  if (stage === 'not-triaged')
    return {
      subject: `Not yet triaged after four working hours: ${ref}`,
      body: `Incident ${ref} was reported four working hours ago and nobody has triaged it. If it is a personal-data breach, the ICO's 72 hours may already be running. Triage it in Custodian under Incidents.`,
    };
  const due = londonWords(icoDeadline(incident.awareAt!));
  const when = {
    '48-hours-left': '48 hours left',
    '24-hours-left': '24 hours left',
    'deadline-passed': 'the 72 hours have passed',
  }[stage];
  return {
    subject: `ICO deadline for ${ref}: ${when}`,
    body:
      stage === 'deadline-passed'
        ? `The 72 hours to report breach ${ref} to the ICO ended at ${due} and no report or decision not to report has been recorded. Report it without further delay, giving the reasons for the delay, or record why it is not reportable.`
        : `Breach ${ref} must be reported to the ICO by ${due} (${when}), unless it is unlikely to result in a risk to people. Record the decision in Custodian under Incidents.`,
  };
}

/** Owners of actions due today or overdue are reminded once a day until the action is done. */
export async function remindActions(deps: IncidentsDeps): Promise<{ reminded: number }> {
  const today = londonToday(deps.clock);
  const due = await repo.actionsToRemind(deps.db.orm, today);
  if (!due.length) return { reminded: 0 };
  await runCommand(deps, systemActor('Incident reminders'), async (tx, audit) => {
    for (const d of due) {
      await deps.mail.queue(tx, {
        to: d.ownerEmail,
        subject: `${d.action.dueOn < today ? 'Overdue' : 'Due today'}: your action on incident ${d.reference}`,
        body: `Your ${d.action.kind} action on incident ${d.reference} was due on ${d.action.dueOn}. When it is done, record the evidence in Custodian under Incidents.`,
        entityType: 'incident',
        entityId: d.action.incidentId,
      });
    }
    await repo.markReminded(
      tx,
      due.map((d) => d.action.id),
      today,
    );
    await audit({
      action: 'incident.actions-reminded',
      entityType: 'incident',
      details: { actions: due.length },
    });
  });
  return { reminded: due.length };
}
