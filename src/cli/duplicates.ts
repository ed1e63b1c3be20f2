import fs from 'node:fs';
import type { Command } from 'commander';
import { ValidationError } from '../platform/errors.ts';
import { findExactDuplicates } from '../discovery/fingerprint/duplicates.ts';

export function duplicatesCommand(program: Command): void {
  program
    .command('duplicates')
    .description(
      'list sets of files with identical contents (size, then first and last 4 KiB, then SHA-256); no database needed',
    )
    .argument('<paths...>', 'folders (or files) to compare')
    .option('--json', 'one JSON line a set: {"sha256","size","paths"}')
    .option('--exclude <regex>', 'leave out paths matching this regular expression')
    .action(async (paths: string[], opts: { json?: boolean; exclude?: string }) => {
      for (const p of paths) if (!fs.existsSync(p)) throw new ValidationError(`${p} does not exist`);
      let exclude: RegExp | undefined;
      try {
        exclude = opts.exclude ? new RegExp(opts.exclude) : undefined;
      } catch {
        throw new ValidationError(`--exclude is not a valid regular expression: ${opts.exclude}`);
      }
      const report = await findExactDuplicates(paths, { exclude });
      const out: string[] = [];
      for (const set of report.sets) out.push(opts.json ? JSON.stringify(set) : `${set.paths.join('\n')}\n`);
      process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
      const wasted = report.sets.reduce((sum, s) => sum + s.size * (s.paths.length - 1), 0);
      process.stderr.write(
        `${report.files} files, ${report.sets.length} sets of copies wasting ${(wasted / 1e6).toFixed(1)} MB, ` +
          `${(report.bytesRead / 1e6).toFixed(1)} MB read, ${report.errors.length} unreadable\n`,
      );
      for (const e of report.errors) process.stderr.write(`${e.path}: ${e.error}\n`);
    });
}
