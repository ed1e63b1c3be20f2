import { permission } from '../../platform/authz/permissions.ts';

/**
 * The retention schedule, legal holds and disposal. Asset owners hold theirs within their directorate: they see and
 * review the disposal lists of the classes their directorate owns.
 */
export const RECORDS = {
  view: permission('records.view', ['dpo', 'ig_officer', 'records_manager', 'asset_owner', 'auditor']),
  /** The schedule and the rules that classify records. */
  manageSchedule: permission('records.manage-schedule', ['dpo', 'records_manager']),
  /** Placing and releasing legal holds. */
  hold: permission('records.hold', ['dpo', 'records_manager']),
  /** Reviewing a disposal list item by item: the owner of the class's records. */
  review: permission('records.review', ['records_manager', 'asset_owner']),
  /** Approving a reviewed list for disposal. */
  approve: permission('records.approve', ['records_manager']),
  /** Stopping an approved list during its cooling-off. */
  stop: permission('records.stop', ['dpo', 'ig_officer', 'records_manager', 'asset_owner']),
};
