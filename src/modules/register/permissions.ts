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
  /** The DPO's advice on an impact assessment (Art 35(2)). */
  advise: permission('register.advise', ['dpo']),
  /**
   * Signing off an impact assessment: the owner of the risk (an information asset owner, or an IG officer for the
   * council-wide ones) — not the DPO, whose advice the sign-off weighs.
   */
  signOff: permission('register.sign-off', ['asset_owner', 'ig_officer']),
};
