/**
 * The ICO clock (UK GDPR Art 33(1)): a personal-data breach is reported "without undue delay and, where feasible, not
 * later than 72 hours after having become aware of it". The hours are elapsed time — nights, weekends and bank holidays
 * included — so the deadline is an instant 72 × 3,600 seconds after the moment of awareness, shown in London time with
 * whichever offset London has then (DOMAIN.md, "Personal-data breaches").
 */
import { londonOffsetMinutes } from '../calendar/london-time.ts';
import { addDays, isIsoDate, type IsoDate } from '../calendar/dates.ts';
import { isNationWorkingDay, type HolidayCalendar } from '../calendar/bank-holidays.ts';

export const ICO_HOURS = 72;
const HOUR = 3_600_000;

/** A time that cannot be read, or a London time that never happened: the message says which and why. */
export class BreachClockInputError extends Error {}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a moment: ISO 8601 with `Z` or an offset is that instant; without one it is London's wall-clock time. In the
 * autumn hour that happens twice (01:00–01:59 on the last Sunday of October) it is the first, in BST; in the spring
 * hour that never happens (01:00–01:59 on the last Sunday of March) it is an error naming the change, not a guess.
 */
export function parseLondonMoment(text: string): Date {
  const trimmed = text.trim();
  if (WITH_ZONE.test(trimmed)) {
    const instant = new Date(trimmed);
    if (!Number.isNaN(instant.getTime()) && sameFields(trimmed, instant)) return instant;
    throw new BreachClockInputError(`"${preview(trimmed)}" is not a real date and time`);
  }
  const m = LOCAL.exec(trimmed);
  if (!m) {
    throw new BreachClockInputError(
      `"${preview(trimmed)}" is not a date and time: write it as 2026-03-27T09:30 (London time), or with Z or an offset`,
    );
  }
  const [hour, minute, second] = m.slice(4).map((v) => Number(v ?? 0)) as [number, number, number];
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (!isIsoDate(date) || hour > 23 || minute > 59 || second > 59)
    throw new BreachClockInputError(`"${preview(trimmed)}" is not a real date and time`);
  return londonWallClock(date, hour, minute, second);
}

/** The instant London's clocks show this date and time (the BST one where it happens twice). */
export function londonWallClock(date: IsoDate, hour: number, minute: number, second = 0): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  // BST first: in the repeated autumn hour both offsets fit, and the first occurrence is the BST one.
  for (const offset of [60, 0]) {
    const instant = new Date(wall - offset * 60_000);
    if (londonOffsetMinutes(instant) === offset) return instant;
  }
  throw new BreachClockInputError(
    `${pad(hour)}:${pad(minute)} on ${dayWords(date)} did not happen in London: the clocks went forward an hour from 01:00 to 02:00 that night, when British Summer Time began`,
  );
}

/** The latest moment to report to the ICO. */
export function icoDeadline(aware: Date): Date {
  return new Date(aware.getTime() + ICO_HOURS * HOUR);
}

/** London time to the minute with its offset: "2026-03-30T10:30+01:00". */
export function londonMinute(instant: Date): string {
  const offset = londonOffsetMinutes(instant);
  const wall = new Date(Math.floor(instant.getTime() / 60_000) * 60_000 + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.toISOString().slice(0, 16)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** London's date and wall-clock time at an instant: { date: "2026-03-30", hour: 10, minute: 30 }. */
export function londonParts(instant: Date): { date: IsoDate; hour: number; minute: number } {
  const text = londonMinute(instant);
  return { date: text.slice(0, 10), hour: Number(text.slice(11, 13)), minute: Number(text.slice(14, 16)) };
}

/** `custodian deadline breach AWARE`: the moment of awareness in, the ICO deadline out. */
export function breachDue(aware: string): { due: string } {
  return { due: londonMinute(icoDeadline(parseLondonMoment(aware))) };
}

/** How the clock stands at a moment: hours and minutes left, or how long ago it ran out. */
export function clockStanding(due: Date, now: Date): { overdue: boolean; minutes: number; words: string } {
  const minutes = Math.floor(Math.abs(due.getTime() - now.getTime()) / 60_000);
  const overdue = now.getTime() > due.getTime();
  const length = durationWords(minutes);
  return { overdue, minutes, words: overdue ? `${length} past the deadline` : `${length} left` };
}

/** "2 days 5 hours", "5 hours 10 minutes", "40 minutes": the two largest units, which is as precise as a reader needs. */
export function durationWords(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
  return unit(minutes, 'minute');
}

/** The council's working hours for triage: 09:00 to 17:00 London time on working days in England and Wales. */
export const WORKING_DAY = { startHour: 9, endHour: 17 } as const;

/** Whether an instant falls inside the council's working hours. */
export function inWorkingHours(calendar: HolidayCalendar, instant: Date): boolean {
  const { date, hour } = londonParts(instant);
  return (
    isNationWorkingDay(calendar, 'england-and-wales', date) &&
    hour >= WORKING_DAY.startHour &&
    hour < WORKING_DAY.endHour
  );
}

/**
 * The instant a number of working hours after a moment, counting only working hours (a report made at 16:00 on a
 * Friday has had four working hours by 12:00 on Monday, or Tuesday after a bank holiday).
 */
export function addWorkingHours(calendar: HolidayCalendar, from: Date, hours: number): Date {
  let remaining = hours * HOUR;
  let { date } = londonParts(from);
  let cursor = from;
  for (let guard = 0; guard < 400; guard += 1) {
    if (isNationWorkingDay(calendar, 'england-and-wales', date)) {
      const opens = londonWallClock(date, WORKING_DAY.startHour, 0);
      const closes = londonWallClock(date, WORKING_DAY.endHour, 0);
      const start = cursor > opens ? cursor : opens;
      if (start < closes) {
        const available = closes.getTime() - start.getTime();
        if (remaining <= available) return new Date(start.getTime() + remaining);
        remaining -= available;
      }
    }
    date = addDays(date, 1);
    cursor = londonWallClock(date, 0, 0);
  }
  throw new Error('No working hours found in the next year: the holiday calendar cannot be right');
}

function sameFields(text: string, instant: Date): boolean {
  // new Date() rolls 31 February into March; a real date keeps its day once the offset is applied back.
  const zone = /(Z|[+-]\d{2}:\d{2})$/.exec(text)![1]!;
  const offset =
    zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4)));
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString();
  return wall.slice(0, 16) === text.slice(0, 16);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "7 December 2026" from "2026-12-07". */
export function dayWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "10:30 on 30 March 2026 (BST)": London time as a reader writes it, with which time it is. */
export function londonWords(instant: Date): string {
  const text = londonMinute(instant);
  return `${text.slice(11, 16)} on ${dayWords(text.slice(0, 10))} (${text.endsWith('+01:00') ? 'BST' : 'GMT'})`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
