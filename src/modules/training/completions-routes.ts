import type { Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { fileForm } from '../../platform/web/upload.ts';
import { COMPLETION_COLUMNS } from '../../domain/training/lms-files.ts';
import {
  COMPLETION_STATUS_NAMES,
  COMPLETION_STATUSES,
  DSPT_TARGET_PERCENT,
} from '../../domain/training/compliance.ts';
import { MAX_COMPLETIONS_BYTES } from './commands/completions.ts';
import { completionSchema, targetSchema } from './inputs.ts';
import { TRAINING } from './permissions.ts';

type Deps = Pick<Services, 'training' | 'organisation'>;

/** Only the first problems are shown; the count says how many more there are. */
const PROBLEMS_SHOWN = 200;

/** Completions from files and by hand, and the directorates' targets: the DPO's and IG officers' tools. */
export function completionsRoutes(deps: Deps): Routes {
  const importPage = async (res: Response, extra: object = {}) =>
    res.render('training/views/import.njk', {
      imports: await deps.training.imports(),
      courses: await deps.training.courses(),
      maxUploadMb: MAX_COMPLETIONS_BYTES / 1024 / 1024,
      columns: COMPLETION_COLUMNS.join(','),
      ...extra,
    });

  const recordForm = async (res: Response, page: Partial<InvalidForm>) =>
    res.render('training/views/record-form.njk', {
      courses: (await deps.training.courses()).filter((c) => c.active),
      statuses: COMPLETION_STATUSES.map((value) => ({ value, text: COMPLETION_STATUS_NAMES[value] })),
      values: { status: 'completed' },
      ...page,
    });

  const targetsPage = async (res: Response, page: Partial<InvalidForm> = {}) => {
    const [directorates, targets] = await Promise.all([
      deps.organisation.directorates(),
      deps.training.targets(),
    ]);
    res.render('training/views/targets.njk', {
      directorates: directorates.map((d) => ({ ...d, target: targets.get(d.id) ?? null })),
      standard: DSPT_TARGET_PERCENT,
      values: {},
      ...page,
    });
  };

  return new Routes()
    .get('/training/import', TRAINING.manage, async (_req, res) => importPage(res))
    .post(
      '/training/import',
      TRAINING.manage,
      ...fileForm({
        maxBytes: MAX_COMPLETIONS_BYTES,
        missing: 'Select a completions file',
        page: importPage,
        work: async (file, req, res) => {
          const outcome = await deps.training.importCompletions(callerOf(req).actor, file, {
            importTheRest: req.body?.importTheRest === 'yes',
          });
          if (!outcome.done) res.status(outcome.matched ? 200 : 400);
          await importPage(res, {
            outcome,
            problems: outcome.problems.slice(0, PROBLEMS_SHOWN),
            moreProblems: Math.max(0, outcome.problems.length - PROBLEMS_SHOWN),
          });
        },
      }),
    )
    .get('/training/record', TRAINING.manage, async (_req, res) => recordForm(res, {}))
    .post(
      '/training/record',
      TRAINING.manage,
      form(
        completionSchema,
        async (input, req, res) => {
          const { staffId } = await deps.training.recordCompletion(callerOf(req).actor, input);
          req.session.flash = { type: 'success', text: 'Attempt recorded' };
          res.redirect(303, `/training/people/${staffId}`);
        },
        (page, _req, res) => recordForm(res, page),
        { values: (req) => ({ ...req.body, completedOn: dateFromFields(req.body, 'completedOn') }) },
      ),
    )
    .get('/training/targets', TRAINING.manage, async (_req, res) => targetsPage(res))
    .post(
      '/training/targets',
      TRAINING.manage,
      form(
        targetSchema,
        async (input, req, res) => {
          await deps.training.setTarget(callerOf(req).actor, input);
          req.session.flash = {
            type: 'success',
            text:
              input.percent === null
                ? 'Target removed: the DSPT’s 95% applies'
                : `Target set to ${input.percent}%`,
          };
          res.redirect(303, '/training/targets');
        },
        (page, _req, res) => targetsPage(res, page),
      ),
    );
}
