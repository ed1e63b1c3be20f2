import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { londonToday } from '../../platform/clock.ts';
import { asArray, dateFields, dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { ARTICLE_6_BASES, ARTICLE_9_CONDITIONS } from '../../domain/register/ropa.ts';
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TIERS,
  gatewayText,
  LEGAL_GATEWAYS,
  PARTY_ROLES,
} from '../../domain/register/sharing.ts';
import { DPIA_STATUSES, agreementFingerprint } from '../../domain/register/dpia.ts';
import { withChange } from './presenters.ts';
import { agreementSchema, partySchema, signatureSchema, terminationSchema } from './inputs.ts';
import { REGISTER } from './permissions.ts';
import { canEditEntry } from './policy.ts';

type Deps = Pick<Services, 'register' | 'sharing' | 'dpias' | 'organisation' | 'clock'>;

const CHOICES = {
  AGREEMENT_TIERS,
  AGREEMENT_STATUSES,
  LEGAL_GATEWAYS,
  PARTY_ROLES,
  ARTICLE_6_BASES,
  ARTICLE_9_CONDITIONS,
};

/** Information-sharing agreements: the list, one agreement and its parties, and the sharing no agreement covers. */
export function sharingRoutes(deps: Deps): Routes {
  const agreementForm = async (
    req: Request,
    res: Response,
    page: Partial<InvalidForm> & { agreement?: { id: number } } = {},
  ) => {
    const [directorates, activities, agreements] = await Promise.all([
      deps.organisation.directorates(),
      deps.register.activities(callerOf(req).principal),
      deps.sharing.agreements(),
    ]);
    res.render('register/views/agreement-form.njk', {
      directorates,
      activities,
      protocols: agreements.filter((a) => a.tier === 'protocol' && a.id !== page.agreement?.id),
      values: {},
      ...CHOICES,
      ...page,
    });
  };
  const showAgreement = async (
    req: Request,
    res: Response,
    view: string,
    extra: Partial<InvalidForm> = {},
  ) => {
    const agreement = await deps.sharing.agreement(requireId(req.params.id, 'agreement'));
    const directorates = await deps.organisation.directorates();
    res.render(view, {
      agreement,
      gateways: agreement.gateways.map(gatewayText),
      directorate: directorates.find((d) => d.id === agreement.directorateId)?.name,
      canEdit: canEditEntry(callerOf(req).principal, agreement) && !agreement.terminatedOn,
      party: agreement.parties.find((p) => p.id === Number(req.params.party)),
      dpias: withChange(
        await deps.dpias.list({ agreementId: agreement.id }),
        agreementFingerprint(agreement),
      ),
      DPIA_STATUSES,
      today: londonToday(deps.clock),
      values: {},
      ...CHOICES,
      ...extra,
    });
  };
  const values = (req: Request) => ({
    ...req.body,
    gateways: asArray(req.body?.gateways),
    activityIds: asArray(req.body?.activityIds),
    startsOn: dateFromFields(req.body, 'startsOn'),
    endsOn: dateFromFields(req.body, 'endsOn'),
    reviewOn: dateFromFields(req.body, 'reviewOn'),
  });
  const partyOf = (req: Request) => ({
    agreementId: requireId(req.params.id, 'agreement'),
    id: requireId(req.params.party, 'party'),
  });
  const back = (req: Request, res: Response, text: string) => {
    req.session.flash = { type: 'success', text };
    res.redirect(303, `/register/sharing/${req.params.id}`);
  };
  return new Routes()
    .get('/register/sharing', REGISTER.view, async (_req, res) => {
      res.render('register/views/agreements.njk', {
        agreements: await deps.sharing.agreements(),
        ...CHOICES,
      });
    })
    .get('/register/sharing/gaps', REGISTER.view, async (_req, res) => {
      res.render('register/views/sharing-gaps.njk', await deps.sharing.gaps());
    })
    .get('/register/sharing/new', REGISTER.edit, (req, res) => agreementForm(req, res))
    .post(
      '/register/sharing',
      REGISTER.edit,
      form(
        agreementSchema,
        async (input, req, res) => {
          const agreement = await deps.sharing.save(callerOf(req), input);
          req.session.flash = { type: 'success', text: `Agreement added: now add its parties` };
          res.redirect(303, `/register/sharing/${agreement.id}`);
        },
        (page, req, res) => agreementForm(req, res, page),
        { values },
      ),
    )
    .get('/register/sharing/:id', REGISTER.view, (req, res) =>
      showAgreement(req, res, 'register/views/agreement.njk'),
    )
    .get('/register/sharing/:id/edit', REGISTER.edit, async (req, res) => {
      const agreement = await deps.sharing.agreement(requireId(req.params.id, 'agreement'));
      await agreementForm(req, res, {
        agreement,
        values: {
          ...agreement,
          specialCategories: agreement.specialCategories ? 'yes' : '',
          criminalOffenceData: agreement.criminalOffenceData ? 'yes' : '',
          activityIds: agreement.activityIds.map(String),
          ...dateFields('startsOn', agreement.startsOn),
          ...dateFields('endsOn', agreement.endsOn),
          ...dateFields('reviewOn', agreement.reviewOn),
        },
      });
    })
    .post('/register/sharing/:id', REGISTER.edit, async (req, res, next) => {
      const agreement = await deps.sharing.agreement(requireId(req.params.id, 'agreement'));
      return form(
        agreementSchema,
        async (input) => {
          await deps.sharing.save(callerOf(req), input, { id: agreement.id, version: input.version });
          back(req, res, `Agreement saved: ${input.title}`);
        },
        (page) => agreementForm(req, res, { ...page, agreement }),
        { values },
      )(req, res, next);
    })
    .post('/register/sharing/:id/parties', REGISTER.edit, (req, res, next) =>
      form(
        partySchema,
        async (input) => {
          await deps.sharing.addParty(callerOf(req), requireId(req.params.id, 'agreement'), input);
          back(req, res, `Party added: ${input.organisation}`);
        },
        (page) => showAgreement(req, res, 'register/views/agreement.njk', page),
      )(req, res, next),
    )
    .get('/register/sharing/:id/parties/:party/sign', REGISTER.edit, (req, res) =>
      showAgreement(req, res, 'register/views/party-sign.njk'),
    )
    .post('/register/sharing/:id/parties/:party/sign', REGISTER.edit, (req, res, next) =>
      form(
        signatureSchema,
        async (signature) => {
          await deps.sharing.sign(callerOf(req), partyOf(req), signature);
          back(req, res, 'Signature recorded');
        },
        (page) => showAgreement(req, res, 'register/views/party-sign.njk', page),
        { values: (r) => ({ ...r.body, signedOn: dateFromFields(r.body, 'signedOn') }) },
      )(req, res, next),
    )
    .get('/register/sharing/:id/parties/:party/remove', REGISTER.edit, (req, res) =>
      showAgreement(req, res, 'register/views/party-remove.njk'),
    )
    .post('/register/sharing/:id/parties/:party/remove', REGISTER.edit, async (req, res) => {
      await deps.sharing.removeParty(callerOf(req), partyOf(req));
      back(req, res, 'Party removed');
    })
    .get('/register/sharing/:id/terminate', REGISTER.edit, (req, res) =>
      showAgreement(req, res, 'register/views/agreement-terminate.njk'),
    )
    .post('/register/sharing/:id/terminate', REGISTER.edit, async (req, res, next) => {
      const agreement = await deps.sharing.agreement(requireId(req.params.id, 'agreement'));
      return form(
        terminationSchema,
        async ({ terminatedOn, reason }) => {
          await deps.sharing.terminate(
            callerOf(req),
            { id: agreement.id, version: Number(req.body.version) || 0 },
            {
              terminatedOn,
              reason,
            },
          );
          back(req, res, `Agreement terminated: ${agreement.title}`);
        },
        (page) => showAgreement(req, res, 'register/views/agreement-terminate.njk', page),
        { values: (r) => ({ ...r.body, terminatedOn: dateFromFields(r.body, 'terminatedOn') }) },
      )(req, res, next);
    });
}
