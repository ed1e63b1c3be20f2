import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { authorize, can, scopeOf } from './policy.ts';
import { permission, permissionTable } from './permissions.ts';
import { ROLES, type Principal, type Role } from './roles.ts';
import { ForbiddenError } from '../errors.ts';

const VIEW = permission('widgets.view', ['dpo', 'requests_officer', 'auditor']);
const MANAGE = permission('widgets.manage', ['dpo', 'requests_officer']);
const AUDIT = permission('audit.view', ['admin', 'dpo', 'auditor']);
const HOME = permission('home.view', ROLES);

const user = (grants: Principal['grants']): Principal => ({ kind: 'user', id: 1, label: 'u', grants });
const token = (role: Role, directorateId: number | null = null): Principal => ({
  kind: 'api',
  id: 1,
  label: 't',
  grants: [{ role, directorateId }],
});

describe('authorisation', () => {
  it('refuses everything to nobody', () => {
    for (const p of [VIEW, MANAGE, AUDIT, HOME]) assert.equal(can(undefined, p), false);
    assert.deepEqual(scopeOf(undefined, VIEW), []);
  });

  it('gives each role exactly the permissions that list it', () => {
    for (const role of ROLES)
      for (const p of [VIEW, MANAGE, AUDIT, HOME])
        assert.equal(can(token(role), p), p.roles.includes(role), `${role} / ${p.name}`);
  });

  it('treats every signed-in user as a member of staff, but not an API token', () => {
    assert.equal(can(user([]), HOME), true);
    assert.equal(can(user([]), AUDIT), false);
    assert.equal(can({ kind: 'api', id: 1, label: 't', grants: [] }, HOME), false);
  });

  it('limits a directorate-scoped grant to that directorate', () => {
    const officer = user([{ role: 'requests_officer', directorateId: 3 }]);
    assert.equal(can(officer, VIEW), true);
    assert.equal(can(officer, VIEW, { directorateId: 3 }), true);
    assert.equal(can(officer, VIEW, { directorateId: 4 }), false);
    assert.equal(can(officer, VIEW, { directorateId: null }), false);
    assert.deepEqual(scopeOf(officer, VIEW), [3]);
  });

  it('combines several scoped grants and lets a council-wide grant cover all', () => {
    const officer = user([
      { role: 'requests_officer', directorateId: 3 },
      { role: 'requests_officer', directorateId: 5 },
    ]);
    assert.deepEqual(scopeOf(officer, VIEW), [3, 5]);
    const wide = user([{ role: 'requests_officer', directorateId: null }]);
    assert.equal(scopeOf(wide, VIEW), 'all');
    assert.equal(can(wide, VIEW, { directorateId: 9 }), true);
  });

  it('never scopes council-wide roles, whatever directorate is recorded', () => {
    const dpo = user([{ role: 'dpo', directorateId: 3 }]);
    assert.equal(can(dpo, VIEW, { directorateId: 8 }), true);
    assert.equal(scopeOf(dpo, AUDIT), 'all');
  });

  it('refuses with a ForbiddenError, always a 403', () => {
    const auditor = user([{ role: 'auditor', directorateId: null }]);
    assert.doesNotThrow(() => authorize(auditor, VIEW));
    assert.throws(() => authorize(auditor, MANAGE), ForbiddenError);
    assert.throws(() => authorize(auditor, false, undefined, 'Only the DPO'), /Only the DPO/);
  });

  it('names permissions <module>.<verb>, and refuses one name defined twice', () => {
    assert.throws(() => permission('Widgets View', ['dpo']), /<module>\.<verb>/);
    assert.throws(() => permissionTable([VIEW, permission('widgets.view', ['admin'])]), /defined twice/);
    assert.equal(permissionTable([VIEW, MANAGE, VIEW]).size, 2);
  });
});
