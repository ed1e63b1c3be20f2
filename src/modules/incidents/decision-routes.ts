import type { Request } from 'express';
import type { Services } from '../../platform/modules.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { labelledPdf } from '../../platform/documents/pdf.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import type { ReportPhase } from '../../domain/incidents/ico-report.ts';
import {
  icoDecisionSchema,
  icoSubmissionSchema,
  notificationSchema,
  subjectsDecisionSchema,
} from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { LABELS, momentFields, when } from './presenters.ts';
import { caseForm, incidentIdOf } from './case-form.ts';

type Deps = Pick<Services, 'incidents'>;

const phaseOf = (req: Request): ReportPhase => (req.query.phase === 'follow-up' ? 'follow-up' : 'initial');

/**
 * The decisions (Art 33: the ICO; Art 34: the people affected), the ICO report to copy from and its PDF, the reports
 * sent to the ICO, and the other bodies told.
 */
export function decisionRoutes(deps: Deps): Routes {
  const routes = new Routes();
  caseForm(routes, deps.incidents, {
    path: '/incidents/:id/ico-decision',
    permission: INCIDENTS.decide,
    view: 'decide-ico',
    decision: true,
    schema: icoDecisionSchema,
    valuesOf: ({ incident: i }) => ({ version: i.version, decision: i.icoDecision, reason: i.icoReason }),
    save: (caller, id, input) => deps.incidents.decideIco(caller, id, input),
    done: () => 'The decision on telling the ICO is recorded',
  });
  caseForm(routes, deps.incidents, {
    path: '/incidents/:id/subjects-decision',
    permission: INCIDENTS.decide,
    view: 'decide-subjects',
    decision: true,
    schema: subjectsDecisionSchema,
    dates: ['toldOn'],
    valuesOf: ({ incident: i }) => ({
      version: i.version,
      decision: i.subjectsDecision,
      reason: i.subjectsReason,
      exemption: i.art34Exemption,
    }),
    save: (caller, id, input) => deps.incidents.decideSubjects(caller, id, input),
    done: () => 'The decision on telling the people affected is recorded',
  });
  caseForm(routes, deps.incidents, {
    path: '/incidents/:id/ico-submissions',
    permission: INCIDENTS.decide,
    view: 'ico-submission',
    decision: true,
    schema: icoSubmissionSchema,
    dates: ['submittedOn'],
    valuesOf: ({ incident: i }) => ({
      version: i.version,
      phase: i.icoReportedAt ? 'follow-up' : 'initial',
      icoReference: i.icoReference,
      ...momentFields('submitted', deps.incidents.now()),
    }),
    save: (caller, id, input) => deps.incidents.recordIcoSubmission(caller, id, input),
    done: (input) =>
      input.phase === 'initial' ? 'The report to the ICO is recorded' : 'The follow-up report is recorded',
  });
  caseForm(routes, deps.incidents, {
    path: '/incidents/:id/notifications',
    permission: INCIDENTS.manage,
    view: 'notification',
    schema: notificationSchema,
    dates: ['toldOn'],
    valuesOf: () => ({}),
    save: (caller, id, input) => deps.incidents.addNotification(caller, id, input),
    done: (input) => `Recorded that ${LABELS.OTHER_BODIES[input.body]} was told`,
  });

  return routes
    .get('/incidents/:id/ico-report', INCIDENTS.view, async (req, res) => {
      const phase = phaseOf(req);
      const { incident, sections, late } = await deps.incidents.icoReportFor(
        callerOf(req),
        incidentIdOf(req),
        phase,
      );
      res.render('incidents/views/ico-report.njk', {
        incident,
        sections,
        phase,
        late,
        ...LABELS,
      });
    })
    .get('/incidents/:id/ico-reports/:report', INCIDENTS.view, async (req, res) => {
      const { incident, sent } = await deps.incidents.sentIcoReport(
        callerOf(req),
        incidentIdOf(req),
        requireId(req.params.report, 'report to the ICO'),
      );
      res.render('incidents/views/ico-report.njk', {
        incident,
        sections: sent.sections,
        phase: sent.phase,
        sentAt: when(sent.submittedAt),
        late: false,
        ...LABELS,
      });
    })
    .get('/incidents/:id/ico-report.pdf', INCIDENTS.view, async (req, res) => {
      const phase = phaseOf(req);
      const { incident, sections } = await deps.incidents.icoReportFor(
        callerOf(req),
        incidentIdOf(req),
        phase,
      );
      const content = await labelledPdf({
        title: `Personal data breach report: ${incident.reference} (${phase === 'initial' ? 'initial' : 'follow-up'})`,
        author: 'Custodian',
        sections: sections.map((s) => ({
          heading: s.title,
          lines: s.questions.map((q) => [q.question, q.answer] as const),
        })),
        footer: `${incident.reference} · answers for the ICO's online breach report form · OFFICIAL-SENSITIVE`,
      });
      sendFile(res, {
        filename: `${incident.reference}-ico-${phase}.pdf`,
        mediaType: 'application/pdf',
        content,
      });
    });
}
