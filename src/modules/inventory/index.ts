import path from 'node:path';
import { defineModule } from '../../platform/modules.ts';
import { processQueuedBatch, type ScanBatch } from '../../discovery/scan.ts';
import { findingKey } from '../../discovery/finding-key.ts';
import { inspectorFor, type Inspector } from '../../discovery/inspect/pool.ts';
import { DISCOVERY } from './permissions.ts';
import { InventoryService } from './service.ts';
import { inventoryRoutes } from './routes.ts';
import { filesSource } from './record-source.ts';
import { seedDemoShare } from './demo.ts';

export { DISCOVERY };

declare module '../../platform/modules.ts' {
  interface ModuleServices {
    inventory: InventoryService;
  }
}

/**
 * The discovery inventory's pages (sources, scans, files and their masked findings), and the job that reads a scan's
 * batches in worker processes. The engine itself is `src/discovery`.
 */
export const inventory = defineModule({
  name: 'inventory',
  permissions: Object.values(DISCOVERY),
  area: {
    name: 'Discovery',
    href: '/discovery',
    permission: DISCOVERY.view,
    purpose: 'Scanning file shares for personal data and redundant, obsolete and trivial content',
    available: true,
  },
  services: ({ db, audit, clock }) => ({ inventory: new InventoryService({ db, audit, clock }) }),
  routes: (services) => [inventoryRoutes(services)],
  recordSources: ({ clock, logger, config }) => [
    filesSource({
      clock,
      logger,
      quarantineDir: path.join(config.dataDir, 'quarantine'),
      quarantineDays: config.disposalQuarantineDays,
    }),
  ],
  demo: seedDemoShare,
  jobs: ({ db, clock, config }) => {
    // Reading threads start with the first scan batch this process takes, and stay warm for the next.
    let inspector: Inspector | undefined;
    return [
      {
        name: 'discovery.process-batch',
        pollingIntervalSeconds: 0.5,
        // Several batches at once keep the reading threads busy while one batch is written and the next fetched.
        concurrency: 4,
        // The worker's process id goes in the job's output, so it can be seen which process did what.
        run: async (data) => ({
          ...(await processQueuedBatch(
            { db, clock },
            data as ScanBatch,
            findingKey(config),
            (inspector ??= inspectorFor(config, findingKey(config))),
          )),
          pid: process.pid,
        }),
      },
    ];
  },
});
