import { runCommand, ValidationError } from '../../../platform/commands.ts';
import { londonToday } from '../../../platform/clock.ts';
import type { Actor } from '../../../platform/audit/service.ts';
import { serviceSlug } from '../../../domain/register/register.ts';
import type { PrivacyNotice } from '../../../domain/register/privacy-notice.ts';
import * as notices from '../notices-repository.ts';
import type { PublishedActivity } from '../schema.ts';
import type { RegisterDeps } from './context.ts';

/**
 * Publishes a service's notice as it reads now, with the record of processing behind it, as a new version; the
 * versions before it stay on record. A notice that lacks anything Arts 13 and 14 ask for is not published.
 */
export async function publishNotice(
  deps: RegisterDeps,
  actor: Actor,
  draft: { notice: PrivacyNotice; record: PublishedActivity[] },
  choices: { changeSummary: string; publishRecord: boolean },
) {
  const missing = draft.notice.checklist.filter((c) => !c.met);
  if (missing.length)
    throw new ValidationError(
      `The notice cannot be published until it says: ${missing.map((m) => `${m.label.toLowerCase()} (${m.provision})`).join('; ')}`,
    );
  return runCommand(deps, actor, async (tx, audit) => {
    const service = draft.notice.service;
    const notice = await notices.noticeForUpdate(tx, service, serviceSlug(service));
    const version = await notices.addVersion(
      tx,
      notice,
      {
        content: draft.notice,
        record: draft.record,
        changeSummary: choices.changeSummary,
        publishedOn: londonToday(deps.clock),
        publishedBy: actor.label,
      },
      choices.publishRecord,
      deps.clock.now(),
    );
    await audit({
      action: 'privacy-notice.published',
      entityType: 'privacy-notice',
      entityId: notice.id,
      details: { version, publishRecord: choices.publishRecord },
    });
    return { slug: notice.slug, version };
  });
}
