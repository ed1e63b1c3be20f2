import { permission } from '../../platform/authz/permissions.ts';

/**
 * The register: information assets, processing activities, sharing agreements and privacy notices. Asset owners keep
 * the entries of their own directorate; the DPO and IG officers every entry; auditors read everything; other staff
 * see nothing here (published privacy notices are public pages).
 */
export const REGISTER = {
  view: permission('register.view', ['dpo', 'ig_officer', 'asset_owner', 'auditor']),
  /** Adding and changing assets and activities, and confirming an asset's entry at its review. */
  edit: permission('register.edit', ['dpo', 'ig_officer', 'asset_owner']),
  /** The controller's details, publishing privacy notices, exporting the whole record of processing. */
  manage: permission('register.manage', ['dpo', 'ig_officer']),
};
