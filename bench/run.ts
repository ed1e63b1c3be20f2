// `npm run bench [-- section…]`: Custodian's figures beside peers run on the same data in the same run.
// Ratios, not absolute times, are what compare across machines.
import os from 'node:os';
import { webBench } from './web.ts';
import { pagesBench } from './pages.ts';
import { requestsBench } from './requests.ts';
import { discoveryBench } from './discovery.ts';
import { recordsBenchAll } from './records.ts';
import { registerBenchAll } from './register.ts';
import { incidentsBenchAll } from './incidents.ts';
import { peopleBenchAll } from './people.ts';

const sections: Record<string, () => Promise<void>> = {
  web: webBench,
  pages: pagesBench,
  requests: requestsBench,
  discovery: discoveryBench,
  records: recordsBenchAll,
  register: registerBenchAll,
  incidents: incidentsBenchAll,
  people: peopleBenchAll,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
console.log(
  `# Custodian benchmarks — ${new Date().toISOString()} — ${os.cpus().length} cores, Node ${process.version}`,
);
for (const [name, run] of Object.entries(sections)) {
  if (wanted.length && !wanted.includes(name)) continue;
  await run();
}
