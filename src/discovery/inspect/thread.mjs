// Entry point of an inspection thread: threads do not inherit the main thread's TypeScript loader, so register it.
import { register } from 'tsx/esm/api';

register();
const { default: inspectInThread } = await import('./thread.ts');
export default inspectInThread;
