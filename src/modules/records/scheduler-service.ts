import type { Actor } from '../../platform/audit/service.ts';
import type { RecordsDeps } from './commands/context.ts';
import { runSchedule } from './scheduler.ts';

/** Puts every source's records on the schedule (nightly, after a rule changes its trigger, or on demand). */
export class RecordScheduler {
  constructor(private readonly deps: RecordsDeps) {}

  run(actor: Actor) {
    return runSchedule(this.deps, actor, this.deps.sources());
  }
}
