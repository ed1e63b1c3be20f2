import { writePgliteTemplate } from './pglite-template.ts';
import { dropPostgresTemplate, writePostgresTemplate } from './databases.ts';

// `bin/run-tests.js` runs this before the test files (`make FILE NAME`: the migrated databases they start from) and
// after them (`drop NAME`).
const [command, ...args] = process.argv.slice(2);
if (command === 'make') {
  await writePgliteTemplate(args[0]!);
  await writePostgresTemplate(args[1]!);
} else if (command === 'drop') await dropPostgresTemplate(args[0]!);
