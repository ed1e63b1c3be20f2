import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { icoDeadline } from '../../domain/incidents/ico-clock.ts';
import { enisaScore } from '../../domain/incidents/risk.ts';
import { assessSchema, lessonsSchema, triageSchema, versionSchema } from './inputs.ts';
import { INCIDENTS } from './permissions.ts';
import { riskOf } from './case-state.ts';
import { canManage } from './policy.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { decisionsOf, LABELS, momentFields, timelineOf, when } from './presenters.ts';

type Deps = Pick<Services, 'incidents' | 'organisation'>;

const idOf = (req: Request) => requireId(req.params.id, 'incident');

/**
 * A case: its page (the report, the clock, triage, assessment, decisions, actions, lessons and the timeline), and
 * the forms that move it on — triage, assessment, the lessons review and closing.
 */
export function caseRoutes(deps: Deps): Routes {
  /** The whole case, for a form of those who handle it. */
  const load = async (req: Request) => {
    const detail = await deps.incidents.caseFor(callerOf(req), idOf(req));
    if (detail.reporterOnly) throw new ForbiddenError('This case is not one you handle');
    return detail;
  };
  /** A form page of the case, with what was typed or the case's own values. */
  const formPage =
    (view: string, valuesOf: (detail: Awaited<ReturnType<typeof load>>) => Record<string, unknown>) =>
    async (req: Request, res: Response, page: Partial<InvalidForm> = {}) => {
      const detail = await load(req);
      res.render(`incidents/views/${view}.njk`, {
        ...detail,
        directorates: await deps.organisation.directorates(),
        values: page.values ?? valuesOf(detail),
        when,
        ...LABELS,
        ...page,
      });
    };
  const triagePage = formPage('triage', ({ incident }) => ({
    version: incident.version,
    classification: incident.classification ?? (incident.nearMissReported ? 'near-miss' : ''),
    directorateId: incident.directorateId ?? '',
    service: incident.service,
    triageNote: incident.triageNote,
    ...momentFields('aware', incident.awareAt ?? incident.reportedAt),
  }));
  const assessPage = formPage('assess', (detail) => {
    const { incident } = detail;
    const { people } = detail;
    return {
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
    };
  });
  const lessonsPage = formPage('lessons', ({ incident }) => incident);
  const closePage = formPage('close', ({ incident }) => ({ version: incident.version }));

  return new Routes()
    .get('/incidents/:id', INCIDENTS.report, async (req, res) => {
      const detail = await deps.incidents.caseFor(callerOf(req), idOf(req));
      if (detail.reporterOnly)
        return res.render('incidents/views/reported.njk', { incident: detail.incident, when, ...LABELS });
      const { incident } = detail;
      const directorates = await deps.organisation.directorates();
      res.render('incidents/views/case.njk', {
        ...detail,
        directorateName: directorates.find((d) => d.id === incident.directorateId)?.name,
        risk: riskOf(incident),
        enisa: incident.enisa ? enisaScore(incident.enisa) : null,
        icoDue:
          incident.awareAt && incident.classification === 'breach' ? icoDeadline(incident.awareAt) : null,
        timeline: timelineOf(detail.timeline),
        decisions: decisionsOf(incident, detail.people),
        canManage: canManage(req.principal, incident),
        when,
        ...LABELS,
      });
    })
    .get('/incidents/:id/triage', INCIDENTS.manage, (req, res) => triagePage(req, res))
    .post(
      '/incidents/:id/triage',
      INCIDENTS.manage,
      form(
        triageSchema,
        async (input, req, res) => {
          await deps.incidents.triage(callerOf(req), idOf(req), input);
          req.session.flash = { type: 'success', text: 'Triage recorded' };
          res.redirect(303, `/incidents/${idOf(req)}`);
        },
        (page, req, res) => triagePage(req, res, page),
        { values: (req) => ({ ...req.body, awareOn: dateFromFields(req.body, 'awareOn') }) },
      ),
    )
    .get('/incidents/:id/assess', INCIDENTS.manage, (req, res) => assessPage(req, res))
    .post(
      '/incidents/:id/assess',
      INCIDENTS.manage,
      form(
        assessSchema,
        async (input, req, res) => {
          await deps.incidents.assess(callerOf(req), idOf(req), input);
          req.session.flash = { type: 'success', text: 'Assessment saved' };
          res.redirect(303, `/incidents/${idOf(req)}`);
        },
        (page, req, res) => assessPage(req, res, page),
      ),
    )
    .get('/incidents/:id/lessons', INCIDENTS.manage, (req, res) => lessonsPage(req, res))
    .post(
      '/incidents/:id/lessons',
      INCIDENTS.manage,
      form(
        lessonsSchema,
        async (input, req, res) => {
          await deps.incidents.recordLessons(callerOf(req), idOf(req), input);
          req.session.flash = { type: 'success', text: 'Lessons-learned review recorded' };
          res.redirect(303, `/incidents/${idOf(req)}`);
        },
        (page, req, res) => lessonsPage(req, res, page),
      ),
    )
    .get('/incidents/:id/close', INCIDENTS.manage, (req, res) => closePage(req, res))
    .post(
      '/incidents/:id/close',
      INCIDENTS.manage,
      form(
        versionSchema,
        async (input, req, res) => {
          await deps.incidents.close(callerOf(req), idOf(req), input.version);
          req.session.flash = { type: 'success', text: 'The case is closed' };
          res.redirect(303, `/incidents/${idOf(req)}`);
        },
        (page, req, res) => closePage(req, res, page),
      ),
    );
}
