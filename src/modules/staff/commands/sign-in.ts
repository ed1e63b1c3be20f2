import { sql } from 'drizzle-orm';
import { londonToday } from '../../../platform/clock.ts';
import { systemActor } from '../../../platform/audit/service.ts';
import { runCommand } from '../../../platform/commands.ts';
import { selectRows } from '../../../platform/db/queries.ts';
import { users } from '../../../platform/identity/schema.ts';
import type { OidcIdentity } from '../../../platform/identity/oidc.ts';
import * as repo from '../repository.ts';
import type { StaffDeps } from './import-hr.ts';

export type SignInMatch =
  | { ok: true; userId: number }
  | { ok: false; reason: 'not-in-hr' | 'left' | 'account-closed' | 'no-address' };

/**
 * Who someone the identity provider vouched for is in Custodian: the person in HR's record with the same e-mail
 * address, or else the same employee id. Their account is the one linked to that record, made on their first sign-in
 * (no password, no role beyond member of staff: roles are given in Custodian). Someone HR does not know, or who has
 * left, or whose account an administrator closed, is refused.
 */
export async function accountForSignIn(deps: StaffDeps, identity: OidcIdentity): Promise<SignInMatch> {
  const today = londonToday(deps.clock);
  const [person] = await selectRows<{
    id: number;
    name: string;
    email: string | null;
    job_title: string | null;
    leave_date: string | null;
    user_id: number | null;
    active: boolean | null;
  }>(
    deps.db.orm,
    sql`select s.id, s.name, s.email, s.job_title, s.leave_date::text, s.user_id, u.active
        from staff_members s left join users u on u.id = s.user_id
        where (${identity.email}::text is not null and s.email = ${identity.email})
           or (${identity.employeeId}::text is not null and lower(s.employee_id) = lower(${identity.employeeId}))
        order by (s.email = ${identity.email}) desc nulls last limit 1`,
  );
  if (!person) return { ok: false, reason: 'not-in-hr' };
  if (person.leave_date && person.leave_date < today) return { ok: false, reason: 'left' };
  if (person.user_id !== null)
    return person.active
      ? { ok: true, userId: Number(person.user_id) }
      : { ok: false, reason: 'account-closed' };
  const email = person.email ?? identity.email;
  if (!email) return { ok: false, reason: 'no-address' };
  return runCommand(deps, systemActor('Sign-in'), async (tx, audit) => {
    const existing = await tx
      .select({ id: users.id, active: users.active })
      .from(users)
      .where(sql`${users.email} = ${email}`);
    let userId = existing[0]?.id;
    if (existing[0] && !existing[0].active) return { ok: false, reason: 'account-closed' } as const;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email, displayName: person.name, jobTitle: person.job_title, passwordHash: null })
        .returning({ id: users.id });
      userId = created!.id;
      await audit({
        action: 'user.created',
        entityType: 'user',
        entityId: userId,
        details: { via: 'openid-connect', grants: [] },
      });
    }
    await repo.updateStaff(tx, Number(person.id), { userId }, deps.clock.now());
    await audit({
      action: 'staff.account-linked',
      entityType: 'staff',
      entityId: Number(person.id),
      details: { userId },
    });
    return { ok: true, userId } as const;
  });
}
