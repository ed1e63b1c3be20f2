import { defineModule } from '../../platform/modules.ts';
import { REQUESTS } from './permissions.ts';
import { RequestsService } from './service.ts';
import { RequestReportsService } from './reports.ts';
import { RequestSettingsService } from './settings.ts';
import { AttachmentsService } from './attachments.ts';
import { publicRequestRoutes } from './public-routes.ts';
import { requestRoutes } from './routes.ts';
import { requestsApi } from './api.ts';
import { seedDemoRequests } from './demo.ts';

export { REQUESTS };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    requests: RequestsService;
    requestReports: RequestReportsService;
    requestSettings: RequestSettingsService;
    attachments: AttachmentsService;
  }
}

/** FOI, EIR and data-protection rights requests, internal reviews, press and general enquiries. */
export const requests = defineModule({
  name: 'requests',
  permissions: Object.values(REQUESTS),
  area: {
    name: 'Requests',
    href: '/requests',
    permission: REQUESTS.view,
    purpose: 'FOI, EIR and subject access requests on the statutory clock',
    available: true,
  },
  services: ({ db, clock, calendar, mail, audit, files, config }) => ({
    requests: new RequestsService({
      db,
      clock,
      calendar,
      mail,
      audit,
      councilName: config.councilName,
      nation: config.councilNation,
      enquiryTargetDays: config.enquiryTargetDays,
    }),
    requestReports: new RequestReportsService({ db, clock, calendar }),
    requestSettings: new RequestSettingsService({ db, clock }),
    attachments: new AttachmentsService({ db, clock, files, audit, maxBytes: config.maxUploadBytes }),
  }),
  routes: (services) => [publicRequestRoutes(services), requestRoutes(services)],
  api: (services, registry) => [requestsApi(services, registry)],
  attention: (services, principal) => services.requests.attention(principal),
  demo: async (context) => {
    context.counts.requests = await seedDemoRequests(context.tx, context.audit, {
      seed: context.seed,
      today: context.today,
      directorates: context.directorates,
    });
  },
});
