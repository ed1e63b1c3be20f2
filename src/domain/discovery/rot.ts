/**
 * Redundant, obsolete and trivial content (DOMAIN.md "ROT"). Each reason is recorded separately, so a report can say
 * how much is stale, how much is trivial and how much is a copy.
 */
export const ROT_REASONS = [
  'duplicate',
  'near-duplicate',
  'stale',
  'past-retention',
  'empty',
  'system-file',
  'temporary-file',
  'shortcut',
  'installer',
  'out-of-office',
] as const;
export type RotReason = (typeof ROT_REASONS)[number];

export interface RotOptions {
  /** Not modified for longer than this is obsolete (default six years, the most common council period). */
  staleYears: number;
  now: Date;
}

export const DEFAULT_STALE_YEARS = 6;

const SYSTEM_NAMES = new Set(['thumbs.db', '.ds_store', 'desktop.ini', 'ehthumbs.db', 'icon\r']);
const TEMPORARY = /^~\$|^~.*\.tmp$|\.(tmp|temp|bak|swp|~)$/i;
const INSTALLERS = /\.(exe|msi|msp|dmg|pkg|iso)$/i;
const OUT_OF_OFFICE = /\b(out of (the )?office|automatic reply|auto-?reply|on annual leave until)\b/i;

export interface FileFacts {
  name: string;
  size: number;
  modified: Date;
  /** For e-mails: the subject line, to spot automatic replies. */
  subject?: string;
}

/** The ROT reasons that follow from a file's own facts (copies are found across files, elsewhere). */
export function rotReasons(file: FileFacts, options: RotOptions): RotReason[] {
  const reasons: RotReason[] = [];
  const name = file.name.toLowerCase();
  if (file.size === 0) reasons.push('empty');
  if (SYSTEM_NAMES.has(name)) reasons.push('system-file');
  if (TEMPORARY.test(file.name)) reasons.push('temporary-file');
  if (name.endsWith('.lnk') || name.endsWith('.url')) reasons.push('shortcut');
  if (INSTALLERS.test(name)) reasons.push('installer');
  if (file.subject && OUT_OF_OFFICE.test(file.subject)) reasons.push('out-of-office');
  const staleBefore = new Date(options.now);
  staleBefore.setUTCFullYear(staleBefore.getUTCFullYear() - options.staleYears);
  if (file.modified < staleBefore) reasons.push('stale');
  return reasons;
}
