import { defineModule } from '../../platform/modules.ts';
import { INCIDENTS } from './permissions.ts';
import { IncidentsService } from './incidents-service.ts';
import { IncidentTrendsService } from './trends-service.ts';
import { escalate, remindActions } from './escalation.ts';
import { reportRoutes } from './report-routes.ts';
import { trendsRoutes } from './trends-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { decisionRoutes } from './decision-routes.ts';
import { actionRoutes } from './action-routes.ts';
import { incidentsAttention } from './attention.ts';
import { seedDemoIncidents } from './demo.ts';

export { INCIDENTS };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    incidents: IncidentsService;
    incidentTrends: IncidentTrendsService;
    incidentJobs: {
      escalate(): Promise<{ escalated: number }>;
      remindActions(): Promise<{ reminded: number }>;
    };
  }
}

/**
 * Incidents and personal-data breaches: the two-minute report for staff and the public's concern form, triage on the
 * ICO's 72-hour clock with escalation to the DPO and the out-of-hours deputy, the assessment of risk, the decisions to
 * tell the ICO (Art 33) and the people (Art 34), the ICO report, actions, lessons, and trends.
 */
export const incidents = defineModule({
  name: 'incidents',
  permissions: Object.values(INCIDENTS),
  area: {
    name: 'Incidents',
    href: '/incidents',
    permission: INCIDENTS.report,
    purpose: 'Reporting data breaches and handling them on the 72-hour ICO clock',
    available: true,
  },
  services: (services) => {
    const deps = {
      db: services.db,
      clock: services.clock,
      calendar: services.calendar,
      mail: services.mail,
      audit: services.audit,
    };
    const controller = async () => {
      const details = await services.register.controller();
      return {
        name: services.config.councilName,
        address: details?.address ?? null,
        email: details?.email ?? null,
        icoRegistration: details?.icoRegistration ?? null,
        dpoName: details?.dpoName ?? null,
        dpoEmail: details?.dpoEmail ?? null,
      };
    };
    return {
      incidents: new IncidentsService({ ...deps, controller }),
      incidentTrends: new IncidentTrendsService(deps),
      incidentJobs: { escalate: () => escalate(deps), remindActions: () => remindActions(deps) },
    };
  },
  jobs: (services) => [
    {
      name: 'incidents.escalate',
      // Every five minutes: untriaged reports after four working hours, breaches at 48 and 24 hours left and overdue.
      cron: '*/5 * * * *',
      run: () => services.incidentJobs.escalate(),
    },
    {
      name: 'incidents.remind-actions',
      // Each morning: owners of actions due today or overdue.
      cron: '0 8 * * *',
      run: () => services.incidentJobs.remindActions(),
    },
  ],
  routes: (services) => [
    trendsRoutes(services),
    reportRoutes(services),
    caseRoutes(services),
    decisionRoutes(services),
    actionRoutes(services),
  ],
  attention: incidentsAttention,
  demo: seedDemoIncidents,
});
