import type { RequestsService } from '../requests/service.ts';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { users, userRoles } from '../../platform/identity/schema.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import { can } from '../../platform/authz/policy.ts';
import type { Permission } from '../../platform/authz/permissions.ts';
import type { Principal } from '../../platform/authz/roles.ts';
import { countAll } from '../../platform/db/count.ts';

/** A count of things waiting for someone, with its words for one and for any other number. */
export interface AttentionItem {
  count: number;
  one: string;
  other: string;
  href: string;
}

/** The areas of Custodian and whether each is in this release, for the home page and navigation. */
export const AREAS: {
  slug: string;
  name: string;
  permission: Permission;
  purpose: string;
  available: boolean;
}[] = [
  {
    slug: 'requests',
    name: 'Requests',
    permission: 'requests.view',
    purpose: 'FOI, EIR and subject access requests on the statutory clock',
    available: true,
  },
  {
    slug: 'records',
    name: 'Records',
    permission: 'records.view',
    purpose: 'The retention schedule, the paper store and disposal',
    available: false,
  },
  {
    slug: 'information-assets',
    name: 'Assets',
    permission: 'assets.view',
    purpose: 'The information asset register and record of processing',
    available: false,
  },
  {
    slug: 'incidents',
    name: 'Incidents',
    permission: 'incidents.report',
    purpose: 'Reporting data breaches and handling them on the 72-hour ICO clock',
    available: false,
  },
  {
    slug: 'compliance',
    name: 'Compliance',
    permission: 'compliance.view',
    purpose: 'DPIAs, sharing agreements, policies, training and DSPT evidence',
    available: false,
  },
  {
    slug: 'discovery',
    name: 'Discovery',
    permission: 'discovery.view',
    purpose: 'Scanning file shares for personal data and redundant, obsolete and trivial content',
    available: true,
  },
];

/** What needs this person's attention, from real counts only. */
export class DashboardService {
  constructor(private readonly deps: { db: Database; clock: Clock; requests: RequestsService }) {}

  async attentionFor(principal: Principal): Promise<AttentionItem[]> {
    const items: AttentionItem[] = await this.deps.requests.attention(principal);
    const orm = this.deps.db.orm;
    const now = this.deps.clock.now();
    if (can(principal, 'users.manage')) {
      const [locked] = await orm
        .select({ n: countAll() })
        .from(users)
        .where(and(eq(users.active, true), gt(users.lockedUntil, now)));
      items.push({
        one: 'account locked after failed sign-ins',
        other: 'accounts locked after failed sign-ins',
        count: locked?.n ?? 0,
        href: '/admin/users?status=active',
      });
      const [noRole] = await orm
        .select({ n: countAll() })
        .from(users)
        .where(
          and(
            eq(users.active, true),
            sql`not exists (select 1 from ${userRoles} where ${userRoles.userId} = ${users.id})`,
          ),
        );
      items.push({
        one: 'active user with no role beyond member of staff',
        other: 'active users with no role beyond member of staff',
        count: noRole?.n ?? 0,
        href: '/admin/users?role=none',
      });
    }
    if (can(principal, 'audit.view')) {
      const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
      const [refused] = await orm
        .select({ n: countAll() })
        .from(auditEvents)
        .where(
          and(
            gt(auditEvents.occurredAt, since),
            sql`${auditEvents.action} in ('sign-in.refused', 'user.locked')`,
          ),
        );
      items.push({
        one: 'refused sign-in in the last 24 hours',
        other: 'refused sign-ins in the last 24 hours',
        count: refused?.n ?? 0,
        href: '/audit?action=sign-in.refused',
      });
    }
    return items;
  }
}
