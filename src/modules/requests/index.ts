import { defineModule } from '../../platform/modules.ts';
import { REQUESTS } from './permissions.ts';
import { RequestsService } from './service.ts';
import { RequestReportsService } from './reports.ts';
import { RequestSettingsService } from './settings.ts';
import { AttachmentsService } from './attachments.ts';
import { PublishedResponsesService } from './published-responses.ts';
import { publicRequestRoutes } from './public-routes.ts';
import { caseworkRoutes } from './casework-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { settingsRoutes } from './settings-routes.ts';
import { requestsApi } from './api.ts';
import { seedDemoRequests } from './demo.ts';
import { closedRequestsSource } from './record-source.ts';

export { REQUESTS };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    requests: RequestsService;
    requestReports: RequestReportsService;
    requestSettings: RequestSettingsService;
    attachments: AttachmentsService;
    /** What the disclosure log may read of requests: the responses officers published. */
    publishedResponses: PublishedResponsesService;
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
  services: ({ db, clock, calendar, mail, audit, files, organisation, config }) => {
    const deps = {
      db,
      clock,
      calendar,
      mail,
      audit,
      councilName: config.councilName,
      nation: config.councilNation,
      enquiryTargetDays: config.enquiryTargetDays,
    };
    return {
      requests: new RequestsService(deps),
      requestReports: new RequestReportsService({ db, calendar, organisation }),
      requestSettings: new RequestSettingsService({ ...deps, organisation }),
      attachments: new AttachmentsService({ ...deps, files, maxUploadBytes: config.maxUploadBytes }),
      publishedResponses: new PublishedResponsesService({ db, files }),
    };
  },
  // Fixed addresses before /requests/:id, which would otherwise take them for a case.
  routes: (services) => [
    publicRequestRoutes(services),
    reportRoutes(services),
    settingsRoutes(services),
    caseworkRoutes(services),
  ],
  api: (services, registry) => [requestsApi(services, registry)],
  recordSources: ({ files, logger }) => [closedRequestsSource({ files, logger })],
  attention: (services, principal) => services.requests.attention(principal),
  demo: async (context) => {
    context.counts.requests = await seedDemoRequests(context.tx, context.audit, {
      seed: context.seed,
      today: context.today,
      directorates: context.directorates,
    });
  },
});
