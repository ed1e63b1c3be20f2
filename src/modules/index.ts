import type { ModuleDefinition } from '../platform/modules.ts';
import { account } from './account/index.ts';
import { dashboard } from './dashboard/index.ts';
import { requests } from './requests/index.ts';
import { publication } from './publication/index.ts';
import { records } from './records/index.ts';
import { register } from './register/index.ts';
import { incidents } from './incidents/index.ts';
import { staff } from './staff/index.ts';
import { training } from './training/index.ts';
import { policies } from './policies/index.ts';
import { inventory } from './inventory/index.ts';
import { audit } from './audit/index.ts';
import { admin } from './admin/index.ts';
import { UPCOMING } from './upcoming.ts';

/**
 * Every module, in the order of the service navigation and of mounting; a module's services may use those of modules
 * before it. Adding a module is a line here; a placeholder in UPCOMING is replaced by the module that ships.
 */
export const MODULES: readonly ModuleDefinition[] = [
  account,
  dashboard,
  requests,
  publication,
  records,
  register,
  incidents,
  staff,
  training,
  policies,
  ...UPCOMING,
  inventory,
  audit,
  admin,
];
