import {
  addDays,
  easterSunday,
  fromDayNumber,
  fromParts,
  isWeekend,
  toDayNumber,
  weekdayOfMonth,
  yearOf,
  type IsoDate,
} from './dates.ts';

/** The three lists GOV.UK publishes (the Banking and Financial Dealings Act 1971 and royal proclamations). */
export const NATIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const;
export type Nation = (typeof NATIONS)[number];

export function isNation(value: unknown): value is Nation {
  return typeof value === 'string' && (NATIONS as readonly string[]).includes(value);
}

/** One bank holiday as GOV.UK's bank-holidays.json lists it. */
export interface HolidayEvent {
  title: string;
  date: IsoDate;
  notes: string;
  bunting: boolean;
}

/** The shape of https://www.gov.uk/bank-holidays.json. */
export type HolidayFeed = Record<Nation, { division: Nation; events: HolidayEvent[] }>;

/**
 * Fixed-date holidays fall on the next weekday that is not already a holiday when their date is a weekend (or taken),
 * which is how substitute days work: Christmas on a Saturday gives Monday 27th, and Boxing Day then Tuesday 28th.
 */
function withSubstitutes(fixed: { date: IsoDate; title: string }[], taken: Set<IsoDate>): HolidayEvent[] {
  const out: HolidayEvent[] = [];
  for (const h of fixed) {
    let date = h.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    out.push({ title: h.title, date, notes: date === h.date ? '' : 'Substitute day', bunting: true });
  }
  return out;
}

/**
 * Bank holidays proclaimed for one year only, UK-wide, and the regular ones moved to make room for them (Banking and
 * Financial Dealings Act 1971 s.1(3)–(4)). Sources: the proclamations in the London Gazette as GOV.UK lists them for
 * 2012 onwards (bank-holidays.json), and for earlier years the proclamations themselves: 1995 (VE Day 50th), 1999
 * (the Millennium), 2002 (Golden Jubilee), 2011 (Royal Wedding).
 */
export const PROCLAIMED: Record<
  number,
  { moved?: { from: IsoDate; to: IsoDate }; extra?: HolidayEvent[] }[]
> = {
  1995: [{ moved: { from: '1995-05-01', to: '1995-05-08' } }],
  1999: [{ extra: [extra('1999-12-31', 'Millennium Celebrations')] }],
  2002: [
    { moved: { from: '2002-05-27', to: '2002-06-04' } },
    { extra: [extra('2002-06-03', 'Queen’s Golden Jubilee')] },
  ],
  2011: [{ extra: [extra('2011-04-29', 'Royal wedding')] }],
  2012: [
    { moved: { from: '2012-05-28', to: '2012-06-04' } },
    { extra: [extra('2012-06-05', 'Queen’s Diamond Jubilee')] },
  ],
  2020: [{ moved: { from: '2020-05-04', to: '2020-05-08' } }],
  2022: [
    { moved: { from: '2022-05-30', to: '2022-06-02' } },
    {
      extra: [
        extra('2022-06-03', 'Platinum Jubilee bank holiday'),
        extra('2022-09-19', 'Bank Holiday for the State Funeral of Queen Elizabeth II'),
      ],
    },
  ],
  2023: [{ extra: [extra('2023-05-08', 'Bank holiday for the coronation of King Charles III')] }],
};

function extra(date: IsoDate, title: string): HolidayEvent {
  return { title, date, notes: 'Extra bank holiday', bunting: true };
}

/** St Andrew's Day has been a Scottish bank holiday since the St Andrew's Day Bank Holiday (Scotland) Act 2007. */
const ST_ANDREWS_DAY_FROM = 2007;

/**
 * The bank holidays of a year by the standing rules, with the proclaimed one-off days and moves of `PROCLAIMED`: used
 * for years the shipped or imported GOV.UK list does not cover (before 2012, after its last year).
 */
export function ruleHolidays(nation: Nation, year: number): HolidayEvent[] {
  const easter = easterSunday(year);
  const moveable: HolidayEvent[] = [
    { title: 'Good Friday', date: addDays(easter, -2), notes: '', bunting: false },
    { title: 'Early May bank holiday', date: weekdayOfMonth(year, 5, 1), notes: '', bunting: true },
    { title: 'Spring bank holiday', date: weekdayOfMonth(year, 5, 1, true), notes: '', bunting: true },
  ];
  if (nation !== 'scotland')
    moveable.push({ title: 'Easter Monday', date: addDays(easter, 1), notes: '', bunting: true });
  moveable.push(
    nation === 'scotland'
      ? { title: 'Summer bank holiday', date: weekdayOfMonth(year, 8, 1), notes: '', bunting: true }
      : { title: 'Summer bank holiday', date: weekdayOfMonth(year, 8, 1, true), notes: '', bunting: true },
  );
  for (const p of PROCLAIMED[year] ?? []) {
    const moved = p.moved && moveable.find((h) => h.date === p.moved!.from);
    if (moved) Object.assign(moved, { date: p.moved!.to, notes: 'Substitute day' });
    moveable.push(...(p.extra ?? []));
  }
  const taken = new Set(moveable.map((h) => h.date));
  const fixed: { date: IsoDate; title: string }[] = [
    { date: fromParts(year, 1, 1), title: 'New Year’s Day' },
  ];
  if (nation === 'scotland') fixed.push({ date: fromParts(year, 1, 2), title: '2nd January' });
  if (nation === 'northern-ireland') {
    fixed.push({ date: fromParts(year, 3, 17), title: 'St Patrick’s Day' });
    fixed.push({ date: fromParts(year, 7, 12), title: 'Battle of the Boyne (Orangemen’s Day)' });
  }
  if (nation === 'scotland' && year >= ST_ANDREWS_DAY_FROM)
    fixed.push({ date: fromParts(year, 11, 30), title: 'St Andrew’s Day' });
  fixed.push(
    { date: fromParts(year, 12, 25), title: 'Christmas Day' },
    { date: fromParts(year, 12, 26), title: 'Boxing Day' },
  );
  const all = [...moveable, ...withSubstitutes(fixed, taken)];
  return all.sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * A list for the years it covers, and another (the shipped one) for years it does not: an imported GOV.UK file usually
 * covers only a few years around today, and older cases still need theirs.
 */
export function withFallback(primary: HolidayFeed, fallback: HolidayFeed): HolidayFeed {
  const merged = {} as HolidayFeed;
  for (const nation of NATIONS) {
    const years = new Set(primary[nation].events.map((e) => yearOf(e.date)));
    merged[nation] = {
      division: nation,
      events: [
        ...fallback[nation].events.filter((e) => !years.has(yearOf(e.date))),
        ...primary[nation].events,
      ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
  }
  return merged;
}

/** Bank holidays by nation: a GOV.UK list for the years it covers, the standing rules beyond them. */
export class HolidayCalendar {
  private readonly listed: Record<Nation, Set<IsoDate>>;
  private readonly coveredYears: Record<Nation, { from: number; to: number }>;
  private readonly ruleCache = new Map<string, Set<IsoDate>>();

  constructor(
    feed: HolidayFeed,
    /** Which list this is, recorded on every deadline computed with it. */
    readonly version: string,
  ) {
    this.listed = {} as Record<Nation, Set<IsoDate>>;
    this.coveredYears = {} as Record<Nation, { from: number; to: number }>;
    for (const nation of NATIONS) {
      const dates = feed[nation].events.map((e) => e.date);
      this.listed[nation] = new Set(dates);
      const years = dates.map(yearOf);
      this.coveredYears[nation] = { from: Math.min(...years), to: Math.max(...years) };
    }
  }

  /** The years the list itself covers, per nation. */
  coverage(nation: Nation): { from: number; to: number } {
    return this.coveredYears[nation];
  }

  isBankHoliday(nation: Nation, date: IsoDate): boolean {
    const year = yearOf(date);
    const covered = this.coveredYears[nation];
    if (year >= covered.from && year <= covered.to) return this.listed[nation].has(date);
    const key = `${nation}:${year}`;
    let set = this.ruleCache.get(key);
    if (!set) {
      set = new Set(ruleHolidays(nation, year).map((h) => h.date));
      this.ruleCache.set(key, set);
    }
    return set.has(date);
  }

  /** Does this date fall outside every list's own years (so rules, not the list, decide it)? */
  usesRules(date: IsoDate): boolean {
    const year = yearOf(date);
    return NATIONS.some((n) => year < this.coveredYears[n].from || year > this.coveredYears[n].to);
  }
}

const CACHE_FIRST_DAY = toDayNumber('1970-01-01');
const CACHE_DAYS = toDayNumber('2200-01-01') - CACHE_FIRST_DAY;

/**
 * Working-day answers cached per calendar by day number (1 = working, 0 = not, -1 = not yet worked out), so the
 * deadline engine steps through integers instead of re-deriving each date. Outside 1970–2199 it falls back to
 * computing each day.
 */
export class WorkingDayIndex {
  private readonly cache = new Map<string, Int8Array>();

  constructor(private readonly calendar: HolidayCalendar) {}

  isWorking(scope: Nation | 'any-uk', day: number): boolean {
    const i = day - CACHE_FIRST_DAY;
    if (i < 0 || i >= CACHE_DAYS) return this.compute(scope, day);
    let table = this.cache.get(scope);
    if (!table) {
      table = new Int8Array(CACHE_DAYS).fill(-1);
      this.cache.set(scope, table);
    }
    if (table[i] === -1) table[i] = this.compute(scope, day) ? 1 : 0;
    return table[i] === 1;
  }

  private compute(scope: Nation | 'any-uk', day: number): boolean {
    const date = fromDayNumber(day);
    return scope === 'any-uk'
      ? isFoiWorkingDay(this.calendar, date)
      : isNationWorkingDay(this.calendar, scope, date);
  }
}

const indexes = new WeakMap<HolidayCalendar, WorkingDayIndex>();
export function workingDayIndex(calendar: HolidayCalendar): WorkingDayIndex {
  let index = indexes.get(calendar);
  if (!index) {
    index = new WorkingDayIndex(calendar);
    indexes.set(calendar, index);
  }
  return index;
}

/**
 * Working days under FOIA s.10(6) and EIR reg 2(1): not a Saturday or Sunday, not Christmas Day or Good Friday, and not
 * a bank holiday in any part of the United Kingdom.
 */
export function isFoiWorkingDay(calendar: HolidayCalendar, date: IsoDate): boolean {
  if (isWeekend(date)) return false;
  if (date.slice(5) === '12-25') return false;
  return !NATIONS.some((n) => calendar.isBankHoliday(n, date));
}

/** A working day in one nation: not a weekend and not that nation's bank holiday. */
export function isNationWorkingDay(calendar: HolidayCalendar, nation: Nation, date: IsoDate): boolean {
  return !isWeekend(date) && date.slice(5) !== '12-25' && !calendar.isBankHoliday(nation, date);
}
