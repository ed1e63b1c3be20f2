import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canApproveCase, canManageCase, canViewCase } from './policy.ts';
import type { Principal } from '../../platform/authz/roles.ts';

const user = (role: Principal['grants'][number]['role'], directorateId: number | null = null): Principal => ({
  kind: 'user',
  id: 1,
  label: 'x',
  grants: [{ role, directorateId }],
});

describe('request case policies', () => {
  it('scopes officers to their directorate, and unallocated cases to the central team', () => {
    const officer = user('requests_officer', 2);
    assert.equal(canViewCase(officer, { directorateId: 2, type: 'foi' }), true);
    assert.equal(canManageCase(officer, { directorateId: 2, type: 'foi' }), true);
    assert.equal(canViewCase(officer, { directorateId: 3, type: 'foi' }), false);
    assert.equal(canViewCase(officer, { directorateId: null, type: 'foi' }), false);
    assert.equal(canViewCase(user('requests_officer'), { directorateId: null, type: 'foi' }), true);
  });
  it('lets auditors read but not act', () => {
    assert.equal(canViewCase(user('auditor'), { directorateId: 4, type: 'sar' }), true);
    assert.equal(canManageCase(user('auditor'), { directorateId: 4, type: 'sar' }), false);
  });
  it('needs the DPO to approve rights requests', () => {
    assert.equal(canApproveCase(user('ig_officer'), { directorateId: 1, type: 'foi' }), true);
    assert.equal(canApproveCase(user('ig_officer'), { directorateId: 1, type: 'sar' }), false);
    assert.equal(canApproveCase(user('dpo'), { directorateId: 1, type: 'erasure' }), true);
    assert.equal(canApproveCase(user('requests_officer'), { directorateId: 1, type: 'foi' }), false);
    assert.equal(canApproveCase(undefined, { directorateId: 1, type: 'foi' }), false);
  });
});
