import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { form, type InvalidForm } from '../../platform/web/forms.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { textField } from '../../platform/validation.ts';
import { REGISTER } from './permissions.ts';

type Deps = Pick<Services, 'notices'>;

const publishSchema = z.object({
  changeSummary: textField({
    max: 1000,
    required: 'Say what has changed since the last version',
    label: 'The summary',
    multiline: true,
  }),
  publishRecord: z.preprocess((v) => v === 'yes', z.boolean()),
});

/** A slug from the address: letters, digits and dashes only, so anything else is simply not found. */
const slugOf = (req: Request) =>
  /^[a-z0-9-]{1,90}$/.test(String(req.params.slug)) ? String(req.params.slug) : '-';

/**
 * Privacy notices: for staff, each service's notice as its activities write it, its checklist and its versions, and
 * publishing; for the public, the published notices and, where chosen, each service's record of processing.
 */
export function noticesRoutes(deps: Deps): Routes {
  const showNotice = async (req: Request, res: Response, page: Partial<InvalidForm> = {}) => {
    const notice = await deps.notices.forService(slugOf(req));
    res.render('register/views/notice.njk', {
      notice,
      values: { publishRecord: notice.publishRecord ? 'yes' : '' },
      ...page,
    });
  };
  return new Routes()
    .get('/register/notices', REGISTER.view, async (_req, res) => {
      res.render('register/views/notices.njk', { notices: await deps.notices.list() });
    })
    .get('/register/notices/:slug', REGISTER.view, (req, res) => showNotice(req, res))
    .post('/register/notices/:slug/publish', REGISTER.manage, async (req, res, next) => {
      const notice = await deps.notices.forService(slugOf(req));
      return form(
        publishSchema,
        async (choices) => {
          const { version } = await deps.notices.publish(callerOf(req).actor, notice.service, choices);
          req.session.flash = {
            type: 'success',
            text: `Version ${version} of the ${notice.service} notice is published`,
          };
          res.redirect(303, `/register/notices/${notice.slug}`);
        },
        (page) => showNotice(req, res, page),
      )(req, res, next);
    })
    .get('/privacy', 'public', async (_req, res) => {
      res.render('register/views/privacy-index.njk', { notices: await deps.notices.published() });
    })
    .get('/privacy/:slug', 'public', async (req, res) => {
      res.render('register/views/privacy-notice.njk', {
        notice: await deps.notices.publishedBySlug(slugOf(req)),
      });
    })
    .get('/privacy/:slug/processing', 'public', async (req, res) => {
      const notice = await deps.notices.publishedBySlug(slugOf(req));
      if (!notice.publishRecord)
        throw new NotFoundError('This service does not publish its record of processing');
      res.render('register/views/privacy-record.njk', { notice });
    });
}
