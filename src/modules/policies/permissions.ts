import { permission } from '../../platform/authz/permissions.ts';
import { ROLES } from '../../platform/authz/roles.ts';

/**
 * Policies. Everyone reads the policies that apply to them and acknowledges them; the DPO, IG officers, asset owners
 * and auditors see the library and its coverage; the DPO and IG officers keep it. A policy's owner changes their own
 * policy and its approver approves its versions, whatever else they hold (checked on the policy: a 403 for others).
 */
export const POLICIES = {
  read: permission('policies.read', ROLES),
  view: permission('policies.view', ['dpo', 'ig_officer', 'asset_owner', 'auditor']),
  manage: permission('policies.manage', ['dpo', 'ig_officer']),
};
