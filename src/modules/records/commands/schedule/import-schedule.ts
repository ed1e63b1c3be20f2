import { runCommand } from '../../../../platform/commands.ts';
import type { Actor } from '../../../../platform/audit/service.ts';
import type { ScheduleRow } from '../../../../domain/records/schedule.ts';
import * as repo from '../../repository.ts';
import type { RecordsDeps } from '../context.ts';
import { createClass, reviseClass, sameDefinition } from './save-class.ts';

/**
 * A whole schedule file, in one transaction: new codes are added, changed ones get a new version (keeping their
 * owner and local variance), unchanged ones are left alone. The rows were all checked before this runs, so a bad
 * row has already stopped the import with nothing changed.
 */
export async function importSchedule(
  deps: RecordsDeps,
  actor: Actor,
  rows: readonly ScheduleRow[],
  source: string,
): Promise<{ added: number; changed: number; unchanged: number }> {
  return runCommand(deps, actor, async (tx, audit) => {
    const step = { tx, audit, actor, now: deps.clock.now(), sources: deps.sources };
    const counts = { added: 0, changed: 0, unchanged: 0 };
    for (const row of rows) {
      const before = await repo.findClass(tx, { code: row.code });
      if (!before) {
        await createClass(step, {
          ...row,
          ownerDirectorateId: null,
          variance: '',
          changeReason: `Imported from ${source}`,
        });
        counts.added += 1;
        continue;
      }
      const input = {
        ...row,
        ownerDirectorateId: before.ownerDirectorateId,
        variance: before.rule.variance,
        changeReason: `Imported from ${source}`,
      };
      if (sameDefinition(before, input)) {
        counts.unchanged += 1;
        continue;
      }
      await repo.lockClass(tx, before.id);
      await reviseClass(step, before, input);
      counts.changed += 1;
    }
    await audit({
      action: 'retention-schedule.imported',
      entityType: 'retention-schedule',
      details: { source, ...counts },
    });
    return counts;
  });
}
