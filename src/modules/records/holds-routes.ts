import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { londonToday } from '../../platform/clock.ts';
import { asArray, dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import type { HoldScopeInput } from './commands/holds/holds.ts';
import { holdFormSchema, reasonFormSchema } from './inputs.ts';
import { RECORDS } from './permissions.ts';
import { byFunction, holdScopeText } from './presenters.ts';

type Deps = Pick<Services, 'legalHolds' | 'retentionSchedule' | 'organisation' | 'clock'>;

/** Legal holds: seen by everyone in records, placed and released by the DPO and the records manager. */
export function holdsRoutes(deps: Deps): Routes {
  const holdForm = async (res: Response, page: Partial<InvalidForm> = {}) => {
    const [classes, sources, directorates] = await Promise.all([
      deps.retentionSchedule.inForce(),
      deps.retentionSchedule.sources(),
      deps.organisation.directorates(),
    ]);
    res.render('records/views/hold-form.njk', {
      groups: byFunction(classes),
      sources,
      directorates,
      values: {},
      ...page,
      chosen: asArray(page.values?.classCodes),
    });
  };
  /** The names a hold's scopes are written with. */
  const scopeNames = async () => {
    const [classes, directorates, sources] = await Promise.all([
      deps.retentionSchedule.inForce(),
      deps.organisation.directorates(),
      deps.retentionSchedule.sources(),
    ]);
    return {
      classCodes: new Map(classes.map((c) => [c.id, c.code])),
      directorates: new Map(directorates.map((d) => [d.id, d.name])),
      sources: new Map(sources.map((s) => [s.name, s.label])),
    };
  };
  const showHold = async (req: Request, res: Response, view: string, extra: Partial<InvalidForm> = {}) => {
    const hold = await deps.legalHolds.find({ id: requireId(req.params.id, 'hold') });
    const names = await scopeNames();
    res.render(view, {
      hold,
      scopes: hold.scopes.map((s) => holdScopeText(s, names)),
      records: await deps.legalHolds.countHeld(hold.id),
      today: londonToday(deps.clock),
      values: {},
      ...extra,
    });
  };
  return new Routes()
    .get('/records/holds', RECORDS.view, async (_req, res) => {
      const [holds, names] = await Promise.all([deps.legalHolds.list(), scopeNames()]);
      res.render('records/views/holds.njk', {
        holds: holds.map((h) => ({ ...h, scopeTexts: h.scopes.map((s) => holdScopeText(s, names)) })),
        today: londonToday(deps.clock),
      });
    })
    .get('/records/holds/new', RECORDS.hold, async (_req, res) => holdForm(res))
    .post(
      '/records/holds',
      RECORDS.hold,
      form(
        holdFormSchema,
        async (input, req, res) => {
          const hold = await deps.legalHolds.place(callerOf(req).actor, {
            name: input.name,
            reason: input.reason,
            authority: input.authority ?? '',
            requestedBy: input.requestedBy ?? '',
            reviewOn: input.reviewOn,
            scopes: scopesOf(input),
          });
          req.session.flash = { type: 'success', text: `Hold placed: ${hold.name}` };
          res.redirect(303, `/records/holds/${hold.id}`);
        },
        (page, _req, res) => holdForm(res, page),
        { values: (req) => ({ ...req.body, reviewOn: dateFromFields(req.body, 'reviewOn') }) },
      ),
    )
    .get('/records/holds/:id', RECORDS.view, (req, res) => showHold(req, res, 'records/views/hold.njk'))
    .get('/records/holds/:id/release', RECORDS.hold, (req, res) =>
      showHold(req, res, 'records/views/hold-release.njk'),
    )
    .post('/records/holds/:id/release', RECORDS.hold, async (req, res, next) => {
      const hold = await deps.legalHolds.find({ id: requireId(req.params.id, 'hold') });
      return form(
        reasonFormSchema,
        async ({ reason }) => {
          await deps.legalHolds.release(
            callerOf(req).actor,
            { id: hold.id, version: Number(req.body.version) || 0 },
            reason,
          );
          req.session.flash = { type: 'success', text: `Hold released: ${hold.name}` };
          res.redirect(303, `/records/holds/${hold.id}`);
        },
        (page) => showHold(req, res, 'records/views/hold-release.njk', page),
      )(req, res, next);
    });
}

/** The scopes a hold form names: every part that was filled in. */
function scopesOf(input: {
  classCodes: string[];
  source?: string;
  folder?: string;
  directorateId?: number;
  itemIds?: string;
  term?: string;
}): HoldScopeInput[] {
  return [
    ...input.classCodes.map((classCode) => ({ kind: 'class' as const, classCode })),
    ...(input.source ? [{ kind: 'source' as const, source: input.source, folder: input.folder }] : []),
    ...(input.directorateId ? [{ kind: 'directorate' as const, directorate: input.directorateId }] : []),
    ...(input.itemIds ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((id) => ({ kind: 'item' as const, itemId: Number(id) })),
    ...(input.term ? [{ kind: 'search' as const, term: input.term }] : []),
  ];
}
