import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { londonToday } from '../../platform/clock.ts';
import { asArray, dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId, searchField } from '../../platform/validation.ts';
import { SPECIAL_CATEGORIES } from '../../domain/register/register.ts';
import { DPIA_STATUSES, materialFingerprint } from '../../domain/register/dpia.ts';
import { withChange } from './presenters.ts';
import { ARTICLE_6_BASES, ARTICLE_9_CONDITIONS, SCHEDULE_1_CONDITIONS } from '../../domain/register/ropa.ts';
import { activitySchema, PAGE_SIZE, pageOf } from './inputs.ts';
import { REGISTER } from './permissions.ts';
import { canEditEntry } from './policy.ts';
import { activityFormValues, article6Text, article9Text, rightsOf, schedule1Of } from './presenters.ts';
import { ropaPdf, ropaTable } from './ropa-file.ts';

type Deps = Pick<Services, 'register' | 'notices' | 'dpias' | 'organisation' | 'clock' | 'config'>;

const MEDIA_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};
const CHOICES = { ARTICLE_6_BASES, ARTICLE_9_CONDITIONS, SCHEDULE_1_CONDITIONS, SPECIAL_CATEGORIES };

/** The record of processing: its activities, each one's Art 30 record and what it lacks, and its exports. */
export function activitiesRoutes(deps: Deps): Routes {
  const activityForm = async (
    req: Request,
    res: Response,
    page: Partial<InvalidForm> & { activity?: { id: number } } = {},
  ) => {
    const [directorates, assets] = await Promise.all([
      deps.organisation.directorates(),
      deps.register.assets(callerOf(req).principal),
    ]);
    res.render('register/views/activity-form.njk', { directorates, assets, values: {}, ...CHOICES, ...page });
  };
  const values = (req: Request) => ({
    ...req.body,
    nextReviewOn: dateFromFields(req.body, 'nextReviewOn'),
    specialCategories: asArray(req.body?.specialCategories),
    assetIds: asArray(req.body?.assetIds),
  });
  return new Routes()
    .get('/register/activities', REGISTER.view, async (req, res) => {
      const search = searchField.parse(req.query.q);
      const incomplete = req.query.show === 'incomplete';
      const all = await deps.register.activities(callerOf(req).principal, { search });
      const shown = incomplete ? all.filter((a) => a.gaps.length) : all;
      const page = pageOf(req, shown.length);
      res.render('register/views/activities.njk', {
        activities: shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
        shown: shown.length,
        pages: pagination(req, page, shown.length, PAGE_SIZE),
        incompleteCount: all.filter((a) => a.gaps.length).length,
        total: all.length,
        search,
        incomplete,
      });
    })
    .get('/register/activities/export', REGISTER.view, async (req, res) => {
      const format = ['csv', 'xlsx', 'pdf'].includes(String(req.query.format))
        ? String(req.query.format)
        : 'csv';
      const principal = callerOf(req).principal;
      const [activities, assets, directorates, controller, notices] = await Promise.all([
        deps.register.activities(principal),
        deps.register.assets(principal),
        deps.organisation.directorates(),
        deps.register.controller(),
        deps.notices.published(),
      ]);
      const noticeSlugs = new Map(notices.map((n) => [n.service, n.slug]));
      const context = {
        directorates: new Map(directorates.map((d) => [d.id, d.name])),
        assets: new Map(assets.map((a) => [a.id, a.name])),
        noticeUrl: (service: string) =>
          noticeSlugs.has(service) ? `/privacy/${noticeSlugs.get(service)}` : '',
      };
      const today = londonToday(deps.clock);
      const bytes =
        format === 'pdf'
          ? await ropaPdf(activities, { ...context, council: deps.config.councilName, controller, today })
          : await ropaTable(activities, context, format as 'csv' | 'xlsx');
      sendFile(res, {
        filename: `record-of-processing-${today}.${format}`,
        mediaType: MEDIA_TYPES[format as keyof typeof MEDIA_TYPES],
        content: bytes,
      });
    })
    .get('/register/activities/new', REGISTER.edit, (req, res) => activityForm(req, res))
    .post(
      '/register/activities',
      REGISTER.edit,
      form(
        activitySchema,
        async (input, req, res) => {
          const activity = await deps.register.saveActivity(callerOf(req), input);
          req.session.flash = { type: 'success', text: `Processing activity added: ${activity.name}` };
          res.redirect(303, `/register/activities/${activity.id}`);
        },
        (page, req, res) => activityForm(req, res, page),
        { values },
      ),
    )
    .get('/register/activities/:id', REGISTER.view, async (req, res) => {
      const principal = callerOf(req).principal;
      const activity = await deps.register.activity(principal, requireId(req.params.id, 'activity'));
      const directorates = await deps.organisation.directorates();
      res.render('register/views/activity.njk', {
        activity,
        directorate: directorates.find((d) => d.id === activity.directorateId)?.name,
        basis: article6Text(activity.article6),
        condition: article9Text(activity.article9),
        schedule1: schedule1Of(activity),
        rights: rightsOf(activity),
        canEdit: canEditEntry(principal, activity),
        dpias: withChange(await deps.dpias.list({ activityId: activity.id }), materialFingerprint(activity)),
        DPIA_STATUSES,
      });
    })
    .get('/register/activities/:id/edit', REGISTER.edit, async (req, res) => {
      const activity = await deps.register.activity(
        callerOf(req).principal,
        requireId(req.params.id, 'activity'),
      );
      const codes = activity.classes.map((c) => c.code);
      await activityForm(req, res, {
        activity,
        values: activityFormValues(activity, codes, activity.assetIds),
      });
    })
    .post('/register/activities/:id', REGISTER.edit, async (req, res, next) => {
      const activity = await deps.register.activity(
        callerOf(req).principal,
        requireId(req.params.id, 'activity'),
      );
      return form(
        activitySchema,
        async (input) => {
          await deps.register.saveActivity(callerOf(req), input, { id: activity.id, version: input.version });
          req.session.flash = { type: 'success', text: `Processing activity saved: ${input.name}` };
          res.redirect(303, `/register/activities/${activity.id}`);
        },
        (page) => activityForm(req, res, { ...page, activity }),
        { values },
      )(req, res, next);
    });
}
