import { permission } from '../../platform/authz/permissions.ts';

/** Keeping the publication scheme and the Transparency Code datasets. */
export const PUBLICATION = {
  manage: permission('publication.manage', ['dpo', 'ig_officer', 'requests_officer']),
};
