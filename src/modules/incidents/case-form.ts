import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { Permission } from '../../platform/authz/permissions.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf, type Caller } from '../../platform/web/request.ts';
import type { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { icoDeadline } from '../../domain/incidents/ico-clock.ts';
import type { IncidentsService } from './incidents-service.ts';
import { riskOf } from './case-state.ts';
import { LABELS, when } from './presenters.ts';

/** The whole case, as those who handle it see it. */
export type CaseDetail = Exclude<Awaited<ReturnType<IncidentsService['caseFor']>>, { reporterOnly: true }>;

export const incidentIdOf = (req: Request) => requireId(req.params.id, 'incident');

/** One form on a case: its page (GET) and its save (POST), back to the case with a confirmation. */
export interface CaseFormSpec<S extends z.ZodType> {
  path: string;
  permission: Permission;
  view: string;
  schema: S;
  /** The form's fields before anything is typed: the case's own values. */
  valuesOf: (detail: CaseDetail, req: Request) => Record<string, unknown>;
  /** Date inputs, each sent as three fields. */
  dates?: string[];
  /** A decision only the DPO, or the deputy on today's rota, takes: anyone else is refused the page too. */
  decision?: boolean;
  /** More for the page than the case itself (the directorates to choose from, the staff's training records). */
  extra?: (detail: Awaited<ReturnType<IncidentsService['caseFor']>>) => Promise<Record<string, unknown>>;
  save: (caller: Caller, id: number, input: z.infer<S>) => Promise<unknown>;
  /** The confirmation shown on the case. */
  done: (input: z.infer<S>) => string;
  /** Where on the case page to land. */
  fragment?: string;
}

/** Adds a case form's two routes: validate → authorise (in the command) → save → back to the case. */
export function caseForm<S extends z.ZodType>(
  routes: Routes,
  incidents: IncidentsService,
  spec: CaseFormSpec<S>,
): Routes {
  const page = async (req: Request, res: Response, invalid: Partial<InvalidForm> = {}) => {
    const detail = await incidents.caseFor(callerOf(req), incidentIdOf(req));
    if (detail.reporterOnly) throw new ForbiddenError('This case is not one you handle');
    if (spec.decision && !detail.mayDecide)
      throw new ForbiddenError(
        'Only the DPO, or the deputy on the out-of-hours rota today, makes this decision',
      );
    const { incident } = detail;
    res.render(`incidents/views/${spec.view}.njk`, {
      ...detail,
      ...(spec.extra ? await spec.extra(detail) : {}),
      risk: riskOf(incident),
      icoDue: incident.awareAt ? icoDeadline(incident.awareAt) : null,
      values: invalid.values ?? spec.valuesOf(detail, req),
      when,
      ...LABELS,
      ...invalid,
    });
  };
  return routes
    .get(spec.path, spec.permission, (req, res) => page(req, res))
    .post(
      spec.path,
      spec.permission,
      form(
        spec.schema,
        async (input, req, res) => {
          const id = incidentIdOf(req);
          await spec.save(callerOf(req), id, input);
          req.session.flash = { type: 'success', text: spec.done(input) };
          res.redirect(303, `/incidents/${id}${spec.fragment ? `#${spec.fragment}` : ''}`);
        },
        (invalid, req, res) => page(req, res, invalid),
        {
          values: (req) => ({
            ...(req.body as Record<string, unknown>),
            ...Object.fromEntries((spec.dates ?? []).map((name) => [name, dateFromFields(req.body, name)])),
          }),
        },
      ),
    );
}
