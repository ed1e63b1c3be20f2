import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { ValidationError } from '../../platform/commands.ts';
import { Routes } from '../../platform/web/routes.ts';
import { actorOf } from '../../platform/web/request.ts';
import { fromValidationError, toFormErrors, validate } from '../../platform/web/forms.ts';
import {
  establishSession,
  pendingSecondStep,
  regenerateSession,
  saveSession,
  sessionProposal,
} from './session.ts';

export const codeForm = z.object({
  code: z.string().trim().min(1, 'Enter the code').max(40, 'Enter the 6-digit code or a recovery code'),
});

/** One message for a wrong, reused or expired code, naming the lock it counts towards. */
export const WRONG_CODE =
  'Enter the code your authenticator app shows now, or an unused recovery code. After 5 wrong attempts the account is locked for 15 minutes.';

const LOCKED =
  'Too many wrong codes, so the account is locked for 15 minutes. Sign in again after that, or ask an administrator.';

type Deps = Pick<Services, 'signIn' | 'twoStep' | 'users' | 'clock'>;

/**
 * The second step of signing in, for accounts with an authenticator and for an administrator or the DPO setting one
 * up at their first sign-in. Nothing here signs anyone in until the code is right.
 */
export function twoStepSignInRoutes(deps: Deps): Routes {
  /** No sign-in waiting (or a stale one): the first step again — or on, for someone already signed in. */
  const startAgain = async (req: Request, res: Response) => {
    if (req.principal) return res.redirect(303, '/');
    await regenerateSession(req);
    res.render('account/views/sign-in.njk', {
      next: '/',
      flash: {
        type: 'info',
        text: 'Your sign-in took too long to finish, or was not started. Sign in again.',
      },
    });
  };

  const renderSetUp = async (req: Request, res: Response, userId: number, errors = {}) => {
    const proposal = await sessionProposal(deps, req, userId);
    res.render('account/views/two-step-set-up.njk', {
      proposal,
      action: '/sign-in/two-step/set-up',
      ...errors,
    });
  };

  return new Routes()
    .get('/sign-in/two-step', 'public', async (req, res) => {
      const pending = pendingSecondStep(req, deps.clock, 'code');
      if (!pending) return startAgain(req, res);
      res.render('account/views/two-step.njk', { demoCode: await deps.twoStep.demoCode(pending.userId) });
    })
    .post('/sign-in/two-step', 'public', async (req, res) => {
      const pending = pendingSecondStep(req, deps.clock, 'code');
      if (!pending) return startAgain(req, res);
      const form = validate(codeForm, req.body);
      if (!form.ok) return res.status(400).render('account/views/two-step.njk', form);
      const principal = await deps.signIn.principalFor(pending.userId);
      if (!principal) return startAgain(req, res);
      const check = await deps.twoStep.signInWithCode(principal, form.value.code);
      if (!check.ok) {
        if (check.locked) {
          await regenerateSession(req);
          return res.status(401).render('account/views/sign-in.njk', {
            ...toFormErrors({ email: LOCKED }),
            next: pending.next,
          });
        }
        return res.status(401).render('account/views/two-step.njk', toFormErrors({ code: WRONG_CODE }));
      }
      await establishSession(req, deps.clock, pending.userId, true);
      if (check.usedRecoveryCode) {
        req.session.flash = {
          type: 'info',
          text: `You signed in with a recovery code. You have ${check.recoveryCodesLeft} left: make new ones from your account page if you are running low.`,
        };
        await saveSession(req);
      }
      res.redirect(303, pending.next);
    })
    .get('/sign-in/two-step/set-up', 'public', async (req, res) => {
      const pending = pendingSecondStep(req, deps.clock, 'set-up');
      if (!pending) return startAgain(req, res);
      await renderSetUp(req, res, pending.userId);
    })
    .post('/sign-in/two-step/set-up', 'public', async (req, res) => {
      const pending = pendingSecondStep(req, deps.clock, 'set-up');
      const principal = pending && (await deps.signIn.principalFor(pending.userId));
      if (!pending || !principal || !req.session.proposal) return startAgain(req, res);
      const form = validate(codeForm, req.body);
      if (!form.ok) {
        res.status(400);
        return renderSetUp(req, res, pending.userId, form);
      }
      let codes: string[];
      try {
        codes = await deps.twoStep.enrol(
          actorOf(principal),
          principal,
          req.session.proposal,
          form.value.code,
          {
            signingIn: true,
          },
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        return renderSetUp(req, res, pending.userId, fromValidationError(error));
      }
      await establishSession(req, deps.clock, pending.userId, true);
      res.render('account/views/recovery-codes.njk', { codes, next: pending.next, firstTime: true });
    });
}
