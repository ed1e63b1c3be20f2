import { createRequire } from 'node:module';
import { HolidayCalendar, type HolidayFeed } from './bank-holidays.ts';

const require = createRequire(import.meta.url);

/**
 * The bank holiday list shipped with Custodian: GOV.UK's three lists for 2018–2028 in the bank-holidays.json format,
 * compiled on 2026-11-25 from the published announcements (this build cannot reach GOV.UK), including the one-off days
 * of 2020, 2022 and 2023. An administrator loads GOV.UK's own file with `custodian calendar import`.
 */
export const SHIPPED_CALENDAR_VERSION = 'shipped-2026-11-25';

export function shippedFeed(): HolidayFeed {
  return require('./data/bank-holidays.json') as HolidayFeed;
}

let shipped: HolidayCalendar | undefined;
export function shippedCalendar(): HolidayCalendar {
  shipped ??= new HolidayCalendar(shippedFeed(), SHIPPED_CALENDAR_VERSION);
  return shipped;
}
