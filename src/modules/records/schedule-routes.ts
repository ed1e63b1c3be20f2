import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { fileForm } from '../../platform/web/upload.ts';
import { formatRetention, RETENTION_FROM, RETENTION_FROM_NAMES } from '../../domain/records/retention.ts';
import {
  DISPOSAL_ACTION_NAMES,
  DISPOSAL_ACTIONS,
  TRIGGER_IDS,
  TRIGGERS,
} from '../../domain/records/schedule.ts';
import { classFormSchema } from './inputs.ts';
import { RECORDS } from './permissions.ts';
import { actionName, byFunction, classFormValues, ruleSentence, triggerName } from './presenters.ts';
import { MAX_SCHEDULE_BYTES } from './schedule-file.ts';

type Deps = Pick<Services, 'retentionSchedule' | 'organisation'>;

/** The choices the class form offers, in the words a records manager uses. */
const CHOICES = {
  triggers: TRIGGER_IDS.map((id) => ({ value: id, text: TRIGGERS[id].name })),
  froms: RETENTION_FROM.map((value) => ({ value, text: `From ${RETENTION_FROM_NAMES[value]}` })),
  actions: DISPOSAL_ACTIONS.map((value) => ({ value, text: DISPOSAL_ACTION_NAMES[value] })),
};

/** The retention schedule: read by everyone in records, kept by the records manager. */
export function scheduleRoutes(deps: Deps): Routes {
  const classForm = async (
    res: Response,
    page: Partial<InvalidForm> & { code?: string; version?: number },
  ) => {
    res.render('records/views/class-form.njk', {
      ...CHOICES,
      directorates: await deps.organisation.directorates(),
      values: {},
      ...page,
    });
  };

  const showSchedule = async (res: Response, extra: Partial<InvalidForm> = {}) => {
    const classes = await deps.retentionSchedule.classes();
    res.render('records/views/schedule.njk', {
      groups: byFunction(classes.map((c) => ({ ...c, sentence: ruleSentence(c.rule) }))),
      total: classes.length,
      maxUploadMb: MAX_SCHEDULE_BYTES / 1024 / 1024,
      ...extra,
    });
  };

  return new Routes()
    .get('/records/schedule', RECORDS.view, async (_req, res) => showSchedule(res))
    .get('/records/schedule.csv', RECORDS.view, async (_req, res) => {
      res.attachment('retention-schedule.csv').type('text/csv');
      res.send(await deps.retentionSchedule.export('csv'));
    })
    .get('/records/schedule.xlsx', RECORDS.view, async (_req, res) => {
      res.attachment('retention-schedule.xlsx');
      res.send(await deps.retentionSchedule.export('xlsx'));
    })
    .post(
      '/records/schedule/import',
      RECORDS.manageSchedule,
      ...fileForm({
        maxBytes: MAX_SCHEDULE_BYTES,
        missing: 'Select a schedule file',
        page: (res, errors) => showSchedule(res, errors),
        work: async (file, req, res) => {
          const counts = await deps.retentionSchedule.import(callerOf(req).actor, file.bytes, file.name);
          req.session.flash = {
            type: 'success',
            text: `Schedule imported: ${counts.added} added, ${counts.changed} changed, ${counts.unchanged} unchanged`,
          };
          res.redirect(303, '/records/schedule');
        },
      }),
    )
    .get('/records/schedule/new', RECORDS.manageSchedule, async (_req, res) =>
      classForm(res, { values: { from: 'trigger', action: 'destroy', personalData: 'yes' } }),
    )
    .post(
      '/records/schedule/classes',
      RECORDS.manageSchedule,
      form(
        classFormSchema,
        async (input, req, res) => {
          const saved = await deps.retentionSchedule.save(callerOf(req).actor, input);
          req.session.flash = { type: 'success', text: `${saved.code} added to the schedule` };
          res.redirect(303, `/records/schedule/classes/${encodeURIComponent(saved.code)}`);
        },
        (page, _req, res) => classForm(res, page),
      ),
    )
    .get('/records/schedule/classes/:code', RECORDS.view, async (req, res) => {
      const c = await deps.retentionSchedule.find(String(req.params.code));
      const directorates = await deps.organisation.directorates();
      res.render('records/views/class.njk', {
        c,
        sentence: ruleSentence(c.rule),
        trigger: triggerName(c.rule.trigger),
        action: actionName(c.rule.action),
        owner: directorates.find((d) => d.id === c.ownerDirectorateId)?.name,
        versions: c.versions.map((v) => ({ ...v, sentence: ruleSentence(v) })),
      });
    })
    .get('/records/schedule/classes/:code/edit', RECORDS.manageSchedule, async (req, res) => {
      const c = await deps.retentionSchedule.find(String(req.params.code));
      await classForm(res, {
        code: c.code,
        version: c.version,
        values: classFormValues(c.code, c.rule, c.ownerDirectorateId),
      });
    })
    .post('/records/schedule/classes/:code', RECORDS.manageSchedule, (req, res, next) =>
      changeClass(deps, classForm)(req, res, next),
    );
}

/**
 * A change to a class: checked, then shown with what it will do to the class's records; saved only when the person
 * confirms on that page (the confirmation carries the same fields back with `confirmed`).
 */
function changeClass(
  deps: Deps,
  classForm: (
    res: Response,
    page: Partial<InvalidForm> & { code?: string; version?: number },
  ) => Promise<void>,
) {
  return async (req: Request, res: Response, next: (error?: unknown) => void) => {
    const c = await deps.retentionSchedule.find(String(req.params.code));
    const version = Number(req.body?.version) || 0;
    const values = { ...(req.body as Record<string, unknown>), code: c.code };
    return form(
      classFormSchema,
      async (input) => {
        if (req.body?.confirmed !== 'yes') {
          const effect = await deps.retentionSchedule.preview(c, input);
          return void res.render('records/views/class-confirm.njk', {
            c,
            version,
            values,
            effect,
            before: ruleSentence(c.rule),
            after: ruleSentence({ ...input, period: formatRetention(input.retention) }),
          });
        }
        await deps.retentionSchedule.save(callerOf(req).actor, input, { id: c.id, version });
        req.session.flash = { type: 'success', text: `${c.code} changed` };
        res.redirect(303, `/records/schedule/classes/${encodeURIComponent(c.code)}`);
      },
      (page) => classForm(res, { ...page, code: c.code, version }),
      { values: () => values },
    )(req, res, next);
  };
}
