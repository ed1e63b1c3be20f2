/** How numbers, sizes and dates are written on pages and in letters: the GOV.UK style guide's way. */

/** "1 case", "2 cases"; the plural given when it is not the singular plus "s". */
export function plural(count: number, one: string, other = `${one}s`): string {
  return count === 1 ? one : other;
}

/** "1 case", "1,204 cases". */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${plural(count, one, other)}`;
}

/** "1 byte", "512 bytes", "14 KB", "3.2 MB", "1.5 GB": never "0 MB" for a file that has something in it. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return countOf(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

const longDateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * A calendar date (YYYY-MM-DD) as GOV.UK writes it: "7 December 2026", or "Monday 7 December 2026" with the weekday.
 * Built from parts so it reads the same whatever the ICU version puts between them.
 */
export function govukDate(isoDate: string | null | undefined, options: { weekday?: boolean } = {}): string {
  if (!isoDate || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return '';
  const p = Object.fromEntries(
    longDateParts.formatToParts(new Date(`${isoDate}T00:00:00Z`)).map((x) => [x.type, x.value]),
  );
  const date = `${p.day} ${p.month} ${p.year}`;
  return options.weekday ? `${p.weekday} ${date}` : date;
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** The time in London at a moment as GOV.UK writes it: "9:05am", "12:30pm". */
export function londonTime(moment: Date): string {
  const p = Object.fromEntries(londonClock.formatToParts(moment).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute}${String(p.dayPeriod)
    .toLowerCase()
    .replace(/[^apm]/g, '')}`;
}

const monthParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const shortMonthParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'short' });

/** A month (YYYY-MM) as GOV.UK writes it: "November 2026", or "Nov" for a chart's axis. */
export function monthName(yyyymm: string, options: { short?: boolean } = {}): string {
  if (!/^\d{4}-\d{2}$/.test(yyyymm)) return '';
  const date = new Date(`${yyyymm}-01T00:00:00Z`);
  if (options.short) return shortMonthParts.format(date);
  const p = Object.fromEntries(monthParts.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.month} ${p.year}`;
}
