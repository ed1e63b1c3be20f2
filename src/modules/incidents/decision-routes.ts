import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { labelledPdf } from '../../platform/documents/pdf.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { icoDeadline } from '../../domain/incidents/ico-clock.ts';
import { isLate } from '../../domain/incidents/workflow.ts';
import type { ReportPhase } from '../../domain/incidents/ico-report.ts';
import {
  icoDecisionSchema,
  icoSubmissionSchema,
  notificationSchema,
  subjectsDecisionSchema,
} from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { riskOf } from './case-state.ts';
import { LABELS, momentFields, when } from './presenters.ts';

type Deps = Pick<Services, 'incidents'>;

const idOf = (req: Request) => requireId(req.params.id, 'incident');
const phaseOf = (req: Request): ReportPhase => (req.query.phase === 'follow-up' ? 'follow-up' : 'initial');

/**
 * The decisions (Art 33: the ICO; Art 34: the people affected), the ICO report to copy from and its PDF, the reports
 * sent to the ICO, and the other bodies told.
 */
export function decisionRoutes(deps: Deps): Routes {
  const page =
    (
      view: string,
      valuesOf: (i: Awaited<ReturnType<Deps['incidents']['caseFor']>>['incident']) => Record<string, unknown>,
    ) =>
    async (req: Request, res: Response, invalid: Partial<InvalidForm> = {}) => {
      const detail = await deps.incidents.caseFor(callerOf(req), idOf(req));
      if (detail.reporterOnly) throw new ForbiddenError('This case is not one you handle');
      if (view !== 'notification' && !detail.mayDecide)
        throw new ForbiddenError(
          'Only the DPO, or the deputy on the out-of-hours rota today, makes this decision',
        );
      const { incident } = detail;
      res.render(`incidents/views/${view}.njk`, {
        ...detail,
        risk: riskOf(incident),
        icoDue: incident.awareAt ? icoDeadline(incident.awareAt) : null,
        values: invalid.values ?? valuesOf(incident),
        when,
        ...LABELS,
        ...invalid,
      });
    };
  const icoPage = page('decide-ico', (i) => ({
    version: i.version,
    decision: i.icoDecision,
    reason: i.icoReason,
  }));
  const subjectsPage = page('decide-subjects', (i) => ({
    version: i.version,
    decision: i.subjectsDecision,
    reason: i.subjectsReason,
    exemption: i.art34Exemption,
  }));
  const submissionPage = page('ico-submission', (i) => ({
    version: i.version,
    phase: i.icoReportedAt ? 'follow-up' : 'initial',
    icoReference: i.icoReference,
    ...momentFields('submitted', new Date()),
  }));
  const notificationPage = page('notification', () => ({}));
  const decided = (text: string) => (req: Request, res: Response) => {
    req.session.flash = { type: 'success', text };
    res.redirect(303, `/incidents/${idOf(req)}`);
  };

  return new Routes()
    .get('/incidents/:id/ico-decision', INCIDENTS.decide, (req, res) => icoPage(req, res))
    .post(
      '/incidents/:id/ico-decision',
      INCIDENTS.decide,
      form(
        icoDecisionSchema,
        async (input, req, res) => {
          await deps.incidents.decideIco(callerOf(req), idOf(req), input);
          decided('The decision on telling the ICO is recorded')(req, res);
        },
        (invalid, req, res) => icoPage(req, res, invalid),
      ),
    )
    .get('/incidents/:id/subjects-decision', INCIDENTS.decide, (req, res) => subjectsPage(req, res))
    .post(
      '/incidents/:id/subjects-decision',
      INCIDENTS.decide,
      form(
        subjectsDecisionSchema,
        async (input, req, res) => {
          await deps.incidents.decideSubjects(callerOf(req), idOf(req), input);
          decided('The decision on telling the people affected is recorded')(req, res);
        },
        (invalid, req, res) => subjectsPage(req, res, invalid),
        { values: (req) => ({ ...req.body, toldOn: dateFromFields(req.body, 'toldOn') }) },
      ),
    )
    .get('/incidents/:id/ico-report', INCIDENTS.view, async (req, res) => {
      const phase = phaseOf(req);
      const { incident, sections } = await deps.incidents.icoReportFor(callerOf(req), idOf(req), phase);
      res.render('incidents/views/ico-report.njk', {
        incident,
        sections,
        phase,
        late: isLate(incident.awareAt!, incident.icoReportedAt ?? new Date()),
        ...LABELS,
      });
    })
    .get('/incidents/:id/ico-reports/:report', INCIDENTS.view, async (req, res) => {
      const { incident, sent } = await deps.incidents.sentIcoReport(
        callerOf(req),
        idOf(req),
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
      const { incident, sections } = await deps.incidents.icoReportFor(callerOf(req), idOf(req), phase);
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
    })
    .get('/incidents/:id/ico-submissions', INCIDENTS.decide, (req, res) => submissionPage(req, res))
    .post(
      '/incidents/:id/ico-submissions',
      INCIDENTS.decide,
      form(
        icoSubmissionSchema,
        async (input, req, res) => {
          await deps.incidents.recordIcoSubmission(callerOf(req), idOf(req), input);
          decided(
            input.phase === 'initial'
              ? 'The report to the ICO is recorded'
              : 'The follow-up report is recorded',
          )(req, res);
        },
        (invalid, req, res) => submissionPage(req, res, invalid),
        { values: (req) => ({ ...req.body, submittedOn: dateFromFields(req.body, 'submittedOn') }) },
      ),
    )
    .get('/incidents/:id/notifications', INCIDENTS.manage, (req, res) => notificationPage(req, res))
    .post(
      '/incidents/:id/notifications',
      INCIDENTS.manage,
      form(
        notificationSchema,
        async (input, req, res) => {
          await deps.incidents.addNotification(callerOf(req), idOf(req), input);
          decided(`Recorded that ${LABELS.OTHER_BODIES[input.body]} was told`)(req, res);
        },
        (invalid, req, res) => notificationPage(req, res, invalid),
        { values: (req) => ({ ...req.body, toldOn: dateFromFields(req.body, 'toldOn') }) },
      ),
    );
}
