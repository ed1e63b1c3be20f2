import type { Request, Response } from 'express';
import { z } from 'zod';
import type { SecondStep } from '../../platform/identity/sign-in-service.ts';
import { awaitSecondStep, establishSession } from './session.ts';
import { OidcRefusal, type OidcPending } from '../../platform/identity/oidc.ts';
import type { Services } from '../../platform/modules.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { Routes } from '../../platform/web/routes.ts';
import { asString, safeReturnPath, toFormErrors, validate } from '../../platform/web/forms.ts';

const signInForm = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Enter your password'),
});

/** One message for every refusal, so the form does not reveal who has an account. */
const REFUSED =
  'Enter a correct email address and password. After 5 wrong attempts an account is locked for 15 minutes.';

/** Why someone the identity provider vouched for is not let in, in words they can act on. */
const NOT_LET_IN = {
  'not-in-hr':
    'Your council account is not in the HR record Custodian holds, so it does not know who you are. If you have just joined, try again after the next HR update; otherwise ask your information governance team.',
  left: 'HR’s record shows that you have left the council.',
  'account-closed':
    'Your Custodian account has been closed. Ask your information governance team if you need it.',
  'no-address':
    'HR’s record has no e-mail address for you, so Custodian cannot make you an account. Ask HR to add it.',
} as const;

declare module 'express-session' {
  interface SessionData {
    /** A sign-in with the identity provider under way: what it was started with. */
    oidc: OidcPending;
  }
}

/** Signing in with a password or the council's identity provider, and out; the second step is two-step-routes.ts. */
export function signInRoutes(deps: Pick<Services, 'signIn' | 'clock' | 'oidc' | 'staff'>): Routes {
  /**
   * Signs in at once, or on to the second step when the account has one. The identity provider's own second factor,
   * when it says it asked for one, stands for Custodian's.
   */
  const carryOn = async (
    req: Request,
    res: Response,
    result: { principal: { id: number }; secondStep: SecondStep },
    next: string,
    providerMultiFactor = false,
  ) => {
    const userId = result.principal.id;
    if (result.secondStep === 'none') {
      await establishSession(req, deps.clock, userId, providerMultiFactor);
      return res.redirect(303, next);
    }
    res.redirect(303, await awaitSecondStep(req, deps.clock, { userId, next, step: result.secondStep }));
  };

  return new Routes()
    .get('/sign-in', 'public', (req, res) => {
      if (req.principal) return res.redirect(303, safeReturnPath(req.query.next));
      res.render('account/views/sign-in.njk', {
        next: safeReturnPath(req.query.next),
        oidcLabel: deps.oidc?.label,
      });
    })
    .get('/sign-in/oidc', 'public', async (req, res, next) => {
      if (!deps.oidc) throw new NotFoundError('Sign-in with an identity provider is not set up');
      const { url, pending } = await deps.oidc.start(safeReturnPath(req.query.next));
      req.session.oidc = pending;
      req.session.save((error) => (error ? next(error) : res.redirect(303, url)));
    })
    .get('/sign-in/oidc/callback', 'public', async (req, res) => {
      const pending = req.session.oidc;
      delete req.session.oidc;
      const refuse = (status: number, message: string) =>
        res
          .status(status)
          .render('account/views/sign-in-refused.njk', { message, oidcLabel: deps.oidc?.label });
      if (!deps.oidc) throw new NotFoundError('Sign-in with an identity provider is not set up');
      if (!pending)
        return refuse(400, 'This sign-in has expired or was started in another browser. Start it again.');
      let identity;
      try {
        identity = await deps.oidc.finish(req.originalUrl, pending);
      } catch (error) {
        if (error instanceof OidcRefusal)
          return refuse(400, 'The sign-in could not be completed. Start it again.');
        throw error;
      }
      const match = await deps.staff.accountForSignIn(identity);
      if (!match.ok) return refuse(403, NOT_LET_IN[match.reason]);
      const signedIn = await deps.signIn.signedInWithProvider(match.userId, identity);
      if (!signedIn) return refuse(403, NOT_LET_IN['account-closed']);
      await carryOn(req, res, signedIn, pending.next, identity.multiFactor);
    })
    .post('/sign-in', 'public', async (req, res) => {
      const form = validate(signInForm, req.body);
      const values = { email: asString(req.body?.email), next: safeReturnPath(req.body?.next) };
      if (!form.ok)
        return res.status(400).render('account/views/sign-in.njk', { ...form, values, next: values.next });
      const result = await deps.signIn.signIn(form.value.email, form.value.password);
      if (!result.ok) {
        return res.status(401).render('account/views/sign-in.njk', {
          ...toFormErrors({ email: REFUSED }),
          values,
          next: values.next,
        });
      }
      await carryOn(req, res, result, values.next);
    })
    .post('/sign-out', 'public', (req, res, next) => {
      req.session.destroy((error) => {
        if (error) return next(error);
        res.redirect(303, '/signed-out');
      });
    })
    .get('/signed-out', 'public', (_req, res) => res.render('account/views/signed-out.njk'));
}
