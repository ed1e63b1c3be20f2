import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { registerNotices, registerNoticeVersions } from './schema.ts';

/** The queries on privacy notices and their published versions. */

export type NoticeRow = typeof registerNotices.$inferSelect;
export type NoticeVersionRow = typeof registerNoticeVersions.$inferSelect;

export function notices(db: Executor) {
  return db.select().from(registerNotices).orderBy(asc(registerNotices.service));
}

export async function findNotice(db: Executor, by: { service: string } | { slug: string }) {
  const [row] = await db
    .select()
    .from(registerNotices)
    .where('service' in by ? eq(registerNotices.service, by.service) : eq(registerNotices.slug, by.slug));
  return row;
}

/**
 * The notice of a service, made the first time it is published with the first free address from its slug
 * ("housing", then "housing-2" where another service's name gives the same one); locked for the publishing
 * transaction.
 */
export async function noticeForUpdate(tx: Executor, service: string, slug: string): Promise<NoticeRow> {
  const [existing] = await tx
    .select()
    .from(registerNotices)
    .where(eq(registerNotices.service, service))
    .for('update');
  if (existing) return existing;
  let candidate = slug;
  for (let n = 2; await findNotice(tx, { slug: candidate }); n += 1) candidate = `${slug}-${n}`;
  const [row] = await tx.insert(registerNotices).values({ service, slug: candidate }).returning();
  return row!;
}

export async function addVersion(
  tx: Executor,
  notice: NoticeRow,
  version: Omit<NoticeVersionRow, 'noticeId' | 'version'>,
  publishRecord: boolean,
  now: Date,
) {
  const next = (notice.currentVersion ?? 0) + 1;
  await tx.insert(registerNoticeVersions).values({ ...version, noticeId: notice.id, version: next });
  await tx
    .update(registerNotices)
    .set({ currentVersion: next, publishRecord, updatedAt: now })
    .where(eq(registerNotices.id, notice.id));
  return next;
}

export function versionsOf(db: Executor, noticeId: number) {
  return db
    .select()
    .from(registerNoticeVersions)
    .where(eq(registerNoticeVersions.noticeId, noticeId))
    .orderBy(desc(registerNoticeVersions.version));
}

/** Every published notice with the version in force, for the public pages. */
export function publishedNotices(db: Executor) {
  return db
    .select()
    .from(registerNotices)
    .innerJoin(
      registerNoticeVersions,
      and(
        eq(registerNoticeVersions.noticeId, registerNotices.id),
        eq(registerNoticeVersions.version, registerNotices.currentVersion),
      ),
    )
    .where(isNotNull(registerNotices.currentVersion))
    .orderBy(asc(registerNotices.service));
}
