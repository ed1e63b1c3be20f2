import { createRequire } from 'node:module';
import { HolidayCalendar, type HolidayFeed } from './bank-holidays.ts';

const require = createRequire(import.meta.url);

/**
 * The bank holiday list shipped with Custodian: GOV.UK's three lists for 2012–2028 in the bank-holidays.json format
 * (2012–2017 as GOV.UK published them, 2018–2028 compiled on 2026-11-25 from the published announcements; this build
 * cannot reach GOV.UK), with every one-off day of those years. Earlier years come from the rules and the proclaimed
 * days of `PROCLAIMED`, so cases migrated from older systems get the right dates. An administrator loads GOV.UK's own
 * file with `custodian calendar import`; the years it does not cover still come from this list.
 */
export const SHIPPED_CALENDAR_VERSION = 'shipped-2026-12-02';

export function shippedFeed(): HolidayFeed {
  return require('./data/bank-holidays.json') as HolidayFeed;
}

let shipped: HolidayCalendar | undefined;
export function shippedCalendar(): HolidayCalendar {
  shipped ??= new HolidayCalendar(shippedFeed(), SHIPPED_CALENDAR_VERSION);
  return shipped;
}
