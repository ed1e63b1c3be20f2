/**
 * A service's privacy notice, written from its processing activities, and the Art 13/14 checklist it is published
 * against.
 *
 * Sources:
 * - UK GDPR Art 13 (data collected from the person) and Art 14 (data obtained elsewhere):
 *   https://www.legislation.gov.uk/eur/2016/679/article/13 and /article/14
 * - ICO, "The right to be informed": what a notice says, in clear and plain language.
 * - The ICO's address for complaints, from its own "Make a complaint" page.
 */
import { ARTICLE_6_BASES, ARTICLE_9_CONDITIONS, type Article6Basis, type Article9Condition } from './ropa.ts';
import { RIGHTS, rightsFor, type Recipient, type Right, type Transfer } from './register.ts';

export interface NoticeController {
  council: string;
  address: string;
  email: string;
  dpoName: string;
  dpoEmail: string;
  icoRegistration?: string;
}

/** A processing activity as a notice needs it. */
export interface NoticeActivity {
  name: string;
  purposes: readonly string[];
  article6: Article6Basis | null;
  article6Justification: string;
  article9: Article9Condition | null;
  dataCategories: readonly string[];
  specialCategories: readonly string[];
  recipients: readonly Recipient[];
  noRecipients: boolean;
  transfers: readonly Transfer[];
  retention: string;
  source: string;
  automatedDecisions: string;
}

export interface NoticeSection {
  id: string;
  heading: string;
  paragraphs: string[];
  items: string[];
}

export interface ChecklistItem {
  id: string;
  label: string;
  provision: string;
  met: boolean;
}

export interface PrivacyNotice {
  service: string;
  sections: NoticeSection[];
  checklist: ChecklistItem[];
}

export const ICO_COMPLAINTS =
  'Information Commissioner’s Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF; telephone 0303 123 1113; https://ico.org.uk/make-a-complaint/';

const unique = (items: readonly string[]) => [...new Set(items.map((i) => i.trim()).filter(Boolean))];

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The notice for one service from its activities, with the checklist of what Arts 13 and 14 ask it to say. */
export function privacyNotice(
  service: string,
  controller: NoticeController | undefined,
  activities: readonly NoticeActivity[],
): PrivacyNotice {
  const section = (
    id: string,
    heading: string,
    paragraphs: string[],
    items: string[] = [],
  ): NoticeSection => ({
    id,
    heading,
    paragraphs,
    items,
  });
  const external = unique(
    activities.flatMap((a) => a.recipients.filter((r) => r.external).map((r) => r.name)),
  );
  const teams = unique(activities.flatMap((a) => a.recipients.filter((r) => !r.external).map((r) => r.name)));
  const transfers = activities.flatMap((a) => a.transfers);
  const special = unique(activities.flatMap((a) => a.specialCategories));
  const rights = new Set<Right>(activities.flatMap((a) => rightsFor(a.article6)));
  const automated = unique(activities.map((a) => a.automatedDecisions));
  const sources = unique(activities.map((a) => a.source));
  const byBasis = (basis: Article6Basis) =>
    activities.filter((a) => a.article6 === basis).map((a) => lower(a.name));
  const required = [
    ...(byBasis('c').length
      ? [
          `The law requires us to collect it for ${byBasis('c').join('; ')}: without it we cannot carry out those duties.`,
        ]
      : []),
    ...(byBasis('b').length
      ? [`It is needed for the contract we have with you for ${byBasis('b').join('; ')}.`]
      : []),
  ];
  const sections = [
    section(
      'who-we-are',
      'Who we are',
      controller
        ? [
            `${controller.council} is the controller of the personal information described here. You can write to us at ${controller.address} or e-mail ${controller.email}.`,
            ...(controller.icoRegistration
              ? [
                  `We are registered with the Information Commissioner’s Office as ${controller.icoRegistration}.`,
                ]
              : []),
          ]
        : [],
    ),
    section(
      'dpo',
      'Our data protection officer',
      controller ? [`${controller.dpoName} can be contacted at ${controller.dpoEmail}.`] : [],
    ),
    section(
      'purposes',
      'Why we use your information, and the law that lets us',
      [],
      activities.map((a) =>
        [
          `${a.name}: ${a.purposes.join('; ') || 'purpose not recorded'}.`,
          a.article6
            ? `Lawful basis: ${lower(ARTICLE_6_BASES[a.article6])}${a.article6Justification ? ` (${a.article6Justification})` : ''}.`
            : '',
          a.article9 ? `For special category information: ${lower(ARTICLE_9_CONDITIONS[a.article9])}.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      ),
    ),
    section(
      'information',
      'The information we use',
      special.length
        ? [`This includes special category information: ${special.join(', ').toLowerCase()}.`]
        : [],
      unique(activities.flatMap((a) => a.dataCategories)),
    ),
    section(
      'sharing',
      'Who we share it with',
      external.length || teams.length
        ? [
            ...(teams.length ? [`Within the council: ${teams.join(', ')}.`] : []),
            ...(external.length ? ['Outside the council, with:'] : []),
          ]
        : activities.length && activities.every((a) => a.noRecipients)
          ? ['We do not share it with anyone.']
          : [],
      external,
    ),
    section(
      'transfers',
      'Sending it outside the UK',
      transfers.length
        ? ['Some of it is sent outside the UK, with these safeguards:']
        : ['We do not send it outside the UK.'],
      transfers.map((t) => `${t.country}: ${t.safeguard || 'safeguard not recorded'}`),
    ),
    section(
      'retention',
      'How long we keep it',
      [],
      activities.map((a) => `${a.name}: ${a.retention.replace(/\n/g, '; ') || 'not recorded'}`),
    ),
    section(
      'rights',
      'Your rights',
      [
        `You can ask us about any of these through our data protection officer${controller ? ` at ${controller.dpoEmail}` : ''}. Some rights apply only to some of the ways we use your information.`,
      ],
      [...rights].map((r) => RIGHTS[r]),
    ),
    section('complain', 'If you are unhappy', [
      'Please tell us first, so we can try to put it right. You can also complain to the Information Commissioner’s Office:',
      ICO_COMPLAINTS,
    ]),
    section(
      'required',
      'Whether you must give us the information',
      required.length
        ? required
        : ['You do not have to give it to us, but without it we may not be able to help you.'],
    ),
    section('source', 'Where we get it from', sources),
    section(
      'automated',
      'Decisions made by computer',
      automated.length
        ? [
            'We make these decisions by automated means, and you can ask for a person to look at any of them again:',
          ]
        : ['We do not make decisions about you by automated means alone.'],
      automated,
    ),
  ];
  const filled = (id: string) => {
    const s = sections.find((x) => x.id === id)!;
    return s.paragraphs.length + s.items.length > 0;
  };
  const everyActivity = (test: (a: NoticeActivity) => boolean) =>
    activities.length > 0 && activities.every(test);
  const checklist: ChecklistItem[] = [
    {
      id: 'who-we-are',
      label: 'Who the controller is and how to contact it',
      provision: 'Art 13(1)(a)',
      met: filled('who-we-are'),
    },
    {
      id: 'dpo',
      label: 'How to contact the data protection officer',
      provision: 'Art 13(1)(b)',
      met: filled('dpo'),
    },
    {
      id: 'purposes',
      label: 'The purposes and the lawful basis of each',
      provision: 'Art 13(1)(c)',
      met: everyActivity((a) => a.purposes.length > 0 && !!a.article6),
    },
    {
      id: 'legitimate-interests',
      label: 'The legitimate interests relied on',
      provision: 'Art 13(1)(d)',
      met: activities.every((a) => a.article6 !== 'f' || !!a.article6Justification.trim()),
    },
    {
      id: 'information',
      label: 'The kinds of information used',
      provision: 'Art 14(1)(d)',
      met: everyActivity((a) => a.dataCategories.length > 0),
    },
    {
      id: 'sharing',
      label: 'Who receives it',
      provision: 'Art 13(1)(e)',
      met: everyActivity((a) => a.recipients.length > 0 || a.noRecipients),
    },
    {
      id: 'transfers',
      label: 'Transfers outside the UK and their safeguards',
      provision: 'Art 13(1)(f)',
      met: transfers.every((t) => !!t.safeguard.trim()),
    },
    {
      id: 'retention',
      label: 'How long it is kept',
      provision: 'Art 13(2)(a)',
      met: everyActivity((a) => !!a.retention.trim()),
    },
    { id: 'rights', label: 'The rights people have', provision: 'Art 13(2)(b)–(c)', met: rights.size > 0 },
    { id: 'complain', label: 'The right to complain to the ICO', provision: 'Art 13(2)(d)', met: true },
    {
      id: 'required',
      label: 'Whether giving it is required by law or contract',
      provision: 'Art 13(2)(e)',
      met: true,
    },
    {
      id: 'source',
      label: 'Where it comes from, when not from the person',
      provision: 'Art 14(2)(f)',
      met: everyActivity((a) => !!a.source.trim()),
    },
    { id: 'automated', label: 'Automated decision-making', provision: 'Art 13(2)(f)', met: true },
  ];
  return { service, sections, checklist };
}
