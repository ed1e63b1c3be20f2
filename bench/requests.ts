import { addBusinessDays, parseISO } from 'date-fns';
import { createTestDatabase, type DatabaseKind } from '../test/support/databases.ts';
import { computeDeadline, type DeadlineKind } from '../src/domain/requests/deadlines.ts';
import { shippedCalendar } from '../src/domain/calendar/shipped.ts';
import { addDays, fromDayNumber, toDayNumber } from '../src/domain/calendar/dates.ts';
import { SeededRandom } from '../src/domain/shared/random.ts';
import { systemActor } from '../src/platform/audit/service.ts';
import { requestCases } from '../src/modules/requests/schema.ts';
import { teamMembers } from '../src/platform/identity/schema.ts';
import { benchServices } from './services.ts';
import { ms, percentile, printTable, ratio, type Row } from './support.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);

/** Deadline computations per second, against date-fns adding business days (weekends only, no holidays). */
function deadlineBench(): Row[] {
  const calendar = shippedCalendar();
  const random = new SeededRandom(7);
  const kinds: DeadlineKind[] = ['foi', 'eir', 'sar', 'foi-extended', 'sar-extended'];
  const inputs = Array.from({ length: 20_000 }, () => ({
    kind: random.pick(kinds),
    received: fromDayNumber(random.int(toDayNumber('2019-01-01'), toDayNumber('2031-12-31'))),
  }));
  const time = (fn: () => void) => {
    fn();
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  let sink = '';
  const ours = time(() => {
    for (const input of inputs) sink = computeDeadline(calendar, input).due;
  });
  const dates = inputs.map((i) => parseISO(i.received));
  const peer = time(() => {
    for (const d of dates) sink = addBusinessDays(d, 20).toISOString();
  });
  if (!sink) throw new Error('nothing computed');
  const oursPerSecond = (inputs.length / ours) * 1000;
  const peerPerSecond = (inputs.length / peer) * 1000;
  return [
    {
      measure: 'deadline computations per second (FOI/EIR/SAR mix, all-UK holidays, 2019–2031)',
      ours: Math.round(oursPerSecond).toLocaleString('en-GB'),
      peerName: 'date-fns addBusinessDays(20), weekends only',
      peer: Math.round(peerPerSecond).toLocaleString('en-GB'),
      ratio: ratio(oursPerSecond, peerPerSecond),
    },
  ];
}

/** Seeds CASES cases over six directorates and twelve teams, and times the "team cases" list a member of one team sees. */
async function teamListBench(kind: DatabaseKind): Promise<Row[]> {
  const database = await createTestDatabase(kind);
  try {
    const { services } = benchServices(database.db, new Date('2026-11-25T10:00:00Z'));
    const actor = systemActor('Bench');
    const directorateIds: number[] = [];
    for (let d = 0; d < 6; d++)
      directorateIds.push(await services.organisation.createDirectorate(actor, `Directorate ${d}`));
    const teamIds: number[] = [];
    for (let t = 0; t < 12; t++)
      teamIds.push(await services.organisation.createTeam(actor, directorateIds[t % 6]!, `Team ${t}`));
    const userId = await services.users.create(actor, {
      email: 'bench@test.example',
      displayName: 'Bench',
      password: 'bench-password-1',
      grants: [{ role: 'requests_officer', directorateId: null }],
      teamIds: [],
    });
    await database.db.orm.insert(teamMembers).values({ teamId: teamIds[0]!, userId });
    const random = new SeededRandom(11);
    const statuses = [
      'acknowledged',
      'allocated',
      'drafting',
      'approval',
      'responded',
      'closed',
      'closed',
      'closed',
    ];
    const seedStart = performance.now();
    for (let i = 0; i < CASES; i += 1000) {
      const batch = Array.from({ length: Math.min(1000, CASES - i) }, (_, j) => {
        const received = addDays('2023-01-01', random.int(0, 1400));
        const team = random.pick(teamIds);
        return {
          reference: `FOI-B-${i + j}`,
          type: 'foi',
          status: random.pick(statuses),
          channel: 'email',
          subject: `Bench request ${i + j}`,
          description: 'x',
          requesterName: 'x',
          receivedOn: received,
          clockStart: received,
          allocationDueOn: addDays(received, 3),
          draftDueOn: addDays(received, 14),
          dueOn: addDays(received, 28),
          calendarVersion: 'bench',
          directorateId: directorateIds[teamIds.indexOf(team) % 6]!,
          teamId: team,
        };
      });
      await database.db.orm.insert(requestCases).values(batch);
    }
    await database.db.query('analyze request_cases');
    const seedMs = performance.now() - seedStart;
    const principal = {
      kind: 'user' as const,
      id: userId,
      label: 'Bench',
      grants: [{ role: 'requests_officer' as const, directorateId: null }],
    };
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const a = performance.now();
      const result = await services.requests.list(principal, { view: 'team' }, { limit: 50, offset: 0 });
      times.push(performance.now() - a);
      if (result.rows.length === 0) throw new Error('the team list is empty');
      const b = performance.now();
      await database.db.query(
        `select id, reference, type, status, subject, received_on, due_on from request_cases
         where team_id in (select team_id from team_members where user_id = $1) and status not in ('responded', 'closed')
         order by due_on, id limit 50`,
        [userId],
      );
      rawTimes.push(performance.now() - b);
    }
    const p95 = percentile(times, 95);
    const rawP95 = percentile(rawTimes, 95);
    return [
      {
        measure: `"team cases" list p95 (first 50 + count), ${CASES.toLocaleString('en-GB')} cases, ${kind}`,
        ours: ms(p95),
        peerName: 'the bare SQL query (50 rows, no count)',
        peer: ms(rawP95),
        ratio: ratio(p95, rawP95),
      },
      {
        measure: `  loading ${CASES.toLocaleString('en-GB')} cases into ${kind}`,
        ours: ms(seedMs),
        peerName: '-',
        peer: '-',
        ratio: '-',
      },
    ];
  } finally {
    await database.close();
  }
}

export async function requestsBench(): Promise<void> {
  const rows = [...deadlineBench()];
  for (const kind of ['pglite', 'postgresql'] as DatabaseKind[]) {
    try {
      rows.push(...(await teamListBench(kind)));
    } catch (error) {
      rows.push({
        measure: `"team cases" list on ${kind}`,
        ours: `skipped: ${(error as Error).message.split('\n')[0]}`,
        peerName: '-',
        peer: '-',
        ratio: '-',
      });
    }
  }
  printTable('Requests: the statutory clock and case lists', rows);
}
