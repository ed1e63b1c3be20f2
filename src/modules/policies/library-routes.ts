import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { can } from '../../platform/authz/policy.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import { dateFromFields, form, type InvalidForm } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { requireId } from '../../platform/validation.ts';
import { govukDate } from '../../platform/web/format.ts';
import { ROLE_NAMES, ROLES } from '../../platform/authz/roles.ts';
import { WORKER_TYPES, WORKER_TYPE_NAMES } from '../../domain/staff/hr-file.ts';
import { POLICY_KIND_NAMES, POLICY_KINDS } from '../../domain/policies/policy.ts';
import { exceptionSchema, policySchema } from './inputs.ts';
import { POLICIES } from './permissions.ts';
import { canApprove, canEdit, canSeeAll } from './policy.ts';
import { coverageText, policyFormValues, reviewTag, versionName } from './presenters.ts';

type Deps = Pick<Services, 'policies' | 'organisation'>;

const version = z.coerce.number().int().min(1).max(2_147_483_647).catch(0);
const CHOICES = {
  kinds: POLICY_KINDS.map((value) => ({ value, text: POLICY_KIND_NAMES[value] })),
  roles: ROLES.filter((r) => r !== 'staff').map((value) => ({ value, text: ROLE_NAMES[value] })),
  workerTypes: WORKER_TYPES.map((value) => ({ value, text: WORKER_TYPE_NAMES[value] })),
};

/** The library, a policy's page, the policy itself, its reviews and its exceptions. */
export function libraryRoutes(deps: Deps): Routes {
  const policyForm = async (
    res: Response,
    page: Partial<InvalidForm> & { policyId?: number; version?: number },
  ) =>
    res.render('policies/views/policy-form.njk', {
      ...CHOICES,
      directorates: await deps.organisation.directorates(),
      values: { kind: 'policy', reviewMonths: '12' },
      ...page,
    });

  const showPolicy = async (req: Request, res: Response, extra: Partial<InvalidForm> = {}) => {
    const id = requireId(req.params.id, 'policy');
    const p = await deps.policies.policy(id);
    if (!canSeeAll(req.principal, p.policy)) {
      if (p.asked) return res.redirect(303, `/policies/${id}/read`);
      throw new ForbiddenError('This policy is not published yet');
    }
    const names = new Map((await deps.organisation.directorates()).map((d) => [d.id, d.name]));
    res.render('policies/views/policy.njk', {
      p,
      kindName: POLICY_KIND_NAMES[p.policy.kind],
      review: reviewTag(p.review),
      coverage: coverageText(p.coverage),
      byDirectorate: [...p.byDirectorate]
        .map(([id, c]) => ({ name: names.get(id) ?? String(id), ...c, text: coverageText(c) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      versions: p.versions.map((v) => ({ ...v, name: versionName(v) })),
      editable: canEdit(req.principal, p.policy),
      approvable: canApprove(req.principal, p.policy),
      values: {},
      ...extra,
    });
  };

  return new Routes()
    .get('/policies', POLICIES.read, async (req, res) => {
      const staffId = await deps.policies.staffIdOf(req.principal!.id);
      const mine = staffId ? await deps.policies.applyingTo(staffId) : [];
      const library = can(req.principal, POLICIES.view) ? await deps.policies.standings() : [];
      res.render('policies/views/library.njk', {
        mine,
        known: !!staffId,
        library: library.map((s) => ({
          ...s,
          kindName: POLICY_KIND_NAMES[s.policy.kind],
          review: reviewTag(s.review),
          coverageText: coverageText(s.coverage),
        })),
      });
    })
    .get('/policies/new', POLICIES.manage, async (_req, res) => policyForm(res, {}))
    .post(
      '/policies',
      POLICIES.manage,
      form(
        policySchema,
        async (input, req, res) => {
          const saved = await deps.policies.create(callerOf(req), input);
          req.session.flash = { type: 'success', text: `${saved.title} added: write its first version` };
          res.redirect(303, `/policies/${saved.id}`);
        },
        (page, _req, res) => policyForm(res, page),
      ),
    )
    .get('/policies/:id', POLICIES.read, async (req, res) => showPolicy(req, res))
    .get('/policies/:id/edit', POLICIES.read, async (req, res) => {
      const p = await deps.policies.policy(requireId(req.params.id, 'policy'));
      if (!canEdit(req.principal, p.policy))
        throw new ForbiddenError('Only the policy’s owner and the IG team can change it');
      await policyForm(res, {
        policyId: p.policy.id,
        version: p.policy.version,
        values: policyFormValues(p),
      });
    })
    .post('/policies/:id', POLICIES.read, async (req, res, next) => {
      const id = requireId(req.params.id, 'policy');
      await form(
        policySchema,
        async (input, req, res) => {
          await deps.policies.change(callerOf(req), id, version.parse(req.body?.version), input);
          req.session.flash = { type: 'success', text: 'Policy saved' };
          res.redirect(303, `/policies/${id}`);
        },
        (page, req, res) =>
          policyForm(res, { ...page, policyId: id, version: version.parse(req.body?.version) }),
      )(req, res, next);
    })
    .get('/policies/:id/review', POLICIES.read, async (req, res) => {
      const p = await deps.policies.policy(requireId(req.params.id, 'policy'));
      if (!canEdit(req.principal, p.policy))
        throw new ForbiddenError('Only the policy’s owner and the IG team can review it');
      res.render('policies/views/review.njk', { p });
    })
    .post('/policies/:id/review', POLICIES.read, async (req, res) => {
      const id = requireId(req.params.id, 'policy');
      const next = await deps.policies.recordReview(callerOf(req), id);
      req.session.flash = { type: 'success', text: `Review recorded; the next is due by ${govukDate(next)}` };
      res.redirect(303, `/policies/${id}`);
    })
    .post(
      '/policies/:id/exceptions',
      POLICIES.manage,
      form(
        exceptionSchema,
        async (input, req, res) => {
          const id = requireId(req.params.id, 'policy');
          await deps.policies.grantException(callerOf(req), id, input);
          req.session.flash = { type: 'success', text: 'Exception recorded' };
          res.redirect(303, `/policies/${id}`);
        },
        (page, req, res) => showPolicy(req, res, page),
        { values: (req) => ({ ...req.body, expiresOn: dateFromFields(req.body, 'expiresOn') }) },
      ),
    );
}
