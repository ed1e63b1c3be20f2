import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Actor } from '../audit/service.ts';
import { NotFoundError, runCommand } from '../commands.ts';
import { COUNCIL_WIDE_ROLES, isRole, type Principal, type Role } from '../authz/roles.ts';
import { apiTokens } from './schema.ts';
import { findActiveToken } from './repository.ts';

const PREFIX = 'cus_';

/**
 * API tokens: 256 random bits shown once at creation; only their SHA-256 is stored (a slow hash adds nothing for a
 * secret with that much entropy, and it keeps each API call cheap).
 */
export class ApiTokenService {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  async create(actor: Actor, input: { name: string; role: Role; directorateId: number | null }) {
    const token = PREFIX + randomBytes(32).toString('base64url');
    const directorateId = COUNCIL_WIDE_ROLES.has(input.role) ? null : input.directorateId;
    const id = await runCommand(this.deps, actor, async (tx, audit) => {
      const [row] = await tx
        .insert(apiTokens)
        .values({
          name: input.name,
          role: input.role,
          directorateId,
          tokenHash: digest(token),
          createdBy: actor.type === 'user' ? Number(actor.id) : null,
        })
        .returning({ id: apiTokens.id });
      await audit({
        action: 'api-token.created',
        entityType: 'api-token',
        entityId: row!.id,
        details: { role: input.role, directorateId },
      });
      return row!.id;
    });
    return { id, token };
  }

  async revoke(actor: Actor, id: number): Promise<void> {
    await runCommand(this.deps, actor, async (tx, audit) => {
      const done = await tx
        .update(apiTokens)
        .set({ revokedAt: this.deps.clock.now() })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      if (done.length === 0) throw new NotFoundError('No such active token');
      await audit({ action: 'api-token.revoked', entityType: 'api-token', entityId: id });
    });
  }

  list() {
    return this.deps.db.orm
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        role: apiTokens.role,
        directorateId: apiTokens.directorateId,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .orderBy(desc(apiTokens.createdAt));
  }

  /** The principal a presented token acts as, or undefined for an unknown or revoked one. */
  async authenticate(token: string): Promise<Principal | undefined> {
    if (!token.startsWith(PREFIX) || token.length > 100) return undefined;
    const row = await findActiveToken(this.deps.db.orm, digest(token));
    if (!row || !isRole(row.role)) return undefined;
    await this.deps.db.orm
      .update(apiTokens)
      .set({ lastUsedAt: this.deps.clock.now() })
      .where(eq(apiTokens.id, row.id));
    return {
      kind: 'api',
      id: row.id,
      label: `API token: ${row.name}`,
      grants: [{ role: row.role, directorateId: row.directorateId }],
    };
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
