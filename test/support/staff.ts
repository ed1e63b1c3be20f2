import { HR_COLUMNS } from '../../src/domain/staff/hr-file.ts';

/** One person in an HR extract, by column; what is left out is a plain employee's default. */
export type HrCells = Partial<Record<(typeof HR_COLUMNS)[number], string>>;

const DEFAULTS: HrCells = {
  directorate: 'Resources',
  start_date: '2020-04-01',
  worker_type: 'employee',
  personal_data_access: 'yes',
};

/** An HR extract as CSV: the header, then each person's cells, quoted. */
export function hrFile(people: HrCells[]): Buffer {
  const line = (p: HrCells) =>
    HR_COLUMNS.map((c) => `"${(p[c] ?? DEFAULTS[c] ?? '').replace(/"/g, '""')}"`).join(',');
  return Buffer.from([HR_COLUMNS.join(','), ...people.map(line)].join('\r\n'));
}
