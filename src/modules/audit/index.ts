import { defineModule } from '../../platform/modules.ts';
import { AUDIT } from './permissions.ts';
import { auditRoutes } from './routes.ts';
import { auditApi } from './api.ts';
import { auditAttention } from './attention.ts';

export { AUDIT };

/** The audit trail: read, filtered and exported by the DPO, auditors and administrators. */
export const audit = defineModule({
  name: 'audit',
  permissions: Object.values(AUDIT),
  area: {
    name: 'Audit',
    href: '/audit',
    permission: AUDIT.view,
    purpose: 'The tamper-evident record of every change and every view of personal data',
    available: true,
    onHome: false,
  },
  routes: (services) => [auditRoutes(services)],
  api: (services, registry) => [auditApi(services, registry)],
  attention: auditAttention,
});
