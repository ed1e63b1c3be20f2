import { workerData } from 'node:worker_threads';
import { inspectFile, type InspectTask } from './inspect.ts';

// Runs in each thread of the inspection pool; the settings arrive once, as the thread's workerData.
const data = workerData as {
  findingKey: string;
  ocr: 'auto' | 'native' | 'wasm' | 'off';
  maxExtractBytes: number;
};
const settings = { ...data, findingKey: Buffer.from(data.findingKey, 'hex') };

export default function inspectInThread(task: InspectTask) {
  return inspectFile(task, settings);
}
