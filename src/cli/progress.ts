import type { ScanProgress } from '../discovery/scan.ts';

/** The total a scan is working through, once a counting walk has finished (until then, unknown). */
export interface ScanTotal {
  files: number;
  bytes: number;
}

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
};

/**
 * One line of a scan's progress: files and bytes walked (of the total, when known), the rate, errors, and the time
 * left at the rate so far.
 */
export function progressText(p: ScanProgress, seconds: number, total?: ScanTotal): string {
  const rate = p.files / Math.max(seconds, 0.001);
  const files = total
    ? `${p.files.toLocaleString('en-GB')} of ${total.files.toLocaleString('en-GB')} files`
    : `${p.files.toLocaleString('en-GB')} files`;
  const bytes = total
    ? `${(p.bytes / 1e6).toFixed(1)} of ${(total.bytes / 1e6).toFixed(1)} MB`
    : `${(p.bytes / 1e6).toFixed(1)} MB`;
  const eta = total && rate > 0 ? ` · ${clock((total.files - p.files) / rate)} left` : '';
  return `${files} · ${bytes} · ${Math.round(rate).toLocaleString('en-GB')} files/s · ${p.errors} errors${eta}`;
}
