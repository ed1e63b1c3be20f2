import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Services } from '../../platform/modules.ts';
import { Routes } from '../../platform/web/routes.ts';
import { pagination } from '../../platform/web/pagination.ts';
import { actorOf } from '../../platform/web/request.ts';
import {
  fromValidationError,
  toFormErrors,
  validate,
  asString,
  asOptionalInt,
} from '../../platform/web/forms.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/commands.ts';
import {
  newUserSchema,
  userUpdateSchema,
  directorateSchema,
  teamSchema,
  apiTokenSchema,
  passwordSchema,
} from '../../platform/identity/schemas.ts';
import { ROLES, ROLE_NAMES, COUNCIL_WIDE_ROLES, type Role } from '../../platform/authz/roles.ts';
import { userFormInput, userFormValues, type UserFormValues } from './forms.ts';
import { idSchema, requireId } from '../../platform/validation.ts';
import { ADMIN } from './permissions.ts';
import { mustUseTwoStep } from '../../platform/identity/two-step.ts';

type Deps = Pick<Services, 'users' | 'organisation' | 'apiTokens' | 'audit' | 'twoStep'>;

const PAGE_SIZE = 50;

const listQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: z
    .enum([...ROLES, 'none'])
    .optional()
    .catch(undefined),
  directorate: z.coerce.number().pipe(idSchema).optional().catch(undefined),
  status: z.enum(['active', 'inactive']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const roleOptions = ROLES.map((r) => ({ value: r, text: ROLE_NAMES[r], scoped: !COUNCIL_WIDE_ROLES.has(r) }));
/** Everyone is a member of staff already, so the user form does not offer it; an API token may act as one. */
const grantableRoles = roleOptions.filter((r) => r.value !== 'staff');

/** Administration of staff accounts, directorates, teams and API tokens. */
export function adminRoutes(deps: Deps): Routes {
  const renderUserForm = async (res: Response, view: 'new' | 'edit', extra: Record<string, unknown>) => {
    const [directorates, teams] = await Promise.all([
      deps.organisation.directorates(),
      deps.organisation.teams(),
    ]);
    res.render('admin/views/user-form.njk', {
      view,
      directorates,
      teams,
      roleOptions: grantableRoles,
      ...extra,
    });
  };

  return new Routes()
    .get('/admin', ADMIN.users, (_req, res) => res.render('admin/views/index.njk'))
    .get('/admin/users', ADMIN.users, async (req, res) => {
      const q = listQuery.parse(req.query);
      const directorateId = q.directorate;
      const { rows, total } = await deps.users.list(
        { q: q.q, role: q.role, directorateId, status: q.status },
        { limit: PAGE_SIZE, offset: (q.page - 1) * PAGE_SIZE },
      );
      const directorates = await deps.organisation.directorates();
      res.render('admin/views/users.njk', {
        rows,
        total,
        query: q,
        directorates,
        roleOptions,
        pages: pagination(req, q.page, total, PAGE_SIZE),
      });
    })
    .get('/admin/users/new', ADMIN.users, async (_req, res) => {
      await renderUserForm(res, 'new', { values: { grants: [], teamIds: [] } });
    })
    .post('/admin/users', ADMIN.users, async (req, res) => {
      const values = userFormInput(req.body);
      const form = validate(newUserSchema, values);
      if (!form.ok) return void (res.status(400), await renderUserForm(res, 'new', { ...form, values }));
      try {
        const id = await deps.users.create(actorOf(req.principal!), form.value);
        req.session.flash = { type: 'success', text: `Account created for ${form.value.displayName}` };
        res.redirect(303, `/admin/users/${id}`);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        await renderUserForm(res, 'new', { ...fromValidationError(error), values });
      }
    })
    .get('/admin/users/:id', ADMIN.users, async (req, res) => {
      const user = await loadUser(deps, req);
      // A staff record is personal data: reading it is audited.
      await deps.audit.recordView(actorOf(req.principal!), {
        action: 'user.viewed',
        entityType: 'user',
        entityId: user.id,
      });
      const directorates = new Map((await deps.organisation.directorates()).map((d) => [d.id, d.name]));
      res.render('admin/views/user.njk', {
        subject: user,
        directorateNames: Object.fromEntries(directorates),
        twoStepRequired: mustUseTwoStep(user.grants),
      });
    })
    .get('/admin/users/:id/edit', ADMIN.users, async (req, res) => {
      const user = await loadUser(deps, req);
      await renderUserForm(res, 'edit', { subject: user, values: userFormValues(user) });
    })
    .post('/admin/users/:id/edit', ADMIN.users, async (req, res) => {
      const user = await loadUser(deps, req);
      const values: UserFormValues = { ...userFormInput(req.body), email: user.email };
      const form = validate(userUpdateSchema, values);
      if (!form.ok)
        return void (res.status(400), await renderUserForm(res, 'edit', { ...form, values, subject: user }));
      try {
        await deps.users.update(actorOf(req.principal!), user.id, form.value);
        // An administrator who has just given up the role can no longer see this page: say so on the home page.
        const gaveUpAdmin =
          user.id === req.principal!.id && !form.value.grants.some((g) => g.role === 'admin');
        req.session.flash = {
          type: 'success',
          text: gaveUpAdmin ? 'Changes saved. You are no longer an administrator.' : 'Changes saved',
        };
        res.redirect(303, gaveUpAdmin ? '/' : `/admin/users/${user.id}`);
      } catch (error) {
        if (error instanceof ConflictError) {
          res.status(409);
          return renderUserForm(res, 'edit', {
            ...toFormErrors({ form: error.message }),
            values,
            subject: user,
          });
        }
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        await renderUserForm(res, 'edit', { ...fromValidationError(error), values, subject: user });
      }
    })
    .post('/admin/users/:id/deactivate', ADMIN.users, async (req, res) => {
      const user = await loadUser(deps, req);
      try {
        await deps.users.setActive(actorOf(req.principal!), user.id, false);
        req.session.flash = { type: 'success', text: `${user.displayName} can no longer sign in` };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        req.session.flash = { type: 'info', text: error.message };
      }
      res.redirect(303, `/admin/users/${user.id}`);
    })
    .post('/admin/users/:id/reactivate', ADMIN.users, async (req, res) => {
      const user = await loadUser(deps, req);
      await deps.users.setActive(actorOf(req.principal!), user.id, true);
      req.session.flash = { type: 'success', text: `${user.displayName} can sign in again` };
      res.redirect(303, `/admin/users/${user.id}`);
    })
    .get('/admin/users/:id/password', ADMIN.users, async (req, res) => {
      res.render('admin/views/password.njk', { subject: await loadUser(deps, req) });
    })
    .post('/admin/users/:id/password', ADMIN.users, async (req, res) => {
      const user = await loadUser(deps, req);
      const form = validate(z.object({ password: passwordSchema }), {
        password: asString(req.body.password),
      });
      if (!form.ok) return res.status(400).render('admin/views/password.njk', { ...form, subject: user });
      await deps.users.resetPassword(actorOf(req.principal!), user.id, form.value.password);
      req.session.flash = {
        type: 'success',
        text: `Password reset. ${user.displayName} has been signed out everywhere.`,
      };
      res.redirect(303, `/admin/users/${user.id}`);
    })
    .get('/admin/users/:id/two-step', ADMIN.users, async (req, res) => {
      res.render('admin/views/reset-two-step.njk', { subject: await loadUser(deps, req) });
    })
    .post('/admin/users/:id/two-step', ADMIN.users, async (req, res) => {
      const user = await loadUser(deps, req);
      await deps.twoStep.reset(actorOf(req.principal!), user.id);
      req.session.flash = {
        type: 'success',
        text: `Two-step sign-in reset. ${user.displayName} has been signed out everywhere${mustUseTwoStep(user.grants) ? ' and will set up a new authenticator app at their next sign-in' : ''}.`,
      };
      res.redirect(303, `/admin/users/${user.id}`);
    })
    .get('/admin/organisation', ADMIN.organisation, async (_req, res) => {
      await renderOrganisation(deps, res, {});
    })
    .post('/admin/directorates', ADMIN.organisation, async (req, res) => {
      const values = { name: asString(req.body.name) };
      const form = validate(directorateSchema, values);
      if (!form.ok)
        return void (
          res.status(400),
          await renderOrganisation(deps, res, { ...form, directorateValues: values })
        );
      try {
        await deps.organisation.createDirectorate(actorOf(req.principal!), form.value.name);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        return renderOrganisation(deps, res, { ...fromValidationError(error), directorateValues: values });
      }
      req.session.flash = { type: 'success', text: `Directorate ${form.value.name} added` };
      res.redirect(303, '/admin/organisation');
    })
    .post('/admin/teams', ADMIN.organisation, async (req, res) => {
      const values = {
        name: asString(req.body.teamName),
        directorateId: asOptionalInt(req.body.directorateId),
      };
      const form = validate(teamSchema, values);
      const rename = (f: {
        errors: Record<string, { text: string }>;
        errorList: { text: string; href: string }[];
      }) => ({
        errors: { teamName: f.errors.name, directorateId: f.errors.directorateId },
        errorList: f.errorList.map((e) => (e.href === '#name' ? { ...e, href: '#teamName' } : e)),
      });
      if (!form.ok)
        return void (
          res.status(400),
          await renderOrganisation(deps, res, { ...rename(form), teamValues: values })
        );
      try {
        await deps.organisation.createTeam(
          actorOf(req.principal!),
          form.value.directorateId,
          form.value.name,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        res.status(400);
        return renderOrganisation(deps, res, { ...rename(fromValidationError(error)), teamValues: values });
      }
      req.session.flash = { type: 'success', text: `Team ${form.value.name} added` };
      res.redirect(303, '/admin/organisation');
    })
    .get('/admin/api-tokens', ADMIN.apiTokens, async (_req, res) => {
      await renderTokens(deps, res, {});
    })
    .post('/admin/api-tokens', ADMIN.apiTokens, async (req, res) => {
      const values = {
        name: asString(req.body.name),
        role: asString(req.body.role) as Role,
        directorateId: asOptionalInt(req.body.directorateId),
      };
      const form = validate(apiTokenSchema, values);
      if (!form.ok) return void (res.status(400), await renderTokens(deps, res, { ...form, values }));
      const created = await deps.apiTokens.create(actorOf(req.principal!), form.value);
      // Shown once, on this response only; never stored or logged.
      await renderTokens(deps, res, { created });
    })
    .post('/admin/api-tokens/:id/revoke', ADMIN.apiTokens, async (req, res) => {
      await deps.apiTokens.revoke(actorOf(req.principal!), idParam(req));
      req.session.flash = { type: 'success', text: 'Token revoked' };
      res.redirect(303, '/admin/api-tokens');
    });
}

function idParam(req: Request): number {
  return requireId(req.params.id, 'record');
}

async function loadUser(deps: Deps, req: Request) {
  const user = await deps.users.get(idParam(req));
  if (!user) throw new NotFoundError('No such user');
  return user;
}

async function renderOrganisation(deps: Deps, res: Response, extra: Record<string, unknown>) {
  const [directorates, teams] = await Promise.all([
    deps.organisation.directorates(),
    deps.organisation.teams(),
  ]);
  res.render('admin/views/organisation.njk', { directorates, teams, ...extra });
}

async function renderTokens(deps: Deps, res: Response, extra: Record<string, unknown>) {
  const [tokens, directorates] = await Promise.all([deps.apiTokens.list(), deps.organisation.directorates()]);
  res.render('admin/views/api-tokens.njk', { tokens, directorates, roleOptions, ...extra });
}
