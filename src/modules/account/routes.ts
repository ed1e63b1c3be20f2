import { z } from 'zod';
import type { Clock } from '../../platform/clock.ts';
import type { SignInService } from '../../platform/identity/sign-in-service.ts';
import { Routes } from '../../platform/web/routes.ts';
import { asString, safeReturnPath, toFormErrors, validate } from '../../platform/web/forms.ts';

const signInForm = z.object({
  email: z.string().trim().min(1, 'Enter your email address').max(254, 'Enter your email address'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Enter your password'),
});

/** One message for every refusal, so the form does not reveal who has an account. */
const REFUSED =
  'Enter a correct email address and password. After 5 wrong attempts an account is locked for 15 minutes.';

export function accountRoutes(deps: { signIn: SignInService; clock: Clock }): Routes {
  return new Routes()
    .get('/sign-in', 'public', (req, res) => {
      if (req.principal) return res.redirect(303, safeReturnPath(req.query.next));
      res.render('account/views/sign-in.njk', { next: safeReturnPath(req.query.next) });
    })
    .post('/sign-in', 'public', async (req, res, next) => {
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
      // A new session id at sign-in: a session fixed before sign-in is worthless after it.
      req.session.regenerate((error) => {
        if (error) return next(error);
        const now = deps.clock.now().getTime();
        req.session.userId = result.principal.id;
        req.session.signedInAt = now;
        req.session.lastSeenAt = now;
        req.session.save((saveError) => (saveError ? next(saveError) : res.redirect(303, values.next)));
      });
    })
    .post('/sign-out', 'public', (req, res, next) => {
      req.session.destroy((error) => {
        if (error) return next(error);
        res.redirect(303, '/signed-out');
      });
    })
    .get('/signed-out', 'public', (_req, res) => res.render('account/views/signed-out.njk'));
}
