/**
 * The classes of the ICO model publication scheme as principal local authorities publish them (research/requests.md
 * §4.1), and the Local Government Transparency Code 2015 datasets with their frequency (§4.2).
 */
export const PUBLICATION_CLASSES = [
  {
    code: 'who-we-are',
    title: 'Who we are and what we do',
    description: 'Organisational information, structures, locations and contacts.',
  },
  {
    code: 'what-we-spend',
    title: 'What we spend and how we spend it',
    description: 'Financial information: budgets, spending, procurement and contracts.',
  },
  {
    code: 'priorities',
    title: 'What our priorities are and how we are doing',
    description: 'Strategies, plans, performance and inspections.',
  },
  {
    code: 'decisions',
    title: 'How we make decisions',
    description: 'Decision-making processes, committee agendas, minutes and reports.',
  },
  {
    code: 'policies',
    title: 'Our policies and procedures',
    description: 'Current written protocols, policies and procedures for delivering our services.',
  },
  {
    code: 'registers',
    title: 'Lists and registers',
    description: 'Public registers and registers held as public records.',
  },
  {
    code: 'services',
    title: 'The services we offer',
    description: 'Information about the services we offer, including leaflets, guidance and newsletters.',
  },
  {
    code: 'datasets',
    title: 'Datasets',
    description: 'Datasets we publish for re-use, and the charges and licence for re-use.',
  },
] as const;
export type PublicationClass = (typeof PUBLICATION_CLASSES)[number]['code'];

export const TRANSPARENCY_DATASETS: {
  code: string;
  title: string;
  frequency: 'quarterly' | 'annually' | 'once';
}[] = [
  { code: 'spend-over-500', title: 'Expenditure over £500', frequency: 'quarterly' },
  { code: 'procurement-card', title: 'Government procurement card transactions', frequency: 'quarterly' },
  {
    code: 'procurement',
    title: 'Procurement information: invitations to tender and contracts over £5,000',
    frequency: 'quarterly',
  },
  { code: 'land-assets', title: 'Local authority land and assets', frequency: 'annually' },
  {
    code: 'vcse-grants',
    title: 'Grants to voluntary, community and social enterprise organisations',
    frequency: 'annually',
  },
  { code: 'organisation-chart', title: 'Organisation chart (top three levels)', frequency: 'annually' },
  { code: 'trade-union-facility-time', title: 'Trade union facility time', frequency: 'annually' },
  { code: 'parking-account', title: 'Parking account', frequency: 'annually' },
  { code: 'parking-spaces', title: 'Parking spaces', frequency: 'annually' },
  { code: 'senior-salaries', title: 'Senior salaries (over £50,000)', frequency: 'annually' },
  { code: 'constitution', title: 'Constitution', frequency: 'annually' },
  { code: 'pay-multiple', title: 'Pay multiple', frequency: 'annually' },
  { code: 'fraud', title: 'Counter-fraud work', frequency: 'annually' },
  { code: 'waste-contracts', title: 'Waste contracts', frequency: 'once' },
];
