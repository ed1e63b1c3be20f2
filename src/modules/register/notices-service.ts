import type { Actor } from '../../platform/audit/service.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { privacyNotice } from '../../domain/register/privacy-notice.ts';
import { serviceSlug } from '../../domain/register/register.ts';
import type { RegisterDeps } from './commands/context.ts';
import { publishNotice } from './commands/notices.ts';
import * as notices from './notices-repository.ts';
import { publicRecordLines } from './presenters.ts';
import type { RegisterService } from './register-service.ts';

/**
 * Privacy notices: each service's written from its processing activities and the controller's details, checked
 * against Arts 13 and 14, published as versions on public pages with, where the council chooses, the service's part
 * of the record of processing.
 */
export class NoticesService {
  constructor(
    private readonly deps: RegisterDeps & { councilName: string },
    private readonly register: RegisterService,
  ) {}

  /** The notice a service's activities give today, and the record of processing it would publish. */
  async draft(service: string) {
    const [activities, controller] = await Promise.all([
      this.register.activities('public', { service }),
      this.register.controller(),
    ]);
    if (!activities.length) throw new NotFoundError('No service of that name has processing activities');
    const notice = privacyNotice(
      service,
      controller && { ...controller, council: this.deps.councilName },
      activities.map((a) => ({ ...a, retention: a.retentionText })),
    );
    return { notice, record: activities.map(publicRecordLines) };
  }

  /** Every service with activities: its notice's address, what is published, and whether the draft has moved on. */
  async list() {
    const [services, rows] = await Promise.all([this.register.services(), notices.notices(this.deps.db.orm)]);
    const published = new Map(
      (await notices.publishedNotices(this.deps.db.orm)).map((r) => [r.register_notices.service, r]),
    );
    const result = [];
    for (const service of services) {
      const row = rows.find((r) => r.service === service);
      const current = published.get(service)?.register_notice_versions;
      const { notice } = await this.draft(service);
      result.push({
        service,
        slug: row?.slug ?? serviceSlug(service),
        published: current ? { version: current.version, on: current.publishedOn } : null,
        changed: current ? canonical(current.content) !== canonical(notice) : true,
        unmet: notice.checklist.filter((c) => !c.met).length,
      });
    }
    return result;
  }

  /** A service's notice for staff: the draft, its checklist, and every version published. */
  async forService(slug: string) {
    const entry = (await this.list()).find((n) => n.slug === slug);
    if (!entry) throw new NotFoundError('No such privacy notice');
    const row = await notices.findNotice(this.deps.db.orm, { service: entry.service });
    const [draft, versions] = await Promise.all([
      this.draft(entry.service),
      row ? notices.versionsOf(this.deps.db.orm, row.id) : [],
    ]);
    return { ...entry, publishRecord: row?.publishRecord ?? false, draft, versions };
  }

  async publish(actor: Actor, service: string, choices: { changeSummary: string; publishRecord: boolean }) {
    return publishNotice(this.deps, actor, await this.draft(service), choices);
  }

  /** The public list: every notice that has been published. */
  async published() {
    return (await notices.publishedNotices(this.deps.db.orm)).map((r) => ({
      ...r.register_notices,
      version: r.register_notice_versions,
    }));
  }

  async publishedBySlug(slug: string) {
    const found = (await this.published()).find((n) => n.slug === slug);
    if (!found) throw new NotFoundError('There is no published privacy notice at this address');
    return found;
  }
}

/** JSON with every object's keys in order: the database keeps JSON with its keys reordered, so compare it this way. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
