import { ValidationError } from '../../platform/errors.ts';
import { readCsvLines } from '../../platform/documents/tables.ts';
import { decodeText } from '../../discovery/extract/text.ts';
import {
  checkHrRows,
  HR_COLUMNS,
  HrLineError,
  HrRowError,
  mapHrHeader,
  readHrRow,
  type HrRow,
} from '../../domain/staff/hr-file.ts';

/** 50,000 people at about 200 bytes a row is 10 MB; a file far larger is not an establishment. */
export const MAX_HR_FILE_BYTES = 40 * 1024 * 1024;
const MAX_ROWS = 200_000;

/**
 * Every row of an HR extract (CSV in any common encoding), checked row by row and against each other. The first bad
 * row stops it with its line and what is wrong: an import changes everything or nothing.
 */
export function readHrExtract(bytes: Buffer): HrRow[] {
  if (bytes.length > MAX_HR_FILE_BYTES)
    throw new ValidationError(
      `The file is larger than ${MAX_HR_FILE_BYTES / 1024 / 1024} MB: is it an HR extract?`,
    );
  const lines = readCsvLines(decodeText(bytes).text);
  const headerAt = lines.findIndex((l) => l.cells.some((c) => c.trim()));
  if (headerAt === -1) throw new ValidationError('The file is empty');
  const header = lines[headerAt]!;
  let columns;
  try {
    columns = mapHrHeader(header.cells);
  } catch (error) {
    if (!(error instanceof HrRowError)) throw error;
    throw new ValidationError(
      `Line ${header.line}: ${error.message}. Use the header ${HR_COLUMNS.join(',')}`,
    );
  }
  const rows: HrRow[] = [];
  const rowLines: number[] = [];
  for (const { line, cells } of lines.slice(headerAt + 1)) {
    if (!cells.some((c) => c.trim())) continue;
    if (rows.length >= MAX_ROWS)
      throw new ValidationError(`More than ${MAX_ROWS} people: is this an HR extract?`);
    try {
      rows.push(readHrRow(columns, cells));
    } catch (error) {
      if (error instanceof HrRowError) throw new ValidationError(`Line ${line}: ${error.message}`);
      throw error;
    }
    rowLines.push(line);
  }
  if (!rows.length) throw new ValidationError('The file has a header but no people');
  try {
    checkHrRows(rows, rowLines);
  } catch (error) {
    if (error instanceof HrLineError) throw new ValidationError(error.message);
    throw error;
  }
  return rows;
}
