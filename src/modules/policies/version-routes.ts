import type { Request, Response } from 'express';
import type { Services } from '../../platform/modules.ts';
import { ForbiddenError, ValidationError, ConflictError } from '../../platform/errors.ts';
import { fromValidationError, validate } from '../../platform/web/forms.ts';
import { callerOf } from '../../platform/web/request.ts';
import { Routes } from '../../platform/web/routes.ts';
import { singleUpload } from '../../platform/web/upload.ts';
import { sendFile } from '../../platform/web/send-file.ts';
import { requireId } from '../../platform/validation.ts';
import { versionSchema } from './inputs.ts';
import { POLICIES } from './permissions.ts';
import { canEdit, canSeeAll } from './policy.ts';
import { versionName, quizText } from './presenters.ts';
import { MAX_POLICY_FILE_BYTES } from './commands/versions.ts';

type Deps = Pick<Services, 'policies'>;

/** A policy's versions: writing one, reading it, its document, approving and publishing it. */
export function versionRoutes(deps: Deps): Routes {
  const versionForm = async (res: Response, policyId: number, page: object = {}) => {
    const p = await deps.policies.policy(policyId);
    res.render('policies/views/version-form.njk', {
      p,
      maxUploadMb: MAX_POLICY_FILE_BYTES / 1024 / 1024,
      values: { material: p.versions.length ? '' : 'yes', passMark: '80' },
      ...page,
    });
  };

  /** A version, for whoever may see the policy's drafts, or for anyone once it is published. */
  const readable = async (req: Request) => {
    const policyId = requireId(req.params.id, 'policy');
    const version = await deps.policies.version(policyId, requireId(req.params.versionId, 'version'));
    const p = await deps.policies.policy(policyId);
    if (
      !canSeeAll(req.principal, p.policy) &&
      version.status !== 'published' &&
      version.status !== 'superseded'
    )
      throw new ForbiddenError('This version is not published');
    return { p, version };
  };

  return new Routes()
    .get('/policies/:id/versions/new', POLICIES.read, async (req, res) => {
      const id = requireId(req.params.id, 'policy');
      const p = await deps.policies.policy(id);
      if (!canEdit(req.principal, p.policy))
        throw new ForbiddenError('Only the policy’s owner and the IG team can write its versions');
      await versionForm(res, id);
    })
    .post('/policies/:id/versions', POLICIES.read, singleUpload(MAX_POLICY_FILE_BYTES), async (req, res) => {
      const id = requireId(req.params.id, 'policy');
      const values = (req.body ?? {}) as Record<string, unknown>;
      const refuse = async (status: number, page: object) => {
        res.status(status);
        await versionForm(res, id, { values, ...page });
      };
      if (res.locals.uploadProblem)
        return refuse(
          400,
          fromValidationError(
            new ValidationError(res.locals.uploadProblem, { file: res.locals.uploadProblem }),
          ),
        );
      const parsed = validate(versionSchema, values);
      if (!parsed.ok) return refuse(400, parsed);
      try {
        await deps.policies.addVersion(
          callerOf(req),
          id,
          parsed.value,
          req.file ? { name: req.file.originalname, bytes: req.file.buffer } : undefined,
        );
        req.session.flash = { type: 'success', text: 'Version drafted: its approver can now approve it' };
        res.redirect(303, `/policies/${id}`);
      } catch (error) {
        if (error instanceof ValidationError) return refuse(400, fromValidationError(error));
        if (error instanceof ConflictError)
          return refuse(
            409,
            fromValidationError(new ValidationError(error.message, { form: error.message })),
          );
        throw error;
      }
    })
    .get('/policies/:id/versions/:versionId', POLICIES.read, async (req, res) => {
      const { p, version } = await readable(req);
      res.render('policies/views/version.njk', {
        p,
        version,
        name: versionName(version),
        quiz: quizText(version),
        authors: canSeeAll(req.principal, p.policy),
      });
    })
    .get('/policies/:id/versions/:versionId/document', POLICIES.read, async (req, res) => {
      const { p, version } = await readable(req);
      sendFile(res, await deps.policies.document(p.policy.id, version.id));
    })
    .post('/policies/:id/versions/:versionId/approve', POLICIES.read, async (req, res) => {
      const id = requireId(req.params.id, 'policy');
      await deps.policies.approve(callerOf(req), id, requireId(req.params.versionId, 'version'));
      req.session.flash = { type: 'success', text: 'Version approved: its owner can now publish it' };
      res.redirect(303, `/policies/${id}`);
    })
    .get('/policies/:id/versions/:versionId/publish', POLICIES.read, async (req, res) => {
      const { p, version } = await readable(req);
      if (!canEdit(req.principal, p.policy))
        throw new ForbiddenError('Only the policy’s owner and the IG team can publish it');
      res.render('policies/views/publish.njk', { p, version, name: versionName(version) });
    })
    .post('/policies/:id/versions/:versionId/publish', POLICIES.read, async (req, res) => {
      const id = requireId(req.params.id, 'policy');
      const { asked } = await deps.policies.publish(
        callerOf(req),
        id,
        requireId(req.params.versionId, 'version'),
      );
      req.session.flash = {
        type: 'success',
        text: asked
          ? `Published: ${asked} people asked to read and acknowledge it`
          : 'Published (a minor change: no one is asked again)',
      };
      res.redirect(303, `/policies/${id}`);
    });
}
