import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { can, scopeOf } from './policy.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';
import { ROLES, type Principal, type Role } from './roles.ts';

const user = (grants: Principal['grants']): Principal => ({ kind: 'user', id: 1, label: 'u', grants });
const token = (role: Role, directorateId: number | null = null): Principal => ({
  kind: 'api',
  id: 1,
  label: 't',
  grants: [{ role, directorateId }],
});

describe('policies', () => {
  it('refuses everything to nobody', () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) assert.equal(can(undefined, p), false);
    assert.deepEqual(scopeOf(undefined, 'requests.view'), []);
  });

  it('gives each role exactly the permissions the table lists', () => {
    for (const role of ROLES) {
      for (const [permission, roles] of Object.entries(PERMISSIONS) as [Permission, readonly Role[]][]) {
        assert.equal(can(token(role), permission), roles.includes(role), `${role} / ${permission}`);
      }
    }
  });

  it('treats every signed-in user as a member of staff, but not an API token', () => {
    assert.equal(can(user([]), 'home.view'), true);
    assert.equal(can(user([]), 'incidents.report'), true);
    assert.equal(can(user([]), 'audit.view'), false);
    assert.equal(can({ kind: 'api', id: 1, label: 't', grants: [] }, 'home.view'), false);
  });

  it('limits a directorate-scoped grant to that directorate', () => {
    const officer = user([{ role: 'requests_officer', directorateId: 3 }]);
    assert.equal(can(officer, 'requests.view'), true);
    assert.equal(can(officer, 'requests.view', { directorateId: 3 }), true);
    assert.equal(can(officer, 'requests.view', { directorateId: 4 }), false);
    assert.equal(can(officer, 'requests.view', { directorateId: null }), false);
    assert.deepEqual(scopeOf(officer, 'requests.view'), [3]);
  });

  it('combines several scoped grants and lets a council-wide grant cover all', () => {
    const officer = user([
      { role: 'requests_officer', directorateId: 3 },
      { role: 'requests_officer', directorateId: 5 },
    ]);
    assert.deepEqual(scopeOf(officer, 'requests.view'), [3, 5]);
    const wide = user([{ role: 'requests_officer', directorateId: null }]);
    assert.equal(scopeOf(wide, 'requests.view'), 'all');
    assert.equal(can(wide, 'requests.view', { directorateId: 9 }), true);
  });

  it('never scopes council-wide roles, whatever directorate is recorded', () => {
    const dpo = user([{ role: 'dpo', directorateId: 3 }]);
    assert.equal(can(dpo, 'requests.view', { directorateId: 8 }), true);
    assert.equal(scopeOf(dpo, 'audit.view'), 'all');
  });
});
