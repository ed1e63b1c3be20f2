import { before, after } from 'node:test';
import { desc, eq } from 'drizzle-orm';
import { createTestContext, emailFor, type TestContext } from './app.ts';
import type { DatabaseKind } from './databases.ts';
import type { ValidationError } from '../../src/platform/errors.ts';
import { actorOf, type Caller } from '../../src/platform/web/request.ts';
import { outbox } from '../../src/platform/mail/schema.ts';
import { assessSchema, reportSchema, triageSchema } from '../../src/modules/incidents/inputs.ts';

/** A member of staff's report, as the form would send it: found at 09:15 on 25 November 2026. */
export const incidentReport = (overrides: Record<string, unknown> = {}) =>
  reportSchema.parse({
    summary: 'A care assessment was e-mailed to the wrong address.',
    discoveredOn: '2026-11-25',
    discoveredTime: '09:15',
    occurredOn: '2026-11-25',
    occurredTime: '08:50',
    people: '1',
    ongoing: 'no',
    ...overrides,
  });

/** An assessment of a misdirected e-mail holding health data: a high risk. */
export const incidentAssessment = (version: number, overrides: Record<string, unknown> = {}) =>
  assessSchema.parse({
    version,
    cause: 'misdirected-email',
    breachTypes: ['confidentiality'],
    dataCategories: ['identifiers'],
    specialCategories: ['health'],
    subjectCategories: ['residents'],
    consequences: 'Distress',
    likelihood: 'possible',
    severity: 'significant',
    riskRationale: 'Health data to a stranger',
    staffTraining: 'yes',
    ...overrides,
  });

/** The message on each field of a refused form. */
export const fieldsOf = (error: unknown) =>
  (error as ValidationError & { fields?: Record<string, string> }).fields;

/**
 * A test context for the incidents module, set up in the suite's before() and closed in its after(): the callers of
 * each role, a member of staff's report, and the mail each role has been sent (newest first).
 */
export function incidentsFixture(kind: DatabaseKind) {
  const f = {
    ctx: undefined as unknown as TestContext,
    callers: {} as Record<'dpo' | 'ig' | 'staff' | 'auditor' | 'owner', Caller>,
    mailTo: (role: 'dpo' | 'ig_officer' | 'staff') =>
      f.ctx.database.db.orm
        .select()
        .from(outbox)
        .where(eq(outbox.toAddress, emailFor(role)))
        .orderBy(desc(outbox.id)),
    /** Triage by the IG officer (or another caller): what it is, and when the council became aware, in London time. */
    triage: (
      id: number,
      version: number,
      classification: string,
      [awareOn, awareTime]: [string, string],
      as: 'dpo' | 'ig' | 'auditor' = 'ig',
      extra: Record<string, unknown> = {},
    ) =>
      f.ctx.services.incidents.triage(
        f.callers[as],
        id,
        triageSchema.parse({ version, classification, awareOn, awareTime, ...extra }),
      ),
    reportAsStaff: (overrides: Record<string, unknown> = {}) =>
      f.ctx.services.incidents.report(
        f.callers.staff.actor,
        { kind: 'staff', userId: f.ctx.userIds.staff },
        incidentReport(overrides),
      ),
  };
  before(async () => {
    f.ctx = await createTestContext(kind);
    const as = async (id: number) => {
      const principal = (await f.ctx.services.signIn.principalFor(id))!;
      return { principal, actor: actorOf(principal) };
    };
    f.callers.dpo = await as(f.ctx.userIds.dpo);
    f.callers.ig = await as(f.ctx.userIds.ig_officer);
    f.callers.staff = await as(f.ctx.userIds.staff);
    f.callers.auditor = await as(f.ctx.userIds.auditor);
    f.callers.owner = await as(f.ctx.userIds.asset_owner);
  });
  after(() => f.ctx.close());
  return f;
}
