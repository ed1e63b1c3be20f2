import { tableFile, type TableFormat } from '../../platform/documents/tables.ts';
import { labelledPdf } from '../../platform/documents/pdf.ts';
import { govukDate } from '../../platform/web/format.ts';
import type { ControllerDetails } from './inputs.ts';
import { article6Text, article9Text, rightsOf, schedule1Of } from './presenters.ts';
import type { ActivityView } from './register-service.ts';

/**
 * The record of processing as the ICO's documentation template for controllers lays it out: its columns in its
 * order (the Art 30 record, then lawful basis and rights, then Schedule 1), with ours — the register's reference and
 * what the record lacks — after them, so a sheet pasted into the template lines up.
 */
export const ICO_ROPA_COLUMNS = [
  'Business function',
  'Purpose of processing',
  'Name and contact details of joint controller (if applicable)',
  'Categories of individuals',
  'Categories of personal data',
  'Categories of recipients',
  'Link to contract with processor',
  'Names of third countries or international organisations that personal data are transferred to (if applicable)',
  'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
  'Retention schedule (if possible)',
  'General description of technical and organisational security measures (if possible)',
  'Article 6 lawful basis for processing personal data',
  'Article 9 basis for processing special category data',
  'Legitimate interests for the processing (if applicable)',
  'Link to record of legitimate interests assessment (if applicable)',
  'Rights available to individuals',
  'Existence of automated decision-making, including profiling (if applicable)',
  'The source of the personal data (if applicable)',
  'Link to record of consent',
  'Location of personal data',
  'Data Protection Impact Assessment required?',
  'Link to DPIA',
  'DPA 2018 Schedule 1 condition for processing',
  'Is personal data retained and erased in accordance with the policy document?',
  'Reasons for not adhering to policy document (if applicable)',
  'Link to privacy notice',
  'Register reference',
  'Missing from the record',
] as const;

/** What a row needs beside the activity: the names of its directorate and assets, and its notice's address. */
export interface RopaContext {
  directorates: ReadonlyMap<number, string>;
  assets: ReadonlyMap<number, string>;
  noticeUrl: (service: string) => string;
}

const list = (items: readonly string[]) => items.join('; ');

/** One activity as the template's row. */
export function ropaRow(a: ActivityView, context: RopaContext): string[] {
  const external = a.recipients.filter((r) => r.external).map((r) => r.name);
  const internal = a.recipients.filter((r) => !r.external).map((r) => r.name);
  return [
    [a.directorateId ? context.directorates.get(a.directorateId) : '', a.service].filter(Boolean).join(': '),
    list(a.purposes),
    list(a.jointControllers),
    list(a.dataSubjects),
    list([...a.dataCategories, ...a.specialCategories.map((c) => `${c} (special category)`)]),
    a.noRecipients && !a.recipients.length ? 'None outside the council' : list([...internal, ...external]),
    '',
    list(a.transfers.map((t) => t.country)),
    list(a.transfers.map((t) => `${t.country}: ${t.safeguard}`)),
    a.retentionText,
    a.securityMeasures,
    article6Text(a.article6),
    article9Text(a.article9),
    a.article6 === 'f' ? a.article6Justification : '',
    '',
    list(rightsOf(a)),
    a.automatedDecisions || 'None',
    a.source,
    '',
    list(a.assetIds.map((id) => context.assets.get(id) ?? '').filter(Boolean)),
    '',
    '',
    schedule1Of(a),
    a.keptAsPolicyDocument === null ? '' : a.keptAsPolicyDocument ? 'Yes' : 'No',
    a.policyDocumentVariance,
    context.noticeUrl(a.service),
    `PA-${a.id}`,
    list(a.gaps.map((g) => `${g.message} (${g.provision})`)),
  ];
}

export function ropaTable(activities: readonly ActivityView[], context: RopaContext, format: TableFormat) {
  return tableFile(
    ICO_ROPA_COLUMNS,
    activities.map((a) => ropaRow(a, context)),
    format,
    'Record of processing',
  );
}

/** The record of processing for the DPO: the controller, then each activity's record field by field. */
export function ropaPdf(
  activities: readonly ActivityView[],
  context: RopaContext & { council: string; controller: ControllerDetails | undefined; today: string },
) {
  const c = context.controller;
  return labelledPdf({
    title: `${context.council}: record of processing activities`,
    author: context.council,
    footer: `Record of processing (UK GDPR Art 30), as at ${govukDate(context.today)}.`,
    sections: [
      {
        heading: 'The controller',
        lines: [
          ['Controller', context.council],
          ['Address', c?.address ?? 'Not given'],
          ['E-mail', c?.email ?? 'Not given'],
          ['Data protection officer', c ? `${c.dpoName}, ${c.dpoEmail}` : 'Not given'],
          ['ICO registration', c?.icoRegistration ?? ''],
          ['Activities', String(activities.length)],
          ['Complete records', String(activities.filter((a) => !a.gaps.length).length)],
        ],
      },
      ...activities.map((a) => {
        const row = ropaRow(a, context);
        return {
          heading: `PA-${a.id} ${a.name}`,
          lines: ICO_ROPA_COLUMNS.slice(0, -2)
            .map((column, i) => [column.replace(/ \(if (applicable|possible)\)/, ''), row[i]!] as const)
            .filter(([, value]) => value)
            .concat(a.gaps.length ? [['Missing from the record', row.at(-1)!] as const] : []),
        };
      }),
    ],
  });
}
