import { createPlatformServices, platformJobs, type Deps } from './platform/services.ts';
import type { ModuleDefinition, Services } from './platform/modules.ts';
import { JobQueue } from './platform/jobs/queue.ts';
import { MODULES } from './modules/index.ts';

export type { Deps, Services };

/**
 * The composition root: the platform's services, then each module's in the list's order (a module may use the
 * services of those before it), then the job queue with every job. Built once, for the web app, the workers and the
 * command line alike.
 */
export function createServices(deps: Deps, modules: readonly ModuleDefinition[] = MODULES): Services {
  const services = { ...createPlatformServices(deps), modules } as Services;
  for (const module of modules) Object.assign(services, module.services?.(services));
  services.jobs = new JobQueue(
    deps.db,
    [...platformJobs(services), ...modules.flatMap((m) => m.jobs?.(services) ?? [])],
    deps.logger,
  );
  return services;
}
