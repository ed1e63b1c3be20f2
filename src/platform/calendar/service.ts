import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../audit/service.ts';
import { runCommand, ValidationError } from '../commands.ts';
import { HolidayCalendar, withFallback, type HolidayFeed } from '../../domain/calendar/bank-holidays.ts';
import { parseHolidayFeed } from '../../domain/calendar/feed.ts';
import { shippedCalendar, shippedFeed } from '../../domain/calendar/shipped.ts';
import { holidayCalendars } from './schema.ts';

/**
 * The bank holiday list in force: the newest imported GOV.UK file (with the shipped list for the years it does not
 * cover), or the one shipped with Custodian.
 */
export class CalendarService {
  private cached: { id: number; calendar: HolidayCalendar } | undefined;

  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async current(): Promise<HolidayCalendar> {
    const [latest] = await this.deps.db.orm
      .select({ id: holidayCalendars.id })
      .from(holidayCalendars)
      .orderBy(desc(holidayCalendars.id))
      .limit(1);
    if (!latest) return shippedCalendar();
    if (this.cached?.id !== latest.id) {
      const [row] = await this.deps.db.orm
        .select()
        .from(holidayCalendars)
        .where(eq(holidayCalendars.id, latest.id));
      // The imported file for its own years; the shipped list for the years before and after it.
      const feed = withFallback(row!.feed as HolidayFeed, shippedFeed());
      this.cached = { id: latest.id, calendar: new HolidayCalendar(feed, row!.version) };
    }
    return this.cached.calendar;
  }

  /** Checks and stores a GOV.UK bank-holidays.json. A file that fails any check changes nothing. */
  async import(actor: Actor, text: string): Promise<{ version: string; unchanged: boolean }> {
    const parsed = parseHolidayFeed(text);
    if (!parsed.ok)
      throw new ValidationError(`Not a valid bank-holidays.json: ${parsed.problems.slice(0, 5).join('; ')}`);
    const sha256 = createHash('sha256').update(JSON.stringify(parsed.feed)).digest('hex');
    const version = `govuk-${this.deps.clock.now().toISOString().slice(0, 10)}-${sha256.slice(0, 8)}`;
    return runCommand(this.deps, actor, async (tx, audit) => {
      const [same] = await tx
        .select({ version: holidayCalendars.version })
        .from(holidayCalendars)
        .where(eq(holidayCalendars.sha256, sha256));
      if (same) {
        await audit({
          action: 'calendar.import-unchanged',
          entityType: 'holiday-calendar',
          entityId: same.version,
        });
        return { version: same.version, unchanged: true };
      }
      await tx.insert(holidayCalendars).values({ version, sha256, feed: parsed.feed });
      const counts = Object.fromEntries(Object.entries(parsed.feed).map(([n, d]) => [n, d.events.length]));
      await audit({
        action: 'calendar.imported',
        entityType: 'holiday-calendar',
        entityId: version,
        details: { counts },
      });
      return { version, unchanged: false };
    });
  }
}
