import type { DemoContext, Services } from '../../platform/modules.ts';
import { runCommand } from '../../platform/commands.ts';
import { systemActor } from '../../platform/audit/service.ts';
import { addDays } from '../../domain/calendar/dates.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import type { Article6Basis, Article9Condition } from '../../domain/register/ropa.ts';
import { reviewDueAfter, type Hosting } from '../../domain/register/register.ts';
import { users } from '../../platform/identity/schema.ts';
import { DEMO_EMAIL_DOMAIN } from '../../platform/identity/demo.ts';
import { classIdsByCode } from '../records/index.ts';
import * as repo from './repository.ts';
import { seedDemoSharing, type SharedActivity } from './demo-sharing.ts';
import { seedDemoDpias } from './demo-dpias.ts';

/** A service of the demo council, and what it holds and does with personal data. */
interface DemoService {
  directorate: string;
  service: string;
  system: string;
  supplier: string;
  hosting: Hosting;
  people: string[];
  data: string[];
  special: string[];
  article6: Article6Basis;
  duty: string;
  article9?: Article9Condition;
  schedule1?: [1 | 2 | 3, number];
  partners: string[];
  classes: string[];
}

// prettier-ignore
const SERVICES: DemoService[] = [
  { directorate: "Adults' Social Care", service: 'Adult social care assessments', system: 'Mosaic', supplier: 'Servelec', hosting: 'supplier', people: ['Adults needing care and support', 'Carers'], data: ['Contact details', 'Care needs', 'Financial circumstances'], special: ['Health', 'Religious or philosophical beliefs'], article6: 'e', duty: 'Care Act 2014 ss.9 and 10: the duty to assess needs for care and support', article9: 'h', schedule1: [1, 2], partners: ['Kingsmere NHS Foundation Trust', 'Care providers'], classes: ['ASC-01'] },
  { directorate: "Adults' Social Care", service: 'Adult safeguarding', system: 'Mosaic', supplier: 'Servelec', hosting: 'supplier', people: ['Adults at risk', 'Alleged perpetrators'], data: ['Contact details', 'Concerns raised', 'Case notes'], special: ['Health', 'Sex life or sexual orientation'], article6: 'e', duty: 'Care Act 2014 s.42: the duty to make safeguarding enquiries', article9: 'g', schedule1: [2, 18], partners: ['Kingsmere Police', 'Kingsmere Safeguarding Adults Board'], classes: ['ASC-01'] },
  { directorate: "Adults' Social Care", service: 'Mental health services', system: 'Mosaic', supplier: 'Servelec', hosting: 'supplier', people: ['People receiving mental health support'], data: ['Contact details', 'Assessments', 'Mental Health Act records'], special: ['Health'], article6: 'e', duty: 'Mental Health Act 1983 and Care Act 2014', article9: 'h', schedule1: [1, 2], partners: ['Kingsmere Mental Health Partnership Trust'], classes: ['ASC-01'] },
  { directorate: "Children's Services", service: "Children's social care", system: 'Liquidlogic Children’s Social Care', supplier: 'System C', hosting: 'supplier', people: ['Children and young people', 'Parents and carers'], data: ['Contact details', 'Case notes', 'Court records'], special: ['Health', 'Racial or ethnic origin', 'Religious or philosophical beliefs'], article6: 'e', duty: 'Children Act 1989 ss.17 and 47', article9: 'g', schedule1: [2, 18], partners: ['Kingsmere Police', 'Kingsmere NHS Foundation Trust', 'Schools'], classes: ['CSC-01', 'CSC-03'] },
  { directorate: "Children's Services", service: 'Fostering and adoption', system: 'Liquidlogic Children’s Social Care', supplier: 'System C', hosting: 'supplier', people: ['Foster carers', 'Adopters', 'Children placed'], data: ['Contact details', 'Assessments', 'References'], special: ['Health'], article6: 'c', duty: 'Adoption and Children Act 2002; Fostering Services (England) Regulations 2011', article9: 'g', schedule1: [2, 18], partners: ['Adoption Kingsmere regional agency'], classes: ['CSC-02'] },
  { directorate: "Children's Services", service: 'Special educational needs', system: 'Synergy', supplier: 'Servelec', hosting: 'cloud', people: ['Children with special educational needs', 'Parents'], data: ['Contact details', 'Education, health and care plans'], special: ['Health'], article6: 'e', duty: 'Children and Families Act 2014 Part 3', article9: 'g', schedule1: [2, 6], partners: ['Schools', 'Kingsmere NHS Foundation Trust'], classes: [] },
  { directorate: "Children's Services", service: 'School admissions', system: 'Synergy', supplier: 'Servelec', hosting: 'cloud', people: ['Children', 'Parents'], data: ['Contact details', 'School preferences', 'Sibling details'], special: [], article6: 'e', duty: 'School Standards and Framework Act 1998 s.86', partners: ['Schools'], classes: [] },
  { directorate: "Children's Services", service: 'Early help', system: 'Liquidlogic Early Help', supplier: 'System C', hosting: 'supplier', people: ['Families', 'Children'], data: ['Contact details', 'Family circumstances'], special: ['Health'], article6: 'e', duty: 'Children Act 2004 s.10: co-operation to improve well-being', article9: 'g', schedule1: [2, 18], partners: ['Schools', 'Kingsmere Police'], classes: [] },
  { directorate: 'Place', service: 'Planning', system: 'Uniform', supplier: 'Idox', hosting: 'on-premises', people: ['Applicants', 'Agents', 'Objectors'], data: ['Contact details', 'Property details', 'Comments'], special: [], article6: 'e', duty: 'Town and Country Planning Act 1990', partners: ['Planning Inspectorate'], classes: ['PLAN-01', 'PLAN-02'] },
  { directorate: 'Place', service: 'Planning enforcement', system: 'Uniform', supplier: 'Idox', hosting: 'on-premises', people: ['Landowners', 'Complainants'], data: ['Contact details', 'Site evidence'], special: [], article6: 'e', duty: 'Town and Country Planning Act 1990 Part VII', partners: [], classes: ['PLAN-04'] },
  { directorate: 'Place', service: 'Housing', system: 'Abritas', supplier: 'Civica', hosting: 'supplier', people: ['Housing applicants', 'Household members'], data: ['Contact details', 'Housing circumstances', 'Income'], special: ['Health'], article6: 'e', duty: 'Housing Act 1996 Parts 6 and 7', article9: 'g', schedule1: [2, 6], partners: ['Kingsmere Homes housing association'], classes: ['HSG-01', 'HSG-02'] },
  { directorate: 'Place', service: 'Waste and recycling', system: 'Bartec Collective', supplier: 'Bartec Auto ID', hosting: 'supplier', people: ['Residents'], data: ['Contact details', 'Collection records'], special: [], article6: 'e', duty: 'Environmental Protection Act 1990 s.45', partners: ['Waste collection contractor'], classes: [] },
  { directorate: 'Place', service: 'Environmental health', system: 'Uniform', supplier: 'Idox', hosting: 'on-premises', people: ['Business owners', 'Complainants'], data: ['Contact details', 'Inspection findings'], special: [], article6: 'e', duty: 'Food Safety Act 1990; Environmental Protection Act 1990', partners: ['Food Standards Agency'], classes: ['REG-03'] },
  { directorate: 'Place', service: 'Highways', system: 'Confirm', supplier: 'Brightly', hosting: 'cloud', people: ['People reporting faults', 'Claimants'], data: ['Contact details', 'Claim details'], special: [], article6: 'e', duty: 'Highways Act 1980 s.41', partners: ['Insurers'], classes: [] },
  { directorate: 'Resources', service: 'Council tax', system: 'Revenues and Benefits', supplier: 'Capita', hosting: 'on-premises', people: ['Council taxpayers'], data: ['Contact details', 'Property and liability', 'Bank details'], special: [], article6: 'c', duty: 'Local Government Finance Act 1992', partners: ['Enforcement agents', 'Valuation Office Agency'], classes: ['REV-01', 'REV-03'] },
  { directorate: 'Resources', service: 'Housing benefit', system: 'Revenues and Benefits', supplier: 'Capita', hosting: 'on-premises', people: ['Claimants', 'Household members', 'Landlords'], data: ['Contact details', 'Income and capital', 'Tenancy'], special: ['Health'], article6: 'c', duty: 'Social Security Administration Act 1992', article9: 'b', schedule1: [1, 1], partners: ['Department for Work and Pensions'], classes: ['REV-04'] },
  { directorate: 'Resources', service: 'Human resources', system: 'iTrent', supplier: 'MHR', hosting: 'cloud', people: ['Employees', 'Job applicants'], data: ['Contact details', 'Employment history', 'Pay and pensions'], special: ['Health', 'Racial or ethnic origin', 'Trade union membership'], article6: 'b', duty: 'The contract of employment and employment law', article9: 'b', schedule1: [1, 1], partners: ['Local Government Pension Scheme', 'HM Revenue and Customs'], classes: ['HR-01', 'HR-03', 'HR-06'] },
  { directorate: 'Resources', service: 'Information governance', system: 'Custodian', supplier: 'Kingsmere Borough Council', hosting: 'on-premises', people: ['Requesters', 'Data subjects'], data: ['Contact details', 'Request correspondence'], special: [], article6: 'c', duty: 'Freedom of Information Act 2000; UK GDPR Art 15', partners: ['Information Commissioner’s Office'], classes: ['IG-01', 'IG-03'] },
  { directorate: 'Public Health', service: 'Health protection', system: 'Public Health Case Management', supplier: 'Kingsmere Borough Council', hosting: 'on-premises', people: ['Patients with notifiable diseases', 'Contacts'], data: ['Contact details', 'Test results'], special: ['Health'], article6: 'e', duty: 'Health and Social Care Act 2012; Health Protection (Notification) Regulations 2010', article9: 'i', schedule1: [1, 3], partners: ['UK Health Security Agency'], classes: [] },
  { directorate: "Chief Executive's", service: 'Elections', system: 'Xpress Electoral Management', supplier: 'Idox', hosting: 'supplier', people: ['Electors', 'Candidates', 'Poll staff'], data: ['Names and addresses', 'Dates of birth', 'Signatures'], special: ['Political opinions'], article6: 'c', duty: 'Representation of the People Act 1983', article9: 'g', schedule1: [2, 6], partners: ['Printing contractor', 'Candidates and political parties'], classes: ['ELE-01', 'ELE-02', 'ELE-03'] },
];

/** The four things each service does with its data: the service itself, then three common to every service. */
const KINDS = [
  { suffix: '', purpose: (s: DemoService) => `Delivering ${s.service.toLowerCase()}` },
  {
    suffix: ': complaints and correspondence',
    purpose: (s: DemoService) =>
      `Answering complaints, enquiries and councillors’ casework about ${s.service.toLowerCase()}`,
  },
  {
    suffix: ': statutory returns',
    purpose: (s: DemoService) =>
      `Reporting figures about ${s.service.toLowerCase()} to government, with people counted, not named`,
  },
  {
    suffix: ': quality assurance and audit',
    purpose: (s: DemoService) => `Checking the quality of ${s.service.toLowerCase()} through case audits`,
  },
] as const;

const SECURITY =
  'Role-based access with accounts removed on leaving; encryption in transit and at rest; audit logging; annual penetration test; Cyber Essentials Plus';

/**
 * The demo council's register: three assets for each of twenty services (its case system, its shared-drive folders
 * and its paper files) and four processing activities each, linked to them and to the retention schedule. A few
 * records are incomplete on purpose (special category data with no Art 9 condition; a Schedule 1 condition with no
 * answer about the policy document) and some assets are past their yearly review, so the register's checks and the
 * home page show something real.
 */
export async function seedDemoRegister(context: DemoContext): Promise<void> {
  const { tx, today } = context;
  const random = new SeededRandom(context.seed + 14);
  const classes = await classIdsByCode(tx);
  const people = await tx.select({ id: users.id, email: users.email }).from(users);
  const owner = (s: DemoService) =>
    s.directorate === "Adults' Social Care"
      ? people.find((p) => p.email === `asset.owner@${DEMO_EMAIL_DOMAIN}`)?.id
      : random.pick(people).id;
  await repo.saveControllerDetails(
    tx,
    {
      address: 'Kingsmere Borough Council, Town Hall, Market Square, Kingsmere KM1 1AA',
      email: `dataprotection@${DEMO_EMAIL_DOMAIN}`,
      dpoName: 'Priya Shah, Data Protection Officer',
      dpoEmail: `dpo@${DEMO_EMAIL_DOMAIN}`,
      icoRegistration: 'Z5812345',
    },
    new Date(`${today}T09:00:00Z`),
  );
  let assets = 0;
  let activities = 0;
  const shared: SharedActivity[] = [];
  const firsts: repo.ActivityRow[] = [];
  for (const [index, s] of SERVICES.entries()) {
    const directorateId = context.directorates.get(s.directorate) ?? null;
    const classIds = s.classes.map((c) => classes.get(c)).filter((id): id is number => !!id);
    // Every fourth service's entries are past review: some by weeks, some by months.
    const reviewed =
      index % 4 === 0 ? addDays(today, -400 - random.int(0, 200)) : addDays(today, -random.int(10, 300));
    const base = {
      directorateId,
      service: s.service,
      ownerUserId: owner(s) ?? null,
      administrators: `${s.service} systems team`,
      personalData: true,
      dataCategories: s.data,
      specialCategories: s.special,
      criminalOffenceData: s.schedule1?.[1] === 18,
      criticality: s.special.length ? ('high' as const) : ('medium' as const),
      securityClassification: s.special.length ? ('official-sensitive' as const) : ('official' as const),
      lastReviewedOn: reviewed,
      lastReviewedBy: 'Demo council',
      nextReviewOn: reviewDueAfter(reviewed),
    };
    const made = [
      await repo.insertAsset(tx, {
        ...base,
        name: `${s.system}: ${s.service}`,
        description: `The case management system for ${s.service.toLowerCase()}.`,
        system: s.system,
        supplier: s.supplier,
        hosting: s.hosting,
        format: 'digital',
        volume: s.people.length > 2 ? '10k-100k' : '1k-10k',
      }),
      await repo.insertAsset(tx, {
        ...base,
        name: `${s.service} shared drive folders`,
        description: 'Letters, reports and spreadsheets kept outside the case system.',
        system: 'Corporate file shares',
        supplier: '',
        hosting: 'on-premises',
        format: 'digital',
        volume: '1k-10k',
        criticality: 'medium',
        // Highways thinks its folders hold only engineering documents: discovery finds otherwise.
        ...(s.service === 'Highways'
          ? { personalData: false, dataCategories: [], specialCategories: [] }
          : {}),
      }),
      await repo.insertAsset(tx, {
        ...base,
        name: `${s.service} paper files`,
        description: 'Files from before the case system, in the records store.',
        system: '',
        supplier: '',
        hosting: 'paper',
        format: 'paper',
        volume: 'under-1k',
        criticality: 'low',
      }),
    ];
    for (const a of made) await repo.setAssetClasses(tx, a.id, classIds);
    assets += made.length;
    for (const [k, kind] of KINDS.entries()) {
      const statistical = k === 2;
      const activity = await repo.insertActivity(tx, {
        name: `${s.service}${kind.suffix}`,
        directorateId,
        service: s.service,
        jointControllers: [],
        purposes: [kind.purpose(s)],
        article6: s.article6,
        article6Justification: s.duty,
        dataSubjects: s.people,
        dataCategories: statistical ? ['Counts and categories, no names'] : s.data,
        specialCategories: statistical ? [] : s.special,
        // The complaints records of a few services name special categories with no Art 9 condition: a gap to find.
        article9: k === 1 && index % 5 === 1 ? null : statistical ? null : (s.article9 ?? null),
        criminalOffenceData: false,
        schedule1Part: statistical ? null : (s.schedule1?.[0] ?? null),
        schedule1Paragraph: statistical ? null : (s.schedule1?.[1] ?? null),
        keptAsPolicyDocument: statistical || !s.schedule1 ? null : index % 7 === 3 ? null : true,
        policyDocumentVariance: '',
        recipients: [
          { name: `${s.service} team`, external: false },
          ...(k === 0 ? s.partners.map((name) => ({ name, external: true })) : []),
          ...(statistical
            ? // Returns to government are counts, not people: the performance team sends them, no personal data leaves.
              [{ name: 'Performance and intelligence team', external: false }]
            : []),
        ],
        noRecipients: false,
        transfers:
          s.hosting === 'cloud' && k === 0
            ? [{ country: 'Ireland', safeguard: 'UK adequacy regulations (EEA)' }]
            : [],
        retention:
          (k === 0 && classIds.length) || (k === 0 && index % 6 === 5)
            ? ''
            : 'Six years from the last action, then destroyed',
        securityMeasures: SECURITY,
        source:
          k === 0
            ? 'The people themselves, their families and the professionals who work with them'
            : 'The people who write to us',
        automatedDecisions: '',
        nextReviewOn: reviewDueAfter(reviewed),
      });
      if (k === 0) firsts.push(activity);
      if (k === 0 && s.partners.length)
        shared.push({
          activityId: activity.id,
          directorateId,
          directorate: s.directorate,
          service: s.service,
          partners: s.partners,
        });
      await repo.setActivityLinks(tx, activity.id, {
        assetIds: k === 0 ? made.map((a) => a.id) : [made[1]!.id],
        classIds: k === 0 ? classIds : [],
      });
      activities += 1;
    }
  }
  const agreements = await seedDemoSharing(context, shared);
  const assessments = await seedDemoDpias(context, firsts);
  context.afterwards(linkDemoShare, { last: true });
  // Once the council exists, the notices of the services whose records are complete are published, half of them with
  // their record of processing.
  context.afterwards(async (services) => {
    const actor = systemActor('Demo council');
    for (const [i, notice] of (await services.notices.list()).entries())
      if (!notice.unmet)
        await services.notices.publish(actor, notice.service, {
          changeSummary: 'First published',
          publishRecord: i % 2 === 0,
        });
  });
  // The register's entries were written by the demo, not by a person: one event says so.
  await context.audit({
    action: 'register.seeded',
    entityType: 'register',
    entityId: 'demo',
    details: { assets, activities, agreements, assessments },
  });
  context.counts.assets = assets;
  context.counts.processingActivities = activities;
  context.counts.sharingAgreements = agreements;
  context.counts.impactAssessments = assessments;
}

/** Where each service's folders are on the demo shared drive. */
const SHARE_FOLDERS: Record<string, string> = {
  'Adult social care assessments': 'Adult Social Care/Assessments',
  'Adult safeguarding': 'Adult Social Care/Safeguarding',
  "Children's social care": 'Children and Families/Referrals',
  'Fostering and adoption': 'Children and Families/Fostering',
  'Special educational needs': 'Children and Families/SEN and EHCP',
  Planning: 'Place/Planning',
  Highways: 'Place/Highways',
  Housing: 'Housing/Applications',
  'Human resources': 'Resources/HR',
  Elections: 'Democratic Services/Elections',
  'Council tax': 'Revenues and Benefits',
};

/** Once the demo share is scanned, each service's shared-drive asset points at its folders there. */
async function linkDemoShare(services: Services) {
  const share = (await services.inventory.sources()).find((s) => s.name === 'Shared drive');
  if (!share) return;
  await runCommand(services, systemActor('Demo council'), async (tx, audit) => {
    const assets = await repo.assets(tx, { scope: 'all' });
    for (const [service, folder] of Object.entries(SHARE_FOLDERS)) {
      const asset = assets.find((a) => a.name === `${service} shared drive folders`);
      if (asset) await repo.setAssetLocations(tx, asset.id, [{ sourceId: share.id, folder }]);
    }
    await audit({
      action: 'register.seeded',
      entityType: 'register',
      entityId: 'demo',
      details: { share: share.id },
    });
  });
}
