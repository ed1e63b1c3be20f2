import {
  ACTION_KINDS,
  ART_34_EXEMPTIONS,
  BREACH_TYPES,
  CAUSES,
  CLASSIFICATIONS,
  DATA_CATEGORIES,
  ONGOING,
  OTHER_BODIES,
  ROUGH_NUMBERS,
  SPECIAL_CATEGORIES,
  STAFF_TRAINING,
  SUBJECT_CATEGORIES,
} from '../../domain/incidents/taxonomy.ts';
import {
  ENISA_ADJUSTMENT,
  ENISA_BANDS,
  ENISA_DATA_CONTEXT,
  ENISA_IDENTIFICATION,
  ENISA_LOSS,
  LIKELIHOOD,
  RISK_OUTCOMES,
  SEVERITY,
} from '../../domain/incidents/risk.ts';
import { INCIDENT_STATUSES } from '../../domain/incidents/workflow.ts';
import { dayWords, londonParts, londonWords, parseLondonMoment } from '../../domain/incidents/ico-clock.ts';
import type { IncidentRow } from './repository.ts';
import type { AuditEvent } from '../../platform/audit/service.ts';
import { dateFields } from '../../platform/web/forms.ts';

const labelsOf = <T extends Record<string, { label: string }>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.label])) as Record<keyof T, string>;

/** Every word list a page of this module shows, by the name templates use. */
export const LABELS = {
  ACTION_KINDS,
  ART_34_EXEMPTIONS,
  BREACH_TYPES,
  CAUSES: labelsOf(CAUSES),
  CLASSIFICATIONS,
  DATA_CATEGORIES,
  ONGOING,
  OTHER_BODIES,
  ROUGH_NUMBERS,
  SPECIAL_CATEGORIES,
  STAFF_TRAINING,
  SUBJECT_CATEGORIES,
  LIKELIHOOD,
  SEVERITY,
  RISK_OUTCOMES,
  INCIDENT_STATUSES,
  ENISA_BANDS,
  ENISA_DATA_CONTEXT: labelsOf(ENISA_DATA_CONTEXT),
  ENISA_IDENTIFICATION: labelsOf(ENISA_IDENTIFICATION),
  ENISA_ADJUSTMENT: {
    down: 'Lower: few people, or already public',
    none: 'No change',
    up: 'Higher: many or vulnerable people',
  } satisfies Record<keyof typeof ENISA_ADJUSTMENT, string>,
  ENISA_LOSS: {
    none: 'None',
    limited: 'Limited or recoverable',
    serious: 'Serious or permanent',
  } satisfies Record<keyof typeof ENISA_LOSS, string>,
};

/** "10:30 on 30 March 2026 (BST)", or nothing for no moment. */
export const when = (moment: Date | null | undefined) => (moment ? londonWords(new Date(moment)) : '');

/** A moment shown again in a form: its London date's three fields and its time. */
export function momentFields(name: string, moment: Date | null): Record<string, string> {
  if (!moment) return {};
  const { date, hour, minute } = londonParts(moment);
  return {
    ...dateFields(`${name}On`, date),
    [`${name}Time`]: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  };
}

const TIMELINE: Record<string, string> = {
  'incident.reported': 'Reported',
  'incident.triaged': 'Triaged',
  'incident.triage-changed': 'Triage changed',
  'incident.assessed': 'Assessed',
  'incident.ico-decided': 'ICO decision recorded',
  'incident.ico-reported': 'Report to the ICO recorded',
  'incident.subjects-decided': 'Decision on telling the people affected recorded',
  'incident.body-told': 'Another body told',
  'incident.action-added': 'Action added',
  'incident.action-done': 'Action done',
  'incident.lessons-recorded': 'Lessons-learned review recorded',
  'incident.escalated': 'Escalated',
  'incident.closed': 'Closed',
};

/** What each detail of an event is called on the timeline; details not named here are not shown. */
const DETAIL_LABELS: Record<string, string> = {
  classification: 'what it is',
  aware: 'aware',
  icoDue: 'ICO deadline',
  cause: 'cause',
  risk: 'risk',
  enisa: 'ENISA score',
  staffInvolved: 'staff involved',
  decision: 'decision',
  exemption: 'exemption',
  afterDeadline: 'after the deadline',
  phase: 'report',
  late: 'late',
  icoReference: 'ICO reference',
  body: 'told',
  kind: 'kind',
  dueOn: 'due',
  stage: 'stage',
  recipients: 'people told',
  nearMiss: 'near miss',
  ongoing: 'still happening',
  reporterKind: 'reported by',
};

const moment = (v: unknown) => {
  try {
    return londonWords(parseLondonMoment(String(v)));
  } catch {
    return String(v);
  }
};

const DETAIL_WORDS: Record<string, (v: unknown) => string> = {
  aware: moment,
  icoDue: moment,
  reporterKind: (v) => (v === 'public' ? 'a member of the public' : 'a member of staff'),
  stage: (v) => String(v).replace(/-/g, ' '),
  classification: (v) => CLASSIFICATIONS[v as keyof typeof CLASSIFICATIONS] ?? String(v),
  cause: (v) => CAUSES[v as keyof typeof CAUSES]?.label ?? String(v),
  body: (v) => OTHER_BODIES[v as keyof typeof OTHER_BODIES] ?? String(v),
  kind: (v) => ACTION_KINDS[v as keyof typeof ACTION_KINDS] ?? String(v),
};

/** The case's append-only history, from the audit trail, in words: who, when, what. */
export function timelineOf(events: AuditEvent[]) {
  return events.map((e) => {
    const details = e.details as Record<string, unknown>;
    const facts = Object.entries(details)
      .filter(([k, v]) => v !== null && v !== undefined && k in DETAIL_LABELS)
      .map(([k, v]) => {
        const value = typeof v === 'boolean' ? (v ? 'yes' : 'no') : (DETAIL_WORDS[k]?.(v) ?? String(v));
        return `${DETAIL_LABELS[k]}: ${value}`;
      });
    return {
      at: when(e.occurredAt),
      who: e.actorLabel,
      what: TIMELINE[e.action] ?? e.action,
      facts: facts.join('; '),
    };
  });
}

/** The two decisions in words: what was decided, why, by whom and when (or that nobody has yet). */
export function decisionsOf(
  i: IncidentRow,
  people: ReadonlyMap<number, { name: string }>,
): { ico: string; subjects: string } {
  const by = (id: number | null, at?: Date | null) =>
    id && people.get(id) ? ` — ${people.get(id)!.name}${at ? `, ${when(at)}` : ''}` : '';
  const ico = i.icoDecision
    ? `${i.icoDecision === 'report' ? 'Yes, report it' : 'No'}: ${i.icoReason}${by(i.icoDecidedBy, i.icoDecidedAt)}`
    : 'Not yet decided';
  const subjects = i.subjectsDecision
    ? `${i.subjectsDecision === 'tell' ? 'Yes' : 'No'}${i.subjectsToldOn ? `, told ${dayWords(i.subjectsToldOn)}` : ''}: ${i.subjectsReason}${i.art34Exemption ? ` ${ART_34_EXEMPTIONS[i.art34Exemption]}` : ''}${by(i.subjectsDecidedBy)}`
    : 'Not yet decided';
  return { ico, subjects };
}
