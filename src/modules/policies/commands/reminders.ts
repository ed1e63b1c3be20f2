import { londonToday } from '../../../platform/clock.ts';
import { systemActor } from '../../../platform/audit/service.ts';
import { runCommand } from '../../../platform/commands.ts';
import { escalationDue, reminderDue } from '../../../domain/policies/policy.ts';
import type { PolicyStanding } from '../coverage.ts';
import * as repo from '../repository.ts';
import type { PoliciesDeps } from './library.ts';

/**
 * The daily round: everyone asked to acknowledge a policy who has not is reminded a week after it was published and
 * weekly after; after three weeks their line manager is told, once. Nobody without an address is written to, but
 * their manager still is.
 */
export async function remindPolicies(deps: PoliciesDeps, standings: PolicyStanding[]) {
  const today = londonToday(deps.clock);
  const versionIds = standings.flatMap((s) => (s.asked ? [s.asked.id] : []));
  const sent = await repo.remindersOf(deps.db.orm, versionIds);
  const people = new Map((await repo.workingToday(deps.db.orm, today)).map((p) => [p.id, p]));
  const mail: { to: string; subject: string; body: string; policyId: number }[] = [];
  const marks: { versionId: number; staffId: number; remindedOn?: string; escalatedOn?: string }[] = [];
  for (const s of standings) {
    if (!s.asked) continue;
    for (const person of s.outstanding) {
      const last = sent.get(`${s.asked.id}:${person.id}`);
      if (reminderDue(s.asked.publishedOn, last?.remindedOn ?? null, today)) {
        if (person.email)
          mail.push({
            to: person.email,
            subject: `Reminder: please acknowledge ${s.policy.title}`,
            body: `You have not yet confirmed that you have read ${s.policy.title} and will follow it. It is in Custodian, under Policies, “Your policies”.`,
            policyId: s.policy.id,
          });
        marks.push({ versionId: s.asked.id, staffId: person.id, remindedOn: today });
      }
      const manager = person.lineManagerId === null ? undefined : people.get(person.lineManagerId);
      if (manager?.email && escalationDue(s.asked.publishedOn, last?.escalatedOn ?? null, today)) {
        mail.push({
          to: manager.email,
          subject: `${person.name} has not acknowledged ${s.policy.title}`,
          body: `${person.name}, whom you manage, was asked three weeks ago to read ${s.policy.title} and confirm they will follow it, and has not. Please make time for them to do it.`,
          policyId: s.policy.id,
        });
        marks.push({ versionId: s.asked.id, staffId: person.id, escalatedOn: today });
      }
    }
  }
  if (!marks.length) return { reminded: 0, escalated: 0 };
  return runCommand(deps, systemActor('Policy reminders'), async (tx, audit) => {
    for (const m of mail)
      await deps.mail.queue(tx, {
        to: m.to,
        subject: m.subject,
        body: m.body,
        entityType: 'policy',
        entityId: m.policyId,
      });
    await repo.markReminded(tx, marks);
    const counts = {
      reminded: marks.filter((m) => m.remindedOn).length,
      escalated: marks.filter((m) => m.escalatedOn).length,
    };
    await audit({ action: 'policies.reminded', entityType: 'policy', details: counts });
    return counts;
  });
}
