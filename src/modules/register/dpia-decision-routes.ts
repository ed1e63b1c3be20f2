import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { adviceSchema, consultationSchema, replySchema, signOffSchema } from './inputs.ts';
import { REGISTER } from './permissions.ts';
import { dpiaPage } from './dpia-routes.ts';

type Deps = Pick<Services, 'dpias' | 'organisation'>;

const versionOf = (req: Request) => ({
  id: requireId(req.params.id, 'assessment'),
  version: Number(req.body?.version) || 0,
});

/** An empty form: an action that needs nothing but the version it was taken from. */
const nothing = z.object({});

/**
 * The decisions on an impact assessment: going on to assess, sending it to the DPO, the DPO's advice, sign-off, the
 * prior consultation with the ICO, and starting a new version of a signed one.
 */
export function dpiaDecisionRoutes(deps: Deps): Routes {
  const page =
    (view: string) =>
    (req: Request, res: Response, extra: Partial<InvalidForm> = {}) =>
      dpiaPage(deps, req, res, `register/views/${view}.njk`, extra);
  const overview = page('dpia');
  const done = (req: Request, res: Response, text: string, id: number | string = req.params.id as string) => {
    req.session.flash = { type: 'success', text };
    res.redirect(303, `/register/dpias/${id}`);
  };
  /** A POST that changes an assessment, shown again on its own page with the reason if it cannot be done. */
  const action =
    (
      schema: z.ZodType,
      view: (req: Request, res: Response, extra?: Partial<InvalidForm>) => Promise<void>,
      work: (req: Request, res: Response, input: never) => Promise<void>,
      values?: (req: Request) => Record<string, unknown>,
    ) =>
    (req: Request, res: Response, next: (e?: unknown) => void) =>
      form(
        schema,
        (input) => work(req, res, input as never),
        (p) => view(req, res, p),
        { values },
      )(req, res, next);
  const advicePage = page('dpia-advice');
  const signOffPage = page('dpia-sign-off');
  const consultationPage = page('dpia-consultation');
  return new Routes()
    .post(
      '/register/dpias/:id/assess',
      REGISTER.edit,
      action(nothing, overview, async (req, res) => {
        await deps.dpias.assessAnyway(callerOf(req), versionOf(req));
        done(req, res, 'The full assessment is open');
      }),
    )
    .post(
      '/register/dpias/:id/submit',
      REGISTER.edit,
      action(nothing, overview, async (req, res) => {
        await deps.dpias.submit(callerOf(req), versionOf(req));
        done(req, res, 'Sent to the DPO for advice');
      }),
    )
    .get('/register/dpias/:id/advice', REGISTER.advise, (req, res) => advicePage(req, res))
    .post(
      '/register/dpias/:id/advice',
      REGISTER.advise,
      action(
        adviceSchema.extend({ outcome: z.enum(['advise', 'return']).default('advise') }),
        advicePage,
        async (req, res, input: { advice: string; outcome: string }) => {
          if (input.outcome === 'return') {
            await deps.dpias.returnForWork(callerOf(req), versionOf(req));
            return done(req, res, 'Returned for more work');
          }
          await deps.dpias.advise(callerOf(req), versionOf(req), input.advice);
          done(req, res, 'Your advice is recorded: it waits for sign-off');
        },
      ),
    )
    .get('/register/dpias/:id/sign-off', REGISTER.signOff, (req, res) => signOffPage(req, res))
    .post(
      '/register/dpias/:id/sign-off',
      REGISTER.signOff,
      action(
        signOffSchema,
        signOffPage,
        async (req, res, input) => {
          const saved = await deps.dpias.signOff(callerOf(req), versionOf(req), input);
          done(
            req,
            res,
            saved.status === 'consultation'
              ? 'High risk remains: the ICO must be consulted before the processing starts'
              : saved.status === 'approved'
                ? 'Signed off'
                : saved.status === 'rejected'
                  ? 'Recorded as not to go ahead'
                  : 'Returned for more work',
          );
        },
        (req) => ({ ...req.body, reviewOn: dateFromFields(req.body, 'reviewOn') }),
      ),
    )
    .get('/register/dpias/:id/consultation', REGISTER.manage, (req, res) => consultationPage(req, res))
    .post(
      '/register/dpias/:id/consultation',
      REGISTER.manage,
      action(
        consultationSchema,
        consultationPage,
        async (req, res, input) => {
          await deps.dpias.recordConsultation(callerOf(req), versionOf(req), input);
          done(req, res, 'The consultation with the ICO is recorded');
        },
        (req) => ({ ...req.body, submittedOn: dateFromFields(req.body, 'submittedOn') }),
      ),
    )
    .post(
      '/register/dpias/:id/reply',
      REGISTER.manage,
      action(
        replySchema,
        consultationPage,
        async (req, res, input) => {
          await deps.dpias.recordReply(callerOf(req), versionOf(req), input);
          done(req, res, 'The ICO’s reply is recorded');
        },
        (req) => ({
          ...req.body,
          repliedOn: dateFromFields(req.body, 'repliedOn'),
          reviewOn: dateFromFields(req.body, 'reviewOn'),
        }),
      ),
    )
    .post(
      '/register/dpias/:id/new-version',
      REGISTER.edit,
      action(nothing, overview, async (req, res) => {
        const next = await deps.dpias.newVersion(callerOf(req), requireId(req.params.id, 'assessment'));
        done(req, res, `Version ${next.edition} started from the signed one`, next.id);
      }),
    );
}
