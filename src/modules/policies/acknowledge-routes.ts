import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { fromValidationError } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { requireId } from '../../platform/validation.ts';
import { POLICY_KIND_NAMES } from '../../domain/policies/policy.ts';
import { POLICIES } from './permissions.ts';
import { versionName } from './presenters.ts';

type Deps = Pick<Services, 'policies'>;

/** Reading a policy and acknowledging it; the public list of published policies and their documents. */
export function acknowledgeRoutes(deps: Deps): Routes {
  /** The version in force of a published policy (a draft-only policy is not there to read). */
  const inForce = async (policyId: number) => {
    const p = await deps.policies.policy(policyId);
    const current = p.versions.find((v) => v.status === 'published');
    if (!current) throw new NotFoundError('This policy is not published yet');
    return { p, current };
  };

  const readPage = async (req: Request, res: Response, page: object = {}) => {
    const { p, current } = await inForce(requireId(req.params.id, 'policy'));
    const staffId = await deps.policies.staffIdOf(req.principal!.id);
    const mine = staffId ? await deps.policies.applyingTo(staffId) : [];
    res.render('policies/views/read.njk', {
      p,
      current,
      name: versionName(current),
      kindName: POLICY_KIND_NAMES[p.policy.kind],
      known: !!staffId,
      applies: mine.some((m) => m.policy.id === p.policy.id),
      upToDate: mine.some((m) => m.policy.id === p.policy.id && m.upToDate),
      values: {},
      ...page,
    });
  };

  return new Routes()
    .get('/policies/:id/read', POLICIES.read, async (req, res) => readPage(req, res))
    .post('/policies/:id/acknowledge', POLICIES.read, async (req, res) => {
      const policyId = requireId(req.params.id, 'policy');
      const body = (req.body ?? {}) as Record<string, unknown>;
      // Each question's chosen option, by its position; anything else is no answer.
      const answers = Array.from({ length: 20 }, (_, i) => {
        const chosen = body[`q${i}`];
        return typeof chosen === 'string' && /^\d{1,2}$/.test(chosen) ? Number(chosen) : null;
      });
      try {
        await deps.policies.acknowledge(callerOf(req), {
          policyId,
          versionId: requireId(body.versionId, 'version'),
          confirmed: body.confirmed === 'yes',
          answers,
        });
        req.session.flash = { type: 'success', text: 'Thank you: your acknowledgement is recorded' };
        res.redirect(303, '/policies');
      } catch (error) {
        if (error instanceof ValidationError) {
          res.status(400);
          return readPage(req, res, { ...fromValidationError(error), values: body });
        }
        if (error instanceof ConflictError) {
          res.status(409);
          return readPage(req, res, {
            ...fromValidationError(new ValidationError(error.message, { form: error.message })),
            values: {},
          });
        }
        throw error;
      }
    })
    .get('/our-policies', 'public', async (_req, res) => {
      res.render('policies/views/public.njk', {
        published: (await deps.policies.published()).map((p) => ({
          ...p,
          kindName: POLICY_KIND_NAMES[p.policy.kind],
          name: versionName(p.current),
        })),
      });
    })
    .get('/our-policies/:id', 'public', async (req, res) => {
      const id = requireId(req.params.id, 'policy');
      const found = (await deps.policies.published()).find((p) => p.policy.id === id);
      if (!found) throw new NotFoundError('No such published policy');
      if (found.current.fileSha256) return sendFile(res, await deps.policies.document(id, found.current.id));
      res.render('policies/views/public-policy.njk', {
        ...found,
        kindName: POLICY_KIND_NAMES[found.policy.kind],
        name: versionName(found.current),
      });
    });
}
