import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { lineChart } from '../../platform/web/charts.ts';
import { countOf } from '../../platform/web/format.ts';
import { groupBy } from '../../domain/shared/group-by.ts';
import { isIsoDate } from '../../domain/calendar/dates.ts';
import { DSPT_TARGET_PERCENT, percentOf } from '../../domain/training/compliance.ts';
import { ValidationError } from '../../platform/errors.ts';
import { courseSchema } from './inputs.ts';
import { TRAINING } from './permissions.ts';
import { canSeeNames } from './policy.ts';
import { percentText, ragTag } from './presenters.ts';
import type { CourseRow } from './repository.ts';

type Deps = Pick<Services, 'training' | 'organisation'>;

const version = z.coerce.number().int().min(1).max(2_147_483_647).catch(0);

/** A course's figures against the target, who is not up to date, reminders, and the course itself. */
export function courseRoutes(deps: Deps): Routes {
  const courseForm = async (res: Response, page: Partial<InvalidForm> & { course?: CourseRow }) =>
    res.render('training/views/course-form.njk', {
      directorates: await deps.organisation.directorates(),
      values: { refreshMonths: '12', mandatory: 'yes' },
      ...page,
    });

  const course = (req: Request) => deps.training.course(String(req.params.code));

  /** Those not up to date whom the asker may name: every directorate, or the ones their grants cover. */
  const namesFor = async (req: Request, c: CourseRow) => {
    const people = await deps.training.notCompliant(c);
    return people.filter((p) => canSeeNames(req.principal, p.directorateId));
  };

  return new Routes()
    .get('/training/courses/new', TRAINING.manage, async (_req, res) => courseForm(res, {}))
    .post(
      '/training/courses',
      TRAINING.manage,
      form(
        courseSchema,
        async (input, req, res) => {
          const saved = await deps.training.addCourse(callerOf(req).actor, input);
          req.session.flash = { type: 'success', text: `${saved.title} added` };
          res.redirect(303, `/training/courses/${encodeURIComponent(saved.code)}`);
        },
        (page, _req, res) => courseForm(res, page),
      ),
    )
    .get('/training/courses/:code', TRAINING.view, async (req, res) => {
      const c = await course(req);
      const today = deps.training.today();
      const figures = await deps.training.figures(c, today);
      const trend = await deps.training.trend(c);
      const names = await namesFor(req, c);
      const byManager = [...groupBy(names, (p) => p.lineManagerId)].map(([managerId, people]) => ({
        managerId,
        manager: people[0]!.lineManagerName,
        people,
      }));
      res.render('training/views/course.njk', {
        c,
        today,
        figures: {
          ...figures,
          directorates: figures.directorates.map((d) => ({
            ...d,
            percentText: percentText(d.percent),
            tag: ragTag(d.rag),
            teams: d.teams.map((t) => ({ ...t, percentText: percentText(t.percent) })),
          })),
          totalText: percentText(figures.total.percent),
          totalTag: ragTag(figures.total.rag),
          councillorsText: percentText(figures.councillors.percent),
        },
        trend: trend.length
          ? lineChart({
              title: `${c.title}: the council’s figure at the end of each month (%)`,
              id: 'training-trend',
              labels: trend.map((t) => t.month),
              series: [{ name: 'Completed', values: trend.map((t) => percentOf(t.completed, t.inScope)) }],
              target: DSPT_TARGET_PERCENT,
            })
          : null,
        trendRows: trend.map((t) => ({ ...t, percentText: percentText(percentOf(t.completed, t.inScope)) })),
        byManager,
        notUpToDate: names.length,
      });
    })
    .get('/training/courses/:code/report.json', TRAINING.view, async (req, res) => {
      const on = typeof req.query.on === 'string' && isIsoDate(req.query.on) ? req.query.on : undefined;
      if (req.query.on !== undefined && !on)
        throw new ValidationError('on must be a date written 2026-12-07', { on: 'on must be a date' });
      res.json(await deps.training.report(String(req.params.code), on ?? deps.training.today()));
    })
    .get('/training/courses/:code/edit', TRAINING.manage, async (req, res) => {
      const c = await course(req);
      await courseForm(res, {
        course: c,
        values: {
          ...c,
          mandatory: c.mandatory ? 'yes' : 'no',
          refreshMonths: String(c.refreshMonths),
          audienceDirectorateIds: c.audienceDirectorateIds.map(String),
          xapiActivityIds: c.xapiActivityIds.join('\n'),
        },
      });
    })
    .post('/training/courses/:code', TRAINING.manage, async (req, res, next) => {
      const c = await course(req);
      await form(
        courseSchema.omit({ code: true }),
        async (input, req, res) => {
          const saved = await deps.training.changeCourse(
            callerOf(req).actor,
            c.code,
            version.parse(req.body?.version),
            input,
          );
          req.session.flash = { type: 'success', text: `${saved.title} saved` };
          res.redirect(303, `/training/courses/${encodeURIComponent(saved.code)}`);
        },
        (page, _req, res) => courseForm(res, { ...page, course: c }),
      )(req, res, next);
    })
    .get('/training/courses/:code/remind', TRAINING.manage, async (req, res) => {
      const c = await course(req);
      const people = await namesFor(req, c);
      res.render('training/views/remind.njk', {
        c,
        people: people.length,
        withAddress: people.filter((p) => p.email).length,
        managers: new Set(people.map((p) => p.lineManagerId).filter((id) => id !== null)).size,
      });
    })
    .post('/training/courses/:code/remind', TRAINING.manage, async (req, res) => {
      const c = await course(req);
      const sent = await deps.training.remind(callerOf(req).actor, c, await namesFor(req, c));
      req.session.flash = {
        type: 'success',
        text: `Reminders sent to ${countOf(sent.reminded, 'person', 'people')} and ${countOf(sent.managersTold, 'line manager')}${sent.withoutAddress ? `; ${countOf(sent.withoutAddress, 'person has', 'people have')} no e-mail address, and their managers were told` : ''}`,
      };
      res.redirect(303, `/training/courses/${encodeURIComponent(c.code)}`);
    });
}
