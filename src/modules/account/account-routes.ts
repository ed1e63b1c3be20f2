import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { ValidationError } from '../../platform/commands.ts';
import { mustUseTwoStep } from '../../platform/identity/two-step.ts';
import { Routes } from '../../platform/web/routes.ts';
import { actorOf } from '../../platform/web/request.ts';
import { fromValidationError, toFormErrors, validate, type FormErrors } from '../../platform/web/forms.ts';
import { ACCOUNT } from './permissions.ts';
import { saveSession, sessionProposal } from './session.ts';
import { codeForm, WRONG_CODE } from './two-step-routes.ts';

type Deps = Pick<Services, 'twoStep' | 'users'>;

/**
 * Your account: who Custodian thinks you are, and your two-step sign-in — set it up (anyone may; an administrator and
 * the DPO must), change the authenticator, make new recovery codes, or turn it off when your role does not need it.
 * Every change asks for a current code first, so a session left open cannot be used to take the account over.
 */
export function accountRoutes(deps: Deps): Routes {
  const caller = (req: Request) => req.caller!.principal;
  /** Recovery codes and turning off mean nothing without an authenticator: those pages lead back to the account. */
  const enrolled = async (req: Request) => !!(await deps.twoStep.status(caller(req).id)).enrolledAt;

  const renderSetUp = async (req: Request, res: Response, errors: Partial<FormErrors> = {}) => {
    const me = caller(req);
    const [proposal, status] = await Promise.all([
      sessionProposal(deps, req, me.id),
      deps.twoStep.status(me.id),
    ]);
    res.render('account/views/two-step-set-up.njk', {
      proposal,
      action: '/account/two-step/set-up',
      replacing: !!status.enrolledAt,
      ...errors,
    });
  };

  /**
   * Checks the current code given with a change; false (and the form shown again) when it is missing or wrong. Only a
   * code actually typed counts towards the lock.
   */
  const confirmed = async (req: Request, res: Response, view: string, field = 'code'): Promise<boolean> => {
    const form = validate(codeForm, { code: req.body?.[field] });
    const check = form.ok ? await deps.twoStep.confirmWithCode(caller(req), form.value.code) : undefined;
    if (check?.ok) return true;
    const errors = toFormErrors({
      [field]: form.ok ? WRONG_CODE : 'Enter the code from your authenticator app',
    });
    res.status(400);
    if (view === 'set-up') await renderSetUp(req, res, errors);
    else res.render(view, errors);
    return false;
  };

  return new Routes()
    .get('/account', ACCOUNT.own, async (req, res) => {
      const me = caller(req);
      const [user, twoStep] = await Promise.all([deps.users.get(me.id), deps.twoStep.status(me.id)]);
      res.render('account/views/account.njk', {
        subject: user,
        twoStep,
        required: mustUseTwoStep(me.grants),
      });
    })
    .get('/account/two-step/set-up', ACCOUNT.own, async (req, res) => renderSetUp(req, res))
    .post('/account/two-step/set-up', ACCOUNT.own, async (req, res) => {
      const me = caller(req);
      const status = await deps.twoStep.status(me.id);
      if (status.enrolledAt && !(await confirmed(req, res, 'set-up', 'current'))) return;
      const form = validate(codeForm, req.body);
      if (!form.ok || !req.session.proposal) {
        res.status(400);
        return renderSetUp(req, res, form.ok ? toFormErrors({ code: 'Start setting up again' }) : form);
      }
      let codes: string[];
      try {
        codes = await deps.twoStep.enrol(actorOf(me), me, req.session.proposal, form.value.code, {
          signingIn: false,
        });
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        return renderSetUp(req, res, fromValidationError(error));
      }
      delete req.session.proposal;
      req.session.secondFactor = true;
      await saveSession(req);
      res.render('account/views/recovery-codes.njk', {
        codes,
        next: '/account',
        firstTime: !status.enrolledAt,
      });
    })
    .get('/account/two-step/recovery-codes', ACCOUNT.own, async (req, res) => {
      if (!(await enrolled(req))) return res.redirect(303, '/account');
      res.render('account/views/new-recovery-codes.njk');
    })
    .post('/account/two-step/recovery-codes', ACCOUNT.own, async (req, res) => {
      if (!(await enrolled(req))) return res.redirect(303, '/account');
      if (!(await confirmed(req, res, 'account/views/new-recovery-codes.njk'))) return;
      const me = caller(req);
      const codes = await deps.twoStep.newRecoveryCodes(actorOf(me), me.id);
      res.render('account/views/recovery-codes.njk', { codes, next: '/account', firstTime: false });
    })
    .get('/account/two-step/turn-off', ACCOUNT.own, async (req, res) => {
      if (!(await enrolled(req))) return res.redirect(303, '/account');
      res.render('account/views/turn-off-two-step.njk', { required: mustUseTwoStep(caller(req).grants) });
    })
    .post('/account/two-step/turn-off', ACCOUNT.own, async (req, res) => {
      const me = caller(req);
      if (!(await enrolled(req))) return res.redirect(303, '/account');
      if (mustUseTwoStep(me.grants))
        return res.status(400).render('account/views/turn-off-two-step.njk', { required: true });
      if (!(await confirmed(req, res, 'account/views/turn-off-two-step.njk'))) return;
      await deps.twoStep.turnOff(actorOf(me), me);
      req.session.flash = { type: 'success', text: 'Two-step sign-in is off for your account.' };
      res.redirect(303, '/account');
    });
}
