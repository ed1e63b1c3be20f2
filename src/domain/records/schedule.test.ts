import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  findTrigger,
  mapScheduleHeader,
  readScheduleRow,
  SCHEDULE_COLUMNS,
  scheduleRowCells,
  ScheduleRowError,
} from './schedule.ts';
import { SEED_SCHEDULE } from './seed-schedule.ts';
import { retentionUntil } from './retention.ts';

const ours = mapScheduleHeader(SCHEDULE_COLUMNS);
const row = (cells: Partial<Record<(typeof SCHEDULE_COLUMNS)[number], string>>) =>
  readScheduleRow(
    ours,
    SCHEDULE_COLUMNS.map((c) => cells[c] ?? ''),
  );
const valid = {
  code: 'FIN-01',
  function: 'Finance',
  activity: 'Accounting',
  description: 'Budgets',
  trigger: 'last-modified',
  period: 'P6Y',
  from: 'financial-year-end',
  action: 'destroy',
};
const problem = (cells: Record<string, string>) => {
  try {
    row({ ...valid, ...cells });
    return 'accepted';
  } catch (error) {
    assert.ok(error instanceof ScheduleRowError, String(error));
    return error.message;
  }
};

describe('the retention schedule as data', () => {
  it('reads a row of its own layout', () => {
    assert.deepEqual(
      row({ ...valid, personal_data: 'yes', authority_url: 'https://www.legislation.gov.uk/x' }),
      {
        code: 'FIN-01',
        function: 'Finance',
        activity: 'Accounting',
        description: 'Budgets',
        trigger: 'last-modified',
        retention: { years: 6, months: 0, days: 0 },
        from: 'financial-year-end',
        action: 'destroy',
        authority: '',
        authorityUrl: 'https://www.legislation.gov.uk/x',
        personalData: true,
        specialCategory: false,
        notes: '',
      },
    );
  });

  it('refuses a row it cannot keep, saying which field and why', () => {
    assert.match(
      problem({ action: 'shred' }),
      /action must be destroy, review, transfer or permanent|action must be/,
    );
    assert.match(problem({ period: '-P6Y' }), /period: .*cannot be negative/);
    assert.match(problem({ period: 'six years' }), /period: .*not a retention period/);
    assert.match(problem({ period: '' }), /period is empty/);
    assert.match(
      problem({ trigger: 'when the moon is full' }),
      /trigger "when the moon is full" is not one Custodian knows/,
    );
    assert.match(problem({ from: 'april' }), /from must be/);
    assert.match(problem({ code: '' }), /code is empty/);
    assert.match(problem({ code: 'a b' }), /code "a b" must be/);
    assert.match(problem({ personal_data: 'maybe' }), /personal_data must be yes or no/);
    assert.match(problem({ authority_url: 'javascript:alert(1)' }), /https/);
    assert.match(problem({ action: 'permanent' }), /permanent action needs the period permanent/);
    assert.match(
      problem({ period: 'permanent', action: 'destroy' }),
      /permanent period cannot end in "destroy"/,
    );
    assert.match(problem({ notes: 'a\u0000b' }), /control character/);
  });

  it('reads the LGA layout councils republish, by its own column names', () => {
    const header = [
      'Unique ID',
      'Function L1',
      'Function L2',
      'Records description',
      'Personal data?',
      'Special category?',
      'Legislation',
      'Legislation link',
      'Retain permanently?',
      'Start event',
      'Retention years',
      'Retention months',
      'Impact level',
    ];
    const columns = mapScheduleHeader(header);
    assert.equal(columns.at(-1), undefined, 'a column we do not use is left alone');
    const housing = readScheduleRow(columns, [
      '1008',
      'Housing',
      'Tenancy',
      'Housing mediation',
      'Yes',
      'No',
      'Limitation Act 1980 s.2',
      'https://www.legislation.gov.uk/ukpga/1980/58/section/2',
      'No',
      'Case closed',
      '6',
      '0',
      'Low',
    ]);
    assert.equal(housing.trigger, 'closure');
    assert.deepEqual(housing.retention, { years: 6, months: 0, days: 0 });
    assert.equal(
      housing.action,
      'destroy',
      'the LGA layout has no action: a period ends in destruction, after review',
    );
    const deeds = readScheduleRow(columns, [
      '34',
      'Property',
      'Estates',
      'Deeds',
      'No',
      'No',
      '',
      '',
      'Yes',
      'Creation',
      '',
      '',
      '',
    ]);
    assert.equal(deeds.retention, 'permanent');
    assert.equal(deeds.action, 'permanent');
  });

  it('finds a trigger by its id or a council’s phrase for it', () => {
    assert.equal(findTrigger('closure'), 'closure');
    assert.equal(findTrigger('Date of Birth'), 'date-of-birth');
    assert.equal(findTrigger('  end-of-employment '), 'end-of-employment');
    assert.equal(findTrigger('Cessation of contract'), 'end-of-contract');
    assert.equal(findTrigger('sunrise'), undefined);
  });

  it('writes every seed row in its own layout and reads it back unchanged', () => {
    for (const seed of SEED_SCHEDULE)
      assert.deepEqual(readScheduleRow(ours, scheduleRowCells(seed)), seed, seed.code);
  });

  it('seeds at least the 57 published rows, each code once, each one schedulable', () => {
    assert.ok(SEED_SCHEDULE.length >= 57);
    assert.equal(new Set(SEED_SCHEDULE.map((s) => s.code)).size, SEED_SCHEDULE.length);
    for (const seed of SEED_SCHEDULE) {
      const until = retentionUntil({ trigger: '2020-06-30', retention: seed.retention, from: seed.from });
      assert.equal(until === null, seed.action === 'permanent', seed.code);
    }
  });
});
