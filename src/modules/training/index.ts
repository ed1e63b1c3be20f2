import { defineModule } from '../../platform/modules.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { TRAINING } from './permissions.ts';
import { TrainingService } from './training-service.ts';
import { trainingRoutes } from './training-routes.ts';
import { courseRoutes } from './course-routes.ts';
import { completionsRoutes } from './completions-routes.ts';
import { trainingAttention } from './attention.ts';
import { seedDemoTraining } from './demo.ts';

export { TRAINING };
export { standingText } from './presenters.ts';

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    training: TrainingService;
  }
}

/**
 * Mandatory training against the DSPT's 95 %: courses, completions from an LMS's CSV, xAPI statements or typed by
 * hand, the figures per directorate and team against their targets, the trend, reminders to people and their line
 * managers, and each person's record.
 */
export const training = defineModule({
  name: 'training',
  permissions: Object.values(TRAINING),
  area: {
    name: 'Training',
    href: '/training',
    permission: TRAINING.own,
    purpose: 'Mandatory training against the 95% target, and your own record',
    available: true,
  },
  services: (services) => ({
    training: new TrainingService({ db: services.db, clock: services.clock, mail: services.mail }),
  }),
  jobs: (services) => [
    {
      name: 'training.snapshot',
      // Each night: the day's figures kept for the trend.
      cron: '45 0 * * *',
      run: () => services.training.snapshot(systemActor('Training figures')),
    },
  ],
  routes: (services) => [completionsRoutes(services), courseRoutes(services), trainingRoutes(services)],
  attention: trainingAttention,
  demo: seedDemoTraining,
});
