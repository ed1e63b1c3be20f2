import { parseRetention, type RetentionFrom } from './retention.ts';
import type { DisposalAction, ScheduleRow, Trigger } from './schedule.ts';

/**
 * A starting retention schedule drawn from councils' published schedules (research/records.md §2: the 57 seed rows,
 * the last split into its three Devon rows, with burial registers from the notes and the class disposal certificates
 * are kept in). A council adopts it, then records its own variance with the reason.
 */
const LEG = 'https://www.legislation.gov.uk';

type Seed = [
  code: string,
  fn: string,
  activity: string,
  description: string,
  trigger: Trigger,
  period: string,
  from: RetentionFrom,
  action: DisposalAction,
  authority: string,
  url: string,
  flags: '' | 'P' | 'PS',
  notes?: string,
];

// prettier-ignore
const SEEDS: Seed[] = [
  ['DEM-01', 'Democracy', 'Committees', 'Cabinet and committee minutes, reports and decision digests', 'creation', 'P20Y', 'trigger', 'transfer', 'Common practice (Derbyshire)', '', '', 'Kept permanently: offered to the record office after 20 years'],
  ['DEM-02', 'Democracy', 'Committees', 'Principal copies of minutes, agendas and reports open to public inspection', 'meeting', 'P6Y', 'trigger', 'review', 'Local Government Act 1972 s.100B', `${LEG}/ukpga/1972/70/section/100B`, '', 'Disposal action not stated in the source schedule'],
  ['DEM-03', 'Democracy', 'Members', "Members' register of interests and acceptance of office", 'election', 'P6Y', 'trigger', 'destroy', 'Localism Act 2011 s.29', `${LEG}/ukpga/2011/20/section/29`, 'P'],
  ['DEM-04', 'Democracy', 'Petitions', 'Petitions, paper and electronic', 'creation', 'P6Y', 'calendar-year-end', 'destroy', 'Local decision (Devon)', '', 'P'],
  ['DEM-05', 'Democracy', 'Members', 'Councillor correspondence', 'receipt', 'P1Y', 'trigger', 'destroy', 'Local decision (Devon)', '', 'P'],
  ['DEM-06', 'Democracy', 'Scrutiny', 'Scrutiny reports', 'creation', 'permanent', 'trigger', 'permanent', 'Local best practice (Devon)', '', '', 'Archived'],
  ['ELE-01', 'Elections', 'Conduct of elections', 'Election documents forwarded to the registration officer (ballot papers and the like)', 'election', 'P1Y', 'trigger', 'destroy', 'Representation of the People (England and Wales) (Amendment) Regulations 2006 Sch.3 r.54', `${LEG}/uksi/2006/3305/schedule/3/paragraph/54`, 'P', 'Destroyed unless a court orders otherwise'],
  ['ELE-02', 'Elections', 'Electoral registration', 'Back copies of the electoral register (paper)', 'publication', 'P15Y', 'trigger', 'destroy', 'Representation of the People (England and Wales) Regulations 2001 regs 97, 99, 109A', `${LEG}/uksi/2001/341/contents`, 'P', 'Secure disposal; a copy goes to the heritage service'],
  ['ELE-03', 'Elections', 'Absent voting', 'Absent vote applications', 'decision', 'P5Y', 'trigger', 'destroy', 'Representation of the People Act 2000', `${LEG}/ukpga/2000/2/contents`, 'P', 'Until the five-year renewal, a move, cancellation or death, whichever is first'],
  ['GOV-01', 'Governance', 'Standards', 'Code of conduct complaint investigation files', 'closure', 'P6Y', 'trigger', 'destroy', 'Localism Act 2011', `${LEG}/ukpga/2011/20/contents`, 'P'],
  ['IG-01', 'Information governance', 'Information requests', 'Freedom of information, environmental information and subject access request files', 'closure', 'P3Y', 'trigger', 'destroy', 'Local decision (Darlington)', '', 'PS', 'The source does not state the trigger; Custodian counts from the case being closed'],
  ['IG-02', 'Information governance', 'Records management', 'Disposal certificates', 'creation', 'permanent', 'trigger', 'permanent', 'Code of practice on the management of records (s.46 FOIA), 2021', 'https://www.gov.uk/government/publications/code-of-practice-on-the-management-of-records-issued-under-section-46-the-freedom-of-information-act-2000', '', 'Proof of what was destroyed, when and on whose authority'],
  ['IG-03', 'Information governance', 'Information requests', 'Press and general enquiries', 'closure', 'P2Y', 'trigger', 'destroy', 'Local decision', '', 'P', 'Routine correspondence: two years lets a complaint about an answer be looked into'],
  ['HS-01', 'Health and safety', 'Consultation', 'Health and safety meeting minutes (unit and team)', 'last-modified', 'P7Y', 'trigger', 'destroy', 'Health and Safety at Work etc. Act 1974 s.2(3)', `${LEG}/ukpga/1974/37/section/2`, ''],
  ['GOV-02', 'Governance', 'Risk management', 'Corporate risk assessments and the risk register', 'creation', 'permanent', 'trigger', 'permanent', 'Local decision (Devon)', '', ''],
  ['HR-01', 'Human resources', 'Employment', 'Personal employment and training record', 'end-of-employment', 'P6Y', 'trigger', 'destroy', 'Limitation Act 1980', `${LEG}/ukpga/1980/58/contents`, 'PS', 'Derbyshire closes the file a year after employment ends and keeps it six years from closure'],
  ['HR-02', 'Human resources', 'Employment', 'Employment records of staff working with children or vulnerable adults', 'end-of-employment', 'P25Y', 'trigger', 'destroy', 'Business requirement (safeguarding)', '', 'PS'],
  ['HR-03', 'Human resources', 'Payroll', 'Salary records (wages, overtime)', 'last-modified', 'P6Y', 'financial-year-end', 'destroy', 'Taxes Management Act 1970', `${LEG}/ukpga/1970/9/contents`, 'P'],
  ['HR-04', 'Human resources', 'Payroll', 'Complete payroll history', 'date-of-birth', 'P75Y', 'trigger', 'destroy', 'Taxes Management Act 1970; Income Tax (PAYE) Regulations 2003; LGPS Regulations', `${LEG}/uksi/2003/2682/contents`, 'P', 'To age 75, or retirement plus four years'],
  ['HR-05', 'Human resources', 'Payroll', 'Statutory maternity, paternity and sick pay records', 'creation', 'P3Y', 'calendar-year-end', 'destroy', 'Income Tax (PAYE) Regulations 2003', `${LEG}/uksi/2003/2682/contents`, 'PS'],
  ['HR-06', 'Human resources', 'Recruitment', 'Records of job applicants not appointed', 'decision', 'P6M', 'trigger', 'destroy', 'Limitation Act 1980; Equality Act 2010 time limits', `${LEG}/ukpga/2010/15/section/123`, 'P', 'Confidential waste'],
  ['HR-07', 'Human resources', 'Insurance', "Employer's liability insurance certificates", 'creation', 'P40Y', 'trigger', 'destroy', "Employers' Liability (Compulsory Insurance) Regulations 1998", `${LEG}/uksi/1998/2573/contents`, ''],
  ['HS-02', 'Health and safety', 'Accidents', 'Accident and incident reports (adults)', 'closure', 'P3Y', 'trigger', 'destroy', 'Social Security (Claims and Payments) Regulations 1979 reg 25(3); RIDDOR 2013', `${LEG}/uksi/1979/628/regulation/25`, 'PS'],
  ['HS-03', 'Health and safety', 'Accidents', 'Accident and incident reports (children)', 'date-of-birth', 'P21Y', 'trigger', 'destroy', 'Social Security (Claims and Payments) Regulations 1979 reg 25(3); RIDDOR 2013', `${LEG}/uksi/1979/628/regulation/25`, 'PS'],
  ['HS-04', 'Health and safety', 'Hazardous substances', 'Hazardous substance control records (COSHH, lead, asbestos surveys)', 'creation', 'P100Y', 'trigger', 'destroy', 'COSHH Regulations 2002 reg 10(5); Control of Asbestos Regulations 2012 reg 22', `${LEG}/uksi/2002/2677/regulation/10`, 'P', 'Or until the premises are disposed of, when they pass to the new owner'],
  ['HS-05', 'Health and safety', 'Hazardous substances', 'Property asbestos files, permits and surveys', 'last-action', 'P50Y', 'trigger', 'destroy', 'Control of Asbestos Regulations 2012', `${LEG}/uksi/2012/632/contents`, ''],
  ['FIN-01', 'Finance', 'Accounting', 'Budgets, income, expenditure and reconciliations', 'last-modified', 'P6Y', 'financial-year-end', 'destroy', 'Local Government Act 2003', `${LEG}/ukpga/2003/26/contents`, ''],
  ['FIN-02', 'Finance', 'External funding', 'ERDF grant claims, 2014 to 2020 programme', 'completion', 'P0D', 'trigger', 'review', 'EU structural funds rules (grant funding agreement)', '', '', 'A fixed end: kept until 31 December 2033, recorded on these records as their completion date'],
  ['FIN-03', 'Finance', 'Accounting', 'Annual financial statements', 'creation', 'P6Y', 'calendar-year-end', 'destroy', 'National Audit Office guidance', '', ''],
  ['FIN-04', 'Finance', 'Banking', 'Bank reconciliation statements', 'creation', 'P6Y', 'calendar-year-end', 'destroy', 'Value Added Tax Act 1994', `${LEG}/ukpga/1994/23/contents`, ''],
  ['FIN-05', 'Finance', 'Taxation', 'VAT records', 'creation', 'P6Y', 'trigger', 'destroy', 'Value Added Tax Act 1994', `${LEG}/ukpga/1994/23/contents`, '', '20 years for VAT on rents'],
  ['REV-01', 'Revenues and benefits', 'Council tax', 'Council tax records', 'creation', 'permanent', 'trigger', 'permanent', 'Business need (refund exposure since 1993)', '', 'P', 'Kept from 1 April 1993'],
  ['REV-02', 'Revenues and benefits', 'Business rates', 'Business rates (NNDR) records', 'creation', 'P6Y', 'calendar-year-end', 'destroy', 'Local Government Finance Act 1988', `${LEG}/ukpga/1988/41/contents`, 'P'],
  ['REV-03', 'Revenues and benefits', 'Recovery', 'Liability order lists', 'creation', 'P10Y', 'trigger', 'destroy', 'Business need (disputes)', '', 'P', 'Or until the balance is cleared'],
  ['REV-04', 'Revenues and benefits', 'Benefits', 'Housing benefit and council tax reduction claim records', 'closure', 'P6Y', 'trigger', 'destroy', 'Social Security Administration Act 1992', `${LEG}/ukpga/1992/5/contents`, 'P'],
  ['PROP-01', 'Property', 'Estates', 'Property deeds', 'creation', 'permanent', 'trigger', 'permanent', 'Local decision (Devon)', '', ''],
  ['PROP-02', 'Property', 'Buildings', 'Design and construction records of non-listed buildings', 'completion', 'P15Y', 'trigger', 'destroy', 'Building Control Performance Standards', '', ''],
  ['PROP-03', 'Property', 'Contracts', 'PFI contract management', 'end-of-contract', 'P6Y', 'trigger', 'destroy', 'Limitation Act 1980', `${LEG}/ukpga/1980/58/contents`, ''],
  ['PROP-04', 'Property', 'Estates', 'Leases', 'end-of-contract', 'P12Y', 'trigger', 'destroy', 'Limitation Act 1980', `${LEG}/ukpga/1980/58/contents`, ''],
  ['PROP-05', 'Property', 'Security', 'CCTV from council buildings where there was no incident', 'creation', 'P30D', 'trigger', 'destroy', 'Business need (Devon)', '', 'P'],
  ['PROP-06', 'Property', 'Land charges', 'Local land charges', 'creation', 'permanent', 'trigger', 'permanent', 'Local Land Charges Act 1975', `${LEG}/ukpga/1975/76/contents`, ''],
  ['PLAN-01', 'Planning', 'Development management', 'Planning decision notices', 'decision', 'permanent', 'trigger', 'permanent', 'Records management service (Birmingham)', '', ''],
  ['PLAN-02', 'Planning', 'Development management', 'Planning pre-application advice', 'creation', 'P3Y', 'trigger', 'destroy', 'Records management service (Birmingham)', '', 'P'],
  ['PLAN-03', 'Planning', 'Appeals', 'Planning appeals', 'closure', 'P6Y', 'trigger', 'destroy', 'Limitation Act 1980', `${LEG}/ukpga/1980/58/contents`, 'P'],
  ['PLAN-04', 'Planning', 'Enforcement', 'Formal planning enforcement files', 'closure', 'P10Y', 'trigger', 'destroy', 'Town and Country Planning (General Permitted Development) Order 1995', `${LEG}/uksi/1995/418/contents`, 'P', 'Enforcement notices and the register are kept indefinitely'],
  ['PLAN-05', 'Planning', 'Planning policy', 'Forward planning (local plan, policy)', 'last-action', 'P12Y', 'trigger', 'destroy', 'Limitation Act 1980', `${LEG}/ukpga/1980/58/contents`, ''],
  ['PLAN-06', 'Planning', 'Trees', 'Tree preservation orders and hedgerow notices', 'creation', 'permanent', 'trigger', 'permanent', 'Common practice (Wyre Forest)', '', '', 'Other tree files are kept seven years after use'],
  ['PLAN-07', 'Planning', 'Building control', 'Building control records', 'completion', 'P15Y', 'trigger', 'destroy', 'Building Act 1984', `${LEG}/ukpga/1984/55/contents`, 'P', 'Up to 15 years (Greenwich)'],
  ['HSG-01', 'Housing', 'Homelessness', 'Homelessness and housing advice records', 'closure', 'P6Y', 'trigger', 'destroy', 'Common practice (Wyre Forest)', '', 'PS'],
  ['HSG-02', 'Housing', 'Allocations', 'Housing register applications, including unsuccessful ones', 'closure', 'P6Y', 'trigger', 'destroy', 'Common practice (Wyre Forest)', '', 'P'],
  ['HSG-03', 'Housing', 'Grants', 'Disabled facilities and discretionary housing grants', 'closure', 'P7Y', 'trigger', 'destroy', 'Financial regulations', '', 'PS', 'Six years plus one for audit; longer where a charge is registered on the land'],
  ['HSG-04', 'Housing', 'Tenancy', 'Housing mediation', 'closure', 'P6Y', 'trigger', 'destroy', 'Limitation Act 1980 s.2', `${LEG}/ukpga/1980/58/section/2`, 'P'],
  ['CSC-01', "Children's social care", 'Children in care', 'Looked-after children', 'date-of-birth', 'P75Y', 'trigger', 'destroy', 'Children Act 1989; Care Planning, Placement and Case Review (England) Regulations 2010', `${LEG}/uksi/2010/959/regulation/50`, 'PS', '15 years from death if the child dies before 18; under the IICSA retention instruction'],
  ['CSC-02', "Children's social care", 'Adoption', 'Adoption case files (order granted)', 'decision', 'P100Y', 'trigger', 'destroy', 'Adoption and Children Act 2002; Disclosure of Adoption Information (Post-Commencement Adoptions) Regulations 2005', `${LEG}/uksi/2005/888/contents`, 'PS', 'Kept on paper by guidance'],
  ['CSC-03', "Children's social care", 'Child protection', 'Child protection records and conference minutes', 'last-action', 'P35Y', 'trigger', 'destroy', 'Children Act 2004', `${LEG}/ukpga/2004/31/contents`, 'PS', 'Under the IICSA retention instruction'],
  ['CSC-04', "Children's social care", 'Allegations', 'LADO allegations, substantiated', 'date-of-birth', 'P100Y', 'trigger', 'destroy', 'Safeguarding risk (Devon)', '', 'PS', 'From the date of birth of the person the allegation is about'],
  ['CSC-05', "Children's social care", 'Allegations', 'LADO allegations, unfounded or malicious', 'closure', 'P10Y', 'trigger', 'destroy', 'Safeguarding practice (Devon)', '', 'PS'],
  ['ASC-01', 'Adult social care', 'Mental health', 'Adult mental health case records', 'last-action', 'P10Y', 'trigger', 'destroy', 'Local practice (Carmarthenshire)', '', 'PS', 'Or from death'],
  ['REG-01', 'Regulatory services', 'Surveillance', 'RIPA authorisations', 'creation', 'P3Y', 'trigger', 'destroy', 'Regulation of Investigatory Powers Act 2000 codes of practice', `${LEG}/ukpga/2000/23/contents`, 'P'],
  ['REG-02', 'Regulatory services', 'Trading standards', 'Trading standards visit reports', 'creation', 'P6Y', 'trigger', 'destroy', 'Due diligence (Devon)', '', 'P'],
  ['REG-03', 'Regulatory services', 'Food safety', 'Food sampling records', 'creation', 'P6Y', 'trigger', 'destroy', 'Food Safety Act 1990', `${LEG}/ukpga/1990/16/contents`, ''],
  ['BER-01', 'Bereavement services', 'Cemeteries', 'Burial registers', 'creation', 'permanent', 'trigger', 'permanent', 'Local Authorities’ Cemeteries Order 1977 arts 11 and 12', `${LEG}/uksi/1977/204/article/11`, 'P', 'Kept in durable bound books'],
];

export const SEED_SCHEDULE: readonly ScheduleRow[] = SEEDS.map(
  ([code, fn, activity, description, trigger, period, from, action, authority, url, flags, notes]) => ({
    code,
    function: fn,
    activity,
    description,
    trigger,
    retention: parseRetention(period),
    from,
    action,
    authority,
    authorityUrl: url || null,
    personalData: flags.startsWith('P'),
    specialCategory: flags === 'PS',
    notes: notes ?? '',
  }),
);

/** The classes closed requests and enquiries are scheduled under, and the class disposal certificates are kept in. */
export const REQUESTS_CLASS = 'IG-01';
export const ENQUIRIES_CLASS = 'IG-03';
export const CERTIFICATES_CLASS = 'IG-02';
