/** Time, injected, so deadlines, sessions and schedules can be tested at any date. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The calendar date in London now ("2026-12-02"): the day statutory clocks and retention dates count. */
export function londonToday(clock: Clock): string {
  return londonDateOf(clock.now());
}

/** The calendar date in London at a moment: the day a file was last modified, as retention counts it. */
export function londonDateOf(moment: Date): string {
  return LONDON_DATE.format(moment);
}

/** A clock tests can set and move. */
export class FixedClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = new Date(date);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
