import { createHash } from 'node:crypto';
import { and, asc, desc, eq, isNotNull, like, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import type { Actor, AuditService } from '../../platform/audit/service.ts';
import { countWhere } from '../../platform/db/count.ts';
import { NotFoundError, runCommand } from '../../platform/commands.ts';
import type { Clock } from '../../platform/clock.ts';
import { setSourceDisposal } from './disposal-repository.ts';
import {
  discoveryScans,
  discoverySources,
  inventoryFiles,
  inventoryFindings,
} from '../../discovery/inventory/schema.ts';

type Row = Record<string, unknown>;

/** What the discovery pages show: sources and their scans, summaries by folder, files and their masked findings. */
export class InventoryService {
  constructor(private readonly deps: { db: Database; audit: AuditService; clock: Clock }) {}

  /** What becomes of a source's files when a disposal list destroys them: quarantined first, or deleted at once. */
  setDisposal(actor: Actor, sourceId: number, disposal: 'quarantine' | 'delete') {
    return runCommand(this.deps, actor, async (tx, audit) => {
      const row = await setSourceDisposal(tx, sourceId, disposal);
      if (!row) throw new NotFoundError('No such source');
      await audit({
        action: 'discovery-source.disposal-set',
        entityType: 'discovery-source',
        entityId: sourceId,
        details: { disposal },
      });
    });
  }

  async sources() {
    const sources = await this.deps.db.orm
      .select()
      .from(discoverySources)
      .orderBy(asc(discoverySources.name));
    const scans = await this.deps.db.orm.select().from(discoveryScans).orderBy(desc(discoveryScans.id));
    return sources.map((s) => ({ ...s, lastScan: scans.find((x) => x.sourceId === s.id) }));
  }

  async source(id: number) {
    const [source] = await this.deps.db.orm
      .select()
      .from(discoverySources)
      .where(eq(discoverySources.id, id));
    if (!source) throw new NotFoundError('No such source');
    const scans = await this.deps.db.orm
      .select()
      .from(discoveryScans)
      .where(eq(discoveryScans.sourceId, id))
      .orderBy(desc(discoveryScans.id))
      .limit(10);
    return { source, scans };
  }

  /** Totals for a source, or for one folder in it (a path prefix). */
  async summary(sourceId: number, root: string, folder?: string) {
    const q = <T extends Row>(text: string, params: unknown[]) => this.deps.db.query<T>(text, params);
    const prefix = folder ? `${root}/${folder}/%` : `${root}/%`;
    const base = `from inventory_files where source_id = $1 and not gone and path like $2`;
    const [totals] = await q<{ files: number; bytes: number; errors: number }>(
      `select count(*) as files, coalesce(sum(size), 0) as bytes, count(error) as errors ${base}`,
      [sourceId, prefix],
    );
    const [copies] = await q<{ files: number; bytes: number }>(
      `select count(*) as files, coalesce(sum(size), 0) as bytes ${base} and duplicate_of is not null`,
      [sourceId, prefix],
    );
    const types = await q<{ mime: string; files: number; bytes: number }>(
      `select coalesce(mime, 'unknown') as mime, count(*) as files, coalesce(sum(size), 0) as bytes ${base} group by 1 order by 2 desc limit 20`,
      [sourceId, prefix],
    );
    const pii = await q<{ type: string; findings: number; files: number }>(
      `select key as type, sum(value::int) as findings, count(*) as files from inventory_files, jsonb_each_text(pii_counts) where source_id = $1 and not gone and path like $2 group by 1 order by 2 desc`,
      [sourceId, prefix],
    );
    const rot = await q<{ reason: string; files: number; bytes: number }>(
      `select reason, count(*) as files, coalesce(sum(size), 0) as bytes from inventory_files, jsonb_array_elements_text(rot) as reason where source_id = $1 and not gone and path like $2 group by 1 order by 2 desc`,
      [sourceId, prefix],
    );
    const within = folder ? `${root}/${folder}` : root;
    const folders = await q<{ folder: string; files: number; bytes: number; personal: number }>(
      `select split_part(substr(path, length($3) + 2), '/', 1) as folder, count(*) as files, coalesce(sum(size), 0) as bytes,
              count(*) filter (where pii_counts <> '{}'::jsonb) as personal
       ${base} and strpos(substr(path, length($3) + 2), '/') > 0
       group by 1 order by 1 limit 500`,
      [sourceId, prefix, within],
    );
    return { totals: totals!, copies: copies!, types, pii, rot, folders };
  }

  async files(
    sourceId: number,
    root: string,
    filter: { folder?: string; pii?: string; rot?: string; unread?: boolean },
    page: { limit: number; offset: number },
  ) {
    const conditions = [
      eq(inventoryFiles.sourceId, sourceId),
      eq(inventoryFiles.gone, false),
      like(inventoryFiles.path, filter.folder ? `${root}/${filter.folder}/%` : `${root}/%`),
    ];
    if (filter.pii) conditions.push(sql`${inventoryFiles.piiCounts} ? ${filter.pii}`);
    if (filter.rot) conditions.push(sql`${inventoryFiles.rot} ? ${filter.rot}`);
    if (filter.unread) conditions.push(isNotNull(inventoryFiles.error));
    const where = and(...conditions);
    const [rows, total] = await Promise.all([
      this.deps.db.orm
        .select()
        .from(inventoryFiles)
        .where(where)
        .orderBy(asc(inventoryFiles.path))
        .limit(page.limit)
        .offset(page.offset),
      countWhere(this.deps.db.orm, inventoryFiles, where),
    ]);
    return { rows, total };
  }

  /** One file with its masked findings. Seeing where personal data sits is itself audited. */
  async file(actor: Actor, sourceId: number, filePath: string) {
    const [file] = await this.deps.db.orm
      .select()
      .from(inventoryFiles)
      .where(and(eq(inventoryFiles.sourceId, sourceId), eq(inventoryFiles.path, filePath)));
    if (!file) throw new NotFoundError('No such file');
    const findings = await this.deps.db.orm
      .select({
        type: inventoryFindings.type,
        start: inventoryFindings.start,
        end: inventoryFindings.end,
        page: inventoryFindings.page,
        confidence: inventoryFindings.confidence,
        masked: inventoryFindings.masked,
      })
      .from(inventoryFindings)
      .where(and(eq(inventoryFindings.sourceId, sourceId), eq(inventoryFindings.path, filePath)))
      .orderBy(asc(inventoryFindings.ordinal));
    // File names often name people, so the audit event identifies the file by a digest of its path.
    const pathDigest = createHash('sha256').update(filePath).digest('hex').slice(0, 16);
    await this.deps.audit.recordView(actor, {
      action: 'discovery.findings-viewed',
      entityType: 'inventory-file',
      entityId: `${sourceId}:${pathDigest}`,
      details: { findings: findings.length },
    });
    return { file, findings };
  }
}
