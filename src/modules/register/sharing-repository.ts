import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { updateVersioned } from '../../platform/db/queries.ts';
import { registerAgreementActivities, registerAgreementParties, registerAgreements } from './schema.ts';

/** The queries on information-sharing agreements, their parties and the activities they cover. */

export type AgreementRow = typeof registerAgreements.$inferSelect;
export type PartyRow = typeof registerAgreementParties.$inferSelect;
export type AgreementValues = Omit<
  typeof registerAgreements.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'terminatedOn' | 'terminationReason'
>;

export async function insertAgreement(tx: Executor, values: AgreementValues): Promise<AgreementRow> {
  const [row] = await tx.insert(registerAgreements).values(values).returning();
  return row!;
}

export function updateAgreement(
  tx: Executor,
  agreement: { id: number; version: number },
  values: Partial<AgreementRow>,
  now: Date,
): Promise<AgreementRow> {
  return updateVersioned(tx, registerAgreements, agreement, values, now);
}

export async function findAgreement(db: Executor, id: number): Promise<AgreementRow | undefined> {
  const [row] = await db.select().from(registerAgreements).where(eq(registerAgreements.id, id));
  return row;
}

export function agreements(db: Executor) {
  return db
    .select()
    .from(registerAgreements)
    .orderBy(asc(registerAgreements.title), asc(registerAgreements.id));
}

export function partiesOf(db: Executor, agreementIds: number[]) {
  return db
    .select()
    .from(registerAgreementParties)
    .where(inArray(registerAgreementParties.agreementId, agreementIds.length ? agreementIds : [0]))
    .orderBy(asc(registerAgreementParties.id));
}

export async function insertParty(tx: Executor, values: typeof registerAgreementParties.$inferInsert) {
  const [row] = await tx.insert(registerAgreementParties).values(values).returning();
  return row!;
}

/** A party, only as a party of the agreement named with it: an id from another agreement matches nothing. */
const theParty = (party: { agreementId: number; id: number }) =>
  and(eq(registerAgreementParties.id, party.id), eq(registerAgreementParties.agreementId, party.agreementId));

export async function signParty(
  tx: Executor,
  party: { agreementId: number; id: number },
  signature: { signatory: string; signedOn: string },
) {
  const rows = await tx.update(registerAgreementParties).set(signature).where(theParty(party)).returning();
  return rows[0];
}

export async function deleteParty(tx: Executor, party: { agreementId: number; id: number }) {
  const rows = await tx.delete(registerAgreementParties).where(theParty(party)).returning();
  return rows[0];
}

export async function setAgreementActivities(tx: Executor, agreementId: number, activityIds: number[]) {
  await tx
    .delete(registerAgreementActivities)
    .where(eq(registerAgreementActivities.agreementId, agreementId));
  if (activityIds.length)
    await tx
      .insert(registerAgreementActivities)
      .values(activityIds.map((activityId) => ({ agreementId, activityId })));
}

/** Which activities each agreement covers (or which agreements cover each activity). */
export function agreementActivityLinks(db: Executor) {
  return db.select().from(registerAgreementActivities);
}
