import type { Services } from '../../platform/modules.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { icoDeadline } from '../../domain/incidents/ico-clock.ts';
import { enisaScore } from '../../domain/incidents/risk.ts';
import { assessSchema, lessonsSchema, triageSchema, versionSchema } from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { riskOf } from './case-state.ts';
import { canManage } from './policy.ts';
import { caseForm, incidentIdOf } from './case-form.ts';
import { decisionsOf, LABELS, momentFields, timelineOf, when } from './presenters.ts';
import { standingText } from '../training/index.ts';

type Deps = Pick<Services, 'incidents' | 'organisation' | 'staff' | 'training'>;

/**
 * A case: its page (the report, the clock, triage, assessment, decisions, actions, lessons and the timeline), and
 * the forms that move it on — triage, assessment, the lessons review and closing.
 */
export function caseRoutes(deps: Deps): Routes {
  /** What the training records say of the staff involved: each one's mandatory courses today. */
  const trainingOf = async (userIds: readonly number[]) => {
    const records = [];
    for (const userId of userIds) {
      const person = await deps.staff.byUser(userId);
      if (!person) continue;
      const { standings } = await deps.training.mandatoryOf(person);
      records.push({
        name: person.name,
        courses: standings.map((s) => `${s.course.title}: ${standingText(s.standing).text}`),
      });
    }
    return records;
  };

  const routes = new Routes().get('/incidents/:id', INCIDENTS.report, async (req, res) => {
    const detail = await deps.incidents.caseFor(callerOf(req), incidentIdOf(req));
    if (detail.reporterOnly)
      return res.render('incidents/views/reported.njk', { incident: detail.incident, when, ...LABELS });
    const { incident } = detail;
    const directorates = await deps.organisation.directorates();
    res.render('incidents/views/case.njk', {
      ...detail,
      directorateName: directorates.find((d) => d.id === incident.directorateId)?.name,
      risk: riskOf(incident),
      enisa: incident.enisa ? enisaScore(incident.enisa) : null,
      icoDue: incident.awareAt && incident.classification === 'breach' ? icoDeadline(incident.awareAt) : null,
      timeline: timelineOf(detail.timeline),
      decisions: decisionsOf(incident, detail.people),
      trainingRecords: await trainingOf(incident.staffInvolved),
      canManage: canManage(req.principal, incident),
      when,
      ...LABELS,
    });
  });
  caseForm(routes, deps.incidents, {
    path: '/incidents/:id/triage',
    permission: INCIDENTS.manage,
    view: 'triage',
    schema: triageSchema,
    dates: ['awareOn'],
    extra: async () => ({ directorates: await deps.organisation.directorates() }),
    valuesOf: ({ incident }) => ({
      version: incident.version,
      classification: incident.classification ?? (incident.nearMissReported ? 'near-miss' : ''),
      directorateId: incident.directorateId ?? '',
      service: incident.service,
      triageNote: incident.triageNote,
      ...momentFields('aware', incident.awareAt ?? incident.reportedAt),
    }),
    save: (caller, id, input) => deps.incidents.triage(caller, id, input),
    done: () => 'Triage recorded',
  });
  caseForm(routes, deps.incidents, {
    path: '/incidents/:id/assess',
    permission: INCIDENTS.manage,
    view: 'assess',
    schema: assessSchema,
    extra: async ({ incident }) => ({ trainingRecords: await trainingOf(incident.staffInvolved) }),
    valuesOf: ({ incident, people }) => ({
      ...incident,
      staffEmails: incident.staffInvolved.map((id) => people.get(id)?.email ?? '').join('\n'),
      peopleCount: incident.peopleCount ?? '',
      recordsCount: incident.recordsCount ?? '',
      children: incident.children ? 'yes' : '',
      vulnerableAdults: incident.vulnerableAdults ? 'yes' : '',
      enisaDataContext: incident.enisa?.dataContext,
      enisaAdjustment: incident.enisa?.adjustment,
      enisaIdentification: incident.enisa?.identification,
      enisaConfidentiality: incident.enisa?.confidentiality,
      enisaIntegrity: incident.enisa?.integrity,
      enisaAvailability: incident.enisa?.availability,
      enisaMalicious: incident.enisa?.malicious ? 'yes' : '',
    }),
    save: (caller, id, input) => deps.incidents.assess(caller, id, input),
    done: () => 'Assessment saved',
  });
  caseForm(routes, deps.incidents, {
    path: '/incidents/:id/lessons',
    permission: INCIDENTS.manage,
    view: 'lessons',
    schema: lessonsSchema,
    valuesOf: ({ incident }) => incident,
    save: (caller, id, input) => deps.incidents.recordLessons(caller, id, input),
    done: () => 'Lessons-learned review recorded',
  });
  return caseForm(routes, deps.incidents, {
    path: '/incidents/:id/close',
    permission: INCIDENTS.manage,
    view: 'close',
    schema: versionSchema,
    valuesOf: ({ incident }) => ({ version: incident.version }),
    save: (caller, id, input) => deps.incidents.close(caller, id, input.version),
    done: () => 'The case is closed',
  });
}
