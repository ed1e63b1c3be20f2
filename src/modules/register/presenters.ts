import { dateFields } from '../../platform/web/forms.ts';
import {
  ARTICLE_6_BASES,
  ARTICLE_9_CONDITIONS,
  schedule1Text,
  type ProcessingRecord,
} from '../../domain/register/ropa.ts';
import { RIGHTS, rightsFor } from '../../domain/register/register.ts';
import { ruleSentence, type ScheduleClass } from '../records/index.ts';
import type { ActivityInput, AssetInput, ControllerDetails } from './inputs.ts';
import type { ActivityRow, ActivityValues, AssetRow, AssetValues } from './repository.ts';
import type { ActivityView } from './register-service.ts';
import type { PublishedActivity } from './schema.ts';

/** An asset form's answer as the row it is saved as. */
export function assetValues(input: AssetInput): AssetValues {
  return {
    name: input.name,
    description: input.description ?? '',
    directorateId: input.directorateId ?? null,
    service: input.service ?? '',
    ownerUserId: input.ownerUserId ?? null,
    administrators: input.administrators ?? '',
    system: input.system ?? '',
    supplier: input.supplier ?? '',
    hosting: input.hosting,
    country: input.country ?? 'United Kingdom',
    format: input.format,
    personalData: input.personalData,
    dataCategories: input.dataCategories,
    specialCategories: input.specialCategories,
    criminalOffenceData: input.criminalOffenceData,
    volume: input.volume,
    criticality: input.criticality,
    securityClassification: input.securityClassification,
    nextReviewOn: input.nextReviewOn,
  };
}

/** A processing activity form's answer as the row it is saved as. */
export function activityValues(input: ActivityInput): ActivityValues {
  const [part, paragraph] = input.schedule1 ? input.schedule1.split('-').map(Number) : [null, null];
  return {
    name: input.name,
    directorateId: input.directorateId ?? null,
    service: input.service,
    jointControllers: input.jointControllers,
    purposes: input.purposes,
    article6: input.article6 ?? null,
    article6Justification: input.article6Justification ?? '',
    dataSubjects: input.dataSubjects,
    dataCategories: input.dataCategories,
    specialCategories: input.specialCategories,
    article9: input.article9 ?? null,
    criminalOffenceData: input.criminalOffenceData,
    schedule1Part: (part as 1 | 2 | 3 | null) ?? null,
    schedule1Paragraph: paragraph ?? null,
    keptAsPolicyDocument: input.keptAsPolicyDocument ? input.keptAsPolicyDocument === 'yes' : null,
    policyDocumentVariance: input.policyDocumentVariance ?? '',
    recipients: [
      ...input.internalRecipients.map((name) => ({ name, external: false })),
      ...input.externalRecipients.map((name) => ({ name, external: true })),
    ],
    noRecipients: input.noRecipients,
    transfers: input.transfers.map((line) => {
      const at = line.indexOf(':');
      return at < 0
        ? { country: line, safeguard: '' }
        : { country: line.slice(0, at).trim(), safeguard: line.slice(at + 1).trim() };
    }),
    retention: input.retention ?? '',
    securityMeasures: input.securityMeasures ?? '',
    source: input.source ?? '',
    automatedDecisions: input.automatedDecisions ?? '',
    nextReviewOn: input.nextReviewOn,
  };
}

const lines = (list: readonly string[]) => list.join('\n');

/** An asset's fields as its form shows them for editing. */
export function assetFormValues(
  asset: AssetRow,
  classCodes: string[],
  locations: { source: string; folder: string }[],
) {
  return {
    ...asset,
    personalData: asset.personalData ? 'yes' : 'no',
    criminalOffenceData: asset.criminalOffenceData ? 'yes' : '',
    dataCategories: lines(asset.dataCategories),
    classCodes: classCodes.join(', '),
    locations: lines(locations.map((l) => (l.folder ? `${l.source}: ${l.folder}` : l.source))),
    ...dateFields('nextReviewOn', asset.nextReviewOn),
  };
}

/** A processing activity's fields as its form shows them for editing. */
export function activityFormValues(activity: ActivityRow, classCodes: string[], assetIds: number[]) {
  return {
    ...activity,
    jointControllers: lines(activity.jointControllers),
    purposes: lines(activity.purposes),
    dataSubjects: lines(activity.dataSubjects),
    dataCategories: lines(activity.dataCategories),
    internalRecipients: lines(activity.recipients.filter((r) => !r.external).map((r) => r.name)),
    externalRecipients: lines(activity.recipients.filter((r) => r.external).map((r) => r.name)),
    noRecipients: activity.noRecipients ? 'yes' : '',
    criminalOffenceData: activity.criminalOffenceData ? 'yes' : '',
    transfers: lines(activity.transfers.map((t) => `${t.country}: ${t.safeguard}`)),
    schedule1: activity.schedule1Part ? `${activity.schedule1Part}-${activity.schedule1Paragraph}` : '',
    keptAsPolicyDocument:
      activity.keptAsPolicyDocument === null ? '' : activity.keptAsPolicyDocument ? 'yes' : 'no',
    classCodes: classCodes.join(', '),
    assetIds: assetIds.map(String),
    ...dateFields('nextReviewOn', activity.nextReviewOn),
  };
}

/** How long an activity's data is kept: its linked classes' rules, then anything its record adds in words. */
export function retentionOf(activity: Pick<ActivityRow, 'retention'>, classes: ScheduleClass[]): string {
  return [
    ...classes.filter(Boolean).map((c) => `${c.code} ${c.rule.description}: ${ruleSentence(c.rule)}`),
    activity.retention,
  ]
    .filter(Boolean)
    .join('\n');
}

/** An activity in the terms of Art 30(1), for the completeness check. */
export function processingRecord(
  row: ActivityRow,
  controller: ControllerDetails | undefined,
  councilName: string,
  retention: string,
): ProcessingRecord {
  return {
    controllerName: councilName,
    controllerContact: controller ? `${controller.address} ${controller.email}` : '',
    jointControllers: row.jointControllers,
    dpoContact: controller ? `${controller.dpoName} ${controller.dpoEmail}` : '',
    purposes: row.purposes,
    article6: row.article6,
    article6Justification: row.article6Justification,
    specialCategories: row.specialCategories,
    article9: row.article9,
    criminalOffenceData: row.criminalOffenceData,
    schedule1:
      row.schedule1Part && row.schedule1Paragraph
        ? { part: row.schedule1Part, paragraph: row.schedule1Paragraph }
        : null,
    keptAsPolicyDocument: row.keptAsPolicyDocument,
    policyDocumentVariance: row.policyDocumentVariance,
    dataSubjects: row.dataSubjects,
    dataCategories: row.dataCategories,
    recipients: row.recipients.map((r) => r.name),
    noRecipients: row.noRecipients,
    transfers: row.transfers,
    retention,
    securityMeasures: row.securityMeasures,
  };
}

/** The lawful basis in words: "Public task (Art 6(1)(e))". */
export function article6Text(basis: ActivityRow['article6']): string {
  return basis ? `${ARTICLE_6_BASES[basis]} (Art 6(1)(${basis}))` : '';
}

export function article9Text(condition: ActivityRow['article9']): string {
  return condition ? `${ARTICLE_9_CONDITIONS[condition]} (Art 9(2)(${condition}))` : '';
}

export function schedule1Of(row: Pick<ActivityRow, 'schedule1Part' | 'schedule1Paragraph'>): string {
  return row.schedule1Part && row.schedule1Paragraph
    ? schedule1Text({ part: row.schedule1Part, paragraph: row.schedule1Paragraph })
    : '';
}

/** The rights people have over an activity's data, in words, with Art 22's where it makes automated decisions. */
export function rightsOf(row: Pick<ActivityRow, 'article6' | 'automatedDecisions'>): string[] {
  const rights: string[] = rightsFor(row.article6).map((r) => RIGHTS[r]);
  if (row.automatedDecisions.trim())
    rights.push('Not to be subject to a decision made solely by automated means (Art 22)');
  return rights;
}

/** One activity as a service's public record of processing shows it: what a member of the public can read. */
export function publicRecordLines(a: ActivityView): PublishedActivity {
  const list = (items: readonly string[]) => items.join('; ');
  return {
    name: a.name,
    lines: [
      ['Purposes', list(a.purposes)],
      ['Lawful basis', article6Text(a.article6)],
      ['Special category condition', article9Text(a.article9)],
      ['Schedule 1 condition', schedule1Of(a)],
      ['Whose information', list(a.dataSubjects)],
      ['What information', list([...a.dataCategories, ...a.specialCategories])],
      ['Who receives it', list(a.recipients.map((r) => r.name))],
      ['Transfers outside the UK', list(a.transfers.map((t) => `${t.country}: ${t.safeguard}`)) || 'None'],
      ['How long it is kept', a.retentionText.replace(/\n/g, '; ')],
      ['How it is kept secure', a.securityMeasures],
    ].filter(([, value]) => value) as [string, string][],
  };
}

/** Assessments of something, each marked where that thing has changed materially since it was screened. */
export function withChange<T extends { screenedFingerprint: string | null }>(
  dpias: T[],
  fingerprint: string,
) {
  return dpias.map((d) => ({
    ...d,
    changed: !!d.screenedFingerprint && d.screenedFingerprint !== fingerprint,
  }));
}
