import { defineModule } from '../../platform/modules.ts';
import { REGISTER } from './permissions.ts';
import { RegisterService } from './register-service.ts';
import { SharingService } from './sharing-service.ts';
import { NoticesService } from './notices-service.ts';
import { DpiaService } from './dpia-service.ts';
import { dpiaRoutes } from './dpia-routes.ts';
import { dpiaDecisionRoutes } from './dpia-decision-routes.ts';
import { noticesRoutes } from './notices-routes.ts';
import { sharingRoutes } from './sharing-routes.ts';
import { registerRoutes } from './register-routes.ts';
import { assetsRoutes } from './assets-routes.ts';
import { activitiesRoutes } from './activities-routes.ts';
import { registerAttention } from './attention.ts';
import { registerApi } from './api.ts';
import { seedDemoRegister } from './demo.ts';

export { REGISTER };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    register: RegisterService;
    sharing: SharingService;
    notices: NoticesService;
    dpias: DpiaService;
  }
}

/**
 * The register: information assets and processing activities (the record of processing, UK GDPR Art 30) in one
 * register with two views, the controller's details, and the exports the DPO and the ICO ask for.
 */
export const register = defineModule({
  name: 'register',
  permissions: Object.values(REGISTER),
  area: {
    name: 'Register',
    href: '/register',
    permission: REGISTER.view,
    purpose: 'The information asset register and the record of processing',
    available: true,
  },
  services: (services) => {
    const deps = { db: services.db, clock: services.clock, councilName: services.config.councilName };
    const register = new RegisterService({ ...deps, schedule: () => services.retentionSchedule.inForce() });
    return {
      register,
      sharing: new SharingService(deps),
      notices: new NoticesService(deps, register),
      dpias: new DpiaService(deps),
    };
  },
  routes: (services) => [
    registerRoutes(services),
    assetsRoutes(services),
    activitiesRoutes(services),
    sharingRoutes(services),
    noticesRoutes(services),
    dpiaRoutes(services),
    dpiaDecisionRoutes(services),
  ],
  api: (services, registry) => [registerApi(services, registry)],
  attention: registerAttention,
  demo: seedDemoRegister,
});
