import path from 'node:path';
import { systemActor } from '../../platform/audit/service.ts';
import type { DemoContext, Services } from '../../platform/modules.ts';
import { generateCorpus } from '../../discovery/corpus/generate.ts';
import { findingKey } from '../../discovery/finding-key.ts';
import { inspectorFor } from '../../discovery/inspect/pool.ts';
import { runScan } from '../../discovery/scan.ts';

/** Files on the demo share: enough for every discovery page, and for the files on the retention schedule. */
const DEMO_SHARE_FILES = 480;
const DEMO_SOURCE = 'Shared drive';

/** Folders of the demo share put in classes of the seeded schedule, as a records manager would start. */
const DEMO_FOLDER_RULES = [
  { selector: 'Resources/Finance', classCode: 'FIN-01' },
  { selector: 'Resources/HR', classCode: 'HR-03' },
  { selector: 'Revenues and Benefits', classCode: 'FIN-01' },
];

/**
 * Once the demo council is committed: a shared drive of synthetic council documents (seeded, with invented people in
 * them) written under the data folder and scanned, as `custodian scan` would, and two of its folders classified.
 */
export async function seedDemoShare(context: DemoContext) {
  context.afterwards(async (services) => {
    const out = path.join(services.config.dataDir, 'demo-share');
    await generateCorpus({
      out,
      files: DEMO_SHARE_FILES,
      seed: context.seed,
      scans: 0,
      now: new Date(`${context.today}T12:00:00Z`),
    });
    const key = findingKey(services.config);
    const inspector = inspectorFor(services.config, key);
    try {
      await runScan(services, systemActor('Demo council'), {
        source: DEMO_SOURCE,
        root: path.join(out, 'files'),
        findingKey: key,
        inspector,
      });
    } finally {
      await inspector.close();
    }
    await classifyDemoFolders(services);
  });
}

async function classifyDemoFolders(services: Services) {
  const [source] = (await services.inventory.sources()).filter((s) => s.name === DEMO_SOURCE);
  for (const rule of DEMO_FOLDER_RULES)
    await services.retentionSchedule.addRule(systemActor('Demo council'), {
      source: 'files',
      scope: source!.id,
      ...rule,
    });
}
