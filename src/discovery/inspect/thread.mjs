// Entry point of an inspection thread. Threads do not inherit the main thread's TypeScript loader, so it is registered
// here for our own modules and then removed: left in place it would also rewrite the large libraries a thread loads
// later (pdf.js), with source maps, costing some 300 MB a thread.
import { register } from 'tsx/esm/api';

const unregister = register();
const { default: inspectInThread } = await import('./thread.ts');
await unregister();
export default inspectInThread;
