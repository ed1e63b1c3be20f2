import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Clock } from '../clock.ts';
import type { Database, Executor } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { outbox } from './schema.ts';

export interface OutgoingMessage {
  to: string;
  subject: string;
  body: string;
  entityType?: string;
  entityId?: string | number;
}

const MAX_ATTEMPTS = 5;

/**
 * Mail goes into the outbox in the same transaction as the change that caused it, so a letter is never sent for a
 * change that rolled back, nor lost for one that committed. A job delivers the outbox over SMTP when SMTP_URL is set.
 */
export class MailService {
  private transport: Transporter | undefined;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      logger: Logger;
      smtpUrl: string | undefined;
      from: string;
    },
  ) {
    if (deps.smtpUrl) this.transport = nodemailer.createTransport(deps.smtpUrl);
  }

  async queue(tx: Executor, message: OutgoingMessage): Promise<number> {
    const [row] = await tx
      .insert(outbox)
      .values({
        toAddress: message.to,
        subject: message.subject,
        body: message.body,
        entityType: message.entityType ?? null,
        entityId: message.entityId === undefined ? null : String(message.entityId),
      })
      .returning({ id: outbox.id });
    return row!.id;
  }

  /** Sends what is waiting, oldest first; a failure is recorded and retried on the next run. */
  async deliver(limit = 100): Promise<{ sent: number; failed: number }> {
    if (!this.transport) return { sent: 0, failed: 0 };
    const waiting = await this.deps.db.orm
      .select()
      .from(outbox)
      .where(and(isNull(outbox.sentAt), lt(outbox.attempts, MAX_ATTEMPTS)))
      .orderBy(asc(outbox.id))
      .limit(limit);
    let sent = 0;
    let failed = 0;
    for (const m of waiting) {
      try {
        await this.transport.sendMail({
          from: this.deps.from,
          to: m.toAddress,
          subject: m.subject,
          text: m.body,
        });
        await this.deps.db.orm
          .update(outbox)
          .set({ sentAt: this.deps.clock.now(), attempts: m.attempts + 1, lastError: null })
          .where(eq(outbox.id, m.id));
        sent += 1;
      } catch (error) {
        failed += 1;
        // The server's reply often names the recipient: the outbox row (which holds the address anyway) keeps it for
        // the officer; the log gets only the codes.
        const reason = (error as Error).message.slice(0, 500);
        await this.deps.db.orm
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError: reason })
          .where(eq(outbox.id, m.id));
        this.deps.logger.warn(
          { outboxId: m.id, attempt: m.attempts + 1, err: error },
          'mail delivery failed',
        );
      }
    }
    return { sent, failed };
  }

  forEntity(entityType: string, entityId: string | number) {
    return this.deps.db.orm
      .select()
      .from(outbox)
      .where(and(eq(outbox.entityType, entityType), eq(outbox.entityId, String(entityId))))
      .orderBy(asc(outbox.id));
  }
}
