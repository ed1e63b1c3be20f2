import ExcelJS from 'exceljs';
import { ValidationError } from '../../platform/errors.ts';
import { readCsvLines, tableFile, type CsvLine } from '../../platform/documents/tables.ts';
import { decodeText } from '../../discovery/extract/text.ts';
import {
  mapScheduleHeader,
  readScheduleRow,
  SCHEDULE_COLUMNS,
  scheduleRowCells,
  ScheduleRowError,
  type ScheduleRow,
} from '../../domain/records/schedule.ts';

/** A schedule is a few thousand rows at most; anything far larger is not one (and an XLSX is a zip to unpack). */
export const MAX_SCHEDULE_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 20_000;

export type ScheduleFormat = 'csv' | 'xlsx';

/** The format of a schedule file, by its content: an XLSX is a zip, anything else is read as CSV text. */
export function formatOf(bytes: Buffer): ScheduleFormat {
  return bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'xlsx' : 'csv';
}

/**
 * Every row of a schedule file (CSV in any common encoding, or the first sheet of an XLSX), in our layout or the LGA
 * layout councils republish. The first bad row stops it with its line and what is wrong; so does a code given twice.
 */
export async function readScheduleFile(bytes: Buffer): Promise<ScheduleRow[]> {
  if (bytes.length > MAX_SCHEDULE_BYTES)
    throw new ValidationError(
      `The file is larger than ${MAX_SCHEDULE_BYTES / 1024 / 1024} MB: is it a schedule?`,
    );
  const lines = formatOf(bytes) === 'xlsx' ? await xlsxLines(bytes) : readCsvLines(decodeText(bytes).text);
  const headerAt = lines.findIndex((l) => l.cells.some((c) => c.trim()));
  if (headerAt === -1) throw new ValidationError('The file is empty');
  const columns = mapScheduleHeader(lines[headerAt]!.cells);
  const missing = ['code', 'trigger', 'description'].filter((c) => !columns.includes(c as never));
  if (missing.length)
    throw new ValidationError(
      `Line ${lines[headerAt]!.line}: the header has no ${missing.join(', ')} column. Use the header ${SCHEDULE_COLUMNS.join(',')}`,
    );
  const rows: ScheduleRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of lines.slice(headerAt + 1)) {
    if (!cells.some((c) => c.trim())) continue;
    if (rows.length >= MAX_ROWS) throw new ValidationError(`More than ${MAX_ROWS} rows: is this a schedule?`);
    let row: ScheduleRow;
    try {
      row = readScheduleRow(columns, cells);
    } catch (error) {
      if (error instanceof ScheduleRowError) throw new ValidationError(`Line ${line}: ${error.message}`);
      throw error;
    }
    const earlier = seen.get(row.code.toLowerCase());
    if (earlier) throw new ValidationError(`Line ${line}: code ${row.code} is already on line ${earlier}`);
    seen.set(row.code.toLowerCase(), line);
    rows.push(row);
  }
  if (!rows.length) throw new ValidationError('The file has a header but no rows');
  return rows;
}

async function xlsxLines(bytes: Buffer): Promise<CsvLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ValidationError('This is not an XLSX workbook Custodian can read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ValidationError('The workbook has no sheets');
  const lines: CsvLine[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.text ?? '';
    });
    lines.push({ line: number, cells: Array.from(cells, (c) => c ?? '') });
  });
  return lines;
}

/** The schedule in our own layout: CSV with a byte-order mark so Excel reads it, formulas escaped; or XLSX. */
export async function writeScheduleFile(
  rows: readonly ScheduleRow[],
  format: ScheduleFormat,
): Promise<Buffer> {
  return tableFile(SCHEDULE_COLUMNS, rows.map(scheduleRowCells), format, 'Retention schedule');
}
