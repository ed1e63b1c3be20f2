import type { Tx } from '../db/database.ts';
import type { Audit } from '../commands.ts';
import { teamMembers, userRoles, users } from './schema.ts';
import type { Role } from '../authz/roles.ts';
import { SeededRandom } from '../../domain/shared/random.ts';
import { mustUseTwoStep } from './two-step.ts';
import { insertDirectorate, insertTeam } from './repository.ts';
import { eq } from 'drizzle-orm';

/** The fictional council's structure: directorates and the teams within them. */
export const DEMO_STRUCTURE: Record<string, string[]> = {
  "Adults' Social Care": [
    'Adult Safeguarding',
    'Assessment and Care Management',
    'Learning Disabilities',
    'Mental Health Services',
  ],
  "Children's Services": [
    'Children in Care',
    'Early Help',
    'Education Services',
    'Fostering and Adoption',
    'Special Educational Needs',
  ],
  Place: ['Planning', 'Highways', 'Waste and Recycling', 'Environmental Health', 'Housing'],
  Resources: [
    'Finance',
    'Human Resources',
    'ICT',
    'Legal Services',
    'Information Governance',
    'Revenues and Benefits',
  ],
  'Public Health': ['Health Protection', 'Health Improvement', 'Public Health Intelligence'],
  "Chief Executive's": ['Communications', 'Democratic Services', 'Policy and Performance'],
};

export const DEMO_PASSWORD = 'custodian-demo';
/**
 * The demonstration council's administrator and DPO sign in in two steps like real ones, with this published
 * authenticator key; as it is public, the sign-in page shows its code, and a newcomer needs no app.
 */
export const DEMO_AUTHENTICATOR_KEY = 'KINGSMEREDEMOAUTHENTICATORKEYXYZ';
/** The demo council's staff, the named accounts among them. */
export const DEMO_STAFF = 200;
export const DEMO_EMAIL_DOMAIN = 'kingsmere.gov.example';

/** Named accounts a newcomer signs in with, one per role. */
export const DEMO_ACCOUNTS: {
  email: string;
  name: string;
  title: string;
  role: Role | null;
  directorate?: string;
}[] = [
  { email: 'admin', name: 'Alex Morgan', title: 'Systems Administrator', role: 'admin' },
  { email: 'dpo', name: 'Priya Shah', title: 'Data Protection Officer', role: 'dpo' },
  { email: 'ig.officer', name: 'Tom Wright', title: 'Information Governance Officer', role: 'ig_officer' },
  { email: 'records.manager', name: 'Helen Okafor', title: 'Records Manager', role: 'records_manager' },
  { email: 'requests.officer', name: 'Sam Patel', title: 'FOI and SAR Officer', role: 'requests_officer' },
  {
    email: 'asset.owner',
    name: 'Gareth Hughes',
    title: 'Head of Adult Social Care Systems',
    role: 'asset_owner',
    directorate: "Adults' Social Care",
  },
  { email: 'auditor', name: 'Fiona Campbell', title: 'Internal Auditor', role: 'auditor' },
  { email: 'staff', name: 'Jamie Lee', title: 'Customer Services Adviser', role: null, directorate: 'Place' },
];

export const FIRST_NAMES = [
  'Aisha',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Farid',
  'Grace',
  'Harry',
  'Isla',
  'Jack',
  'Kiran',
  'Laura',
  'Mohammed',
  'Niamh',
  'Oliver',
  'Poppy',
  'Rhys',
  'Sophie',
  'Thomas',
  'Uma',
  'Victoria',
  'William',
  'Yusuf',
  'Zara',
  'Ewan',
  'Catrin',
  'Declan',
  'Hannah',
  'Ioan',
  'Megan',
];
export const SURNAMES = [
  'Ahmed',
  'Baker',
  'Clarke',
  'Davies',
  'Evans',
  'Fletcher',
  'Green',
  'Hussain',
  'Jones',
  'Khan',
  'Lewis',
  'Murphy',
  'Nolan',
  'Owen',
  'Price',
  'Quinn',
  'Roberts',
  'Singh',
  'Taylor',
  'Walsh',
  'Young',
  'Kaur',
  'Morris',
  'Reid',
  'Stewart',
  'Thomson',
  'Wilson',
  'Begum',
  'Kowalski',
  'Mensah',
];
const TITLES = [
  'Officer',
  'Senior Officer',
  'Team Manager',
  'Assistant',
  'Practitioner',
  'Adviser',
  'Coordinator',
  'Analyst',
];

/**
 * Creates the demo council's people: the named accounts plus generated staff across every team, some holding
 * directorate-scoped roles. Deterministic for a seed. Everyone shares the demo password (one hash, computed once).
 */
export async function seedDemoOrganisation(
  tx: Tx,
  audit: Audit,
  options: {
    seed: number;
    staff: number;
    passwordHash: string;
    /** The published demo authenticator, set up for an account whose role needs two-step sign-in. */
    demoAuthenticator: (userId: number) => { totpSecret: string; totpEnrolledAt: Date };
  },
) {
  const random = new SeededRandom(options.seed);
  const directorateIds = new Map<string, number>();
  const teamIds: { id: number; directorate: string; name: string }[] = [];
  for (const [name, teamNames] of Object.entries(DEMO_STRUCTURE)) {
    const directorateId = await insertDirectorate(tx, audit, name);
    directorateIds.set(name, directorateId);
    for (const teamName of teamNames)
      teamIds.push({
        id: await insertTeam(tx, audit, directorateId, teamName),
        directorate: name,
        name: teamName,
      });
  }

  const people: {
    email: string;
    name: string;
    title: string;
    grants: { role: Role; directorateId: number | null }[];
    teamId: number;
  }[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const team = a.directorate
      ? teamIds.find((t) => t.directorate === a.directorate)!
      : teamIds.find((t) => t.name === 'Information Governance')!;
    const directorateId = a.directorate ? directorateIds.get(a.directorate)! : null;
    people.push({
      email: `${a.email}@${DEMO_EMAIL_DOMAIN}`,
      name: a.name,
      title: a.title,
      grants: a.role ? [{ role: a.role, directorateId }] : [],
      teamId: team.id,
    });
  }
  const used = new Set(people.map((p) => p.email));
  while (people.length < options.staff) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(SURNAMES);
    let email = `${first}.${last}`.toLowerCase();
    for (let n = 2; used.has(`${email}@${DEMO_EMAIL_DOMAIN}`); n++)
      email = `${first}.${last}${n}`.toLowerCase();
    email = `${email}@${DEMO_EMAIL_DOMAIN}`;
    used.add(email);
    const team = random.pick(teamIds);
    const directorateId = directorateIds.get(team.directorate)!;
    const roll = random.next();
    const role: Role | null =
      roll < 0.04
        ? 'requests_officer'
        : roll < 0.08
          ? 'records_manager'
          : roll < 0.14
            ? 'asset_owner'
            : roll < 0.16
              ? 'ig_officer'
              : null;
    people.push({
      email,
      name: `${first} ${last}`,
      title: `${team.name} ${random.pick(TITLES)}`,
      grants: role ? [{ role, directorateId }] : [],
      teamId: team.id,
    });
  }

  for (const p of people) {
    const [u] = await tx
      .insert(users)
      .values({ email: p.email, displayName: p.name, jobTitle: p.title, passwordHash: options.passwordHash })
      .returning({ id: users.id });
    if (p.grants.length) await tx.insert(userRoles).values(p.grants.map((g) => ({ ...g, userId: u!.id })));
    if (mustUseTwoStep(p.grants))
      await tx.update(users).set(options.demoAuthenticator(u!.id)).where(eq(users.id, u!.id));
    await tx.insert(teamMembers).values({ teamId: p.teamId, userId: u!.id });
    await audit({
      action: 'user.created',
      entityType: 'user',
      entityId: u!.id,
      details: { grants: p.grants, teamIds: [p.teamId] },
    });
  }
  return {
    counts: { directorates: directorateIds.size, teams: teamIds.length, users: people.length },
    directorateIds,
  };
}

export async function hasAnyUser(tx: Pick<Tx, 'select'>): Promise<boolean> {
  const [row] = await tx.select({ id: users.id }).from(users).limit(1);
  return !!row;
}
