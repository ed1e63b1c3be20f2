import { stringify } from 'csv-stringify/sync';
import { labelledPdf } from '../../platform/documents/pdf.ts';
import type { Actor } from '../../platform/audit/service.ts';
import type { Tx } from '../../platform/db/database.ts';
import * as identity from '../../platform/identity/repository.ts';
import { govukDate } from '../../platform/web/format.ts';
import type { RecordsDeps } from './commands/context.ts';
import * as lists from './disposal-repository.ts';
import type { DisposalListRow } from './disposal-repository.ts';
import { actionName, ruleSentence, triggerName } from './presenters.ts';
import * as repo from './repository.ts';

/**
 * A destruction certificate: what was disposed of, under which rule on whose authority, who reviewed, approved and
 * carried it out, when and how — counts, sizes and date ranges, never a record's title or anything about a person.
 */
export async function buildCertificate(deps: RecordsDeps, tx: Tx, list: DisposalListRow, actor: Actor) {
  // One after another: a transaction is one connection, which takes one query at a time.
  const versions = await repo.classVersions(tx, list.classId);
  const figures = await lists.certificateFigures(tx, list.id);
  const directorate = list.directorateId ? await identity.findDirectorate(tx, list.directorateId) : undefined;
  const rule = versions.find((v) => v.version === list.classVersion)!;
  const c = await repo.findClass(tx, { id: list.classId });
  const sources = new Map(deps.sources().map((s) => [s.name, s]));
  return {
    certificate: list.certificateNumber!,
    list: list.number,
    council: deps.councilName,
    issuedAt: deps.clock.now().toISOString(),
    class: {
      code: c!.code,
      description: rule.description,
      function: rule.function,
      ruleVersion: rule.version,
      rule: ruleSentence(rule),
      trigger: triggerName(rule.trigger),
      period: rule.period,
      action: actionName(rule.action),
      authority: rule.authority,
      authorityUrl: rule.authorityUrl,
    },
    owner: directorate?.name ?? null,
    proposedOn: list.proposedOn,
    reviewedBy: list.reviewedBy,
    reviewedAt: list.reviewedAt?.toISOString() ?? null,
    approvedBy: list.approvedBy,
    approvedAt: list.approvedAt?.toISOString() ?? null,
    coolingOffUntil: list.coolingOffUntil,
    executedBy: actor.label,
    executedAt: deps.clock.now().toISOString(),
    records: {
      listed: figures.listed,
      disposed: figures.destroyed + figures.transferred,
      destroyed: figures.destroyed,
      transferred: figures.transferred,
      keptLonger: figures.kept,
      reclassified: figures.reclassified,
      skipped: figures.held + figures.changed,
      skippedHeld: figures.held,
      skippedChanged: figures.changed,
      bytes: figures.bytes,
    },
    dates: {
      triggersFrom: figures.firstTrigger,
      triggersTo: figures.lastTrigger,
      retentionEndedFrom: figures.firstUntil,
      retentionEndedTo: figures.lastUntil,
    },
    methods: figures.sources.map((s) => ({
      source: sources.get(s)?.label ?? s,
      method: sources.get(s)?.destructionMethod ?? '',
    })),
  };
}

export type Certificate = Awaited<ReturnType<typeof buildCertificate>>;

/** The certificate's lines, label and value, in the order both the PDF and the CSV give them. */
export function certificateLines(c: Certificate): [string, string][] {
  const when = (iso: string | null) => (iso ? govukDate(iso.slice(0, 10)) : '');
  return [
    ['Certificate', c.certificate],
    ['Disposal list', c.list],
    ['Council', c.council],
    ['Class', `${c.class.code} ${c.class.description}`],
    ['Rule (version ' + c.class.ruleVersion + ')', c.class.rule],
    ['Authority', [c.class.authority, c.class.authorityUrl].filter(Boolean).join(' ') || 'None given'],
    ['Owner', c.owner ?? 'None'],
    ['Records listed', String(c.records.listed)],
    ['Records destroyed', String(c.records.destroyed)],
    ['Records transferred to the record office', String(c.records.transferred)],
    ['Records kept longer by the owner', String(c.records.keptLonger)],
    ['Records put in another class', String(c.records.reclassified)],
    ['Records not disposed of: under a hold', String(c.records.skippedHeld)],
    ['Records not disposed of: changed or gone since review', String(c.records.skippedChanged)],
    ['Size disposed of (bytes)', String(c.records.bytes)],
    ['Their dates ran from', `${when(c.dates.triggersFrom)} to ${when(c.dates.triggersTo)}`],
    [
      'Their retention ended from',
      `${when(c.dates.retentionEndedFrom)} to ${when(c.dates.retentionEndedTo)}`,
    ],
    ['Proposed', when(c.proposedOn)],
    ['Reviewed by', `${c.reviewedBy ?? ''}, ${when(c.reviewedAt)}`],
    ['Approved by', `${c.approvedBy ?? ''}, ${when(c.approvedAt)}`],
    ['Cooling-off ended', when(c.coolingOffUntil)],
    ['Carried out by', `${c.executedBy}, ${when(c.executedAt)}`],
    ...c.methods.map((m): [string, string] => [`Method: ${m.source}`, m.method]),
  ];
}

export function certificateCsv(c: Certificate): Buffer {
  return Buffer.from(
    `\uFEFF${stringify([['field', 'value'], ...certificateLines(c)], { escape_formulas: true })}`,
  );
}

/** The certificate as an A4 PDF: a heading, then each line, wrapped to the page. */
export function certificatePdf(c: Certificate): Promise<Buffer> {
  return labelledPdf({
    title: `${c.council}: destruction certificate ${c.certificate}`,
    author: c.council,
    sections: [{ lines: certificateLines(c) }],
    footer: 'Contains no personal data. Kept permanently as a record of the disposal.',
  });
}
