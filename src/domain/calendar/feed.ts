import { z } from 'zod';
import { NATIONS, type HolidayFeed } from './bank-holidays.ts';
import { isIsoDate } from './dates.ts';

const event = z.object({
  title: z.string().min(1).max(200),
  date: z.string().refine(isIsoDate, 'not a real YYYY-MM-DD date'),
  notes: z.string().max(200).default(''),
  bunting: z.boolean().default(false),
});

const division = z.object({
  division: z.string(),
  events: z.array(event).min(1, 'lists no bank holidays').max(2000),
});

/** GOV.UK's bank-holidays.json, checked: all three lists, real dates, nothing else trusted. */
export const holidayFeedSchema = z.object(
  Object.fromEntries(NATIONS.map((n) => [n, division])) as Record<(typeof NATIONS)[number], typeof division>,
);

export type FeedResult = { ok: true; feed: HolidayFeed } | { ok: false; problems: string[] };

export function parseHolidayFeed(text: string): FeedResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  const parsed = holidayFeedSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  return { ok: true, feed: parsed.data as HolidayFeed };
}
