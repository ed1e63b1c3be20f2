import { permission } from '../../platform/authz/permissions.ts';

/** The discovery inventory: sources, scans, files and their masked findings. */
export const DISCOVERY = {
  view: permission('discovery.view', ['dpo', 'ig_officer', 'records_manager']),
  /** Settings of a source: what becomes of its files when a disposal list destroys them. */
  manage: permission('discovery.manage', ['dpo', 'records_manager']),
};
