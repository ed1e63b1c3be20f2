import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { ValidationError } from '../errors.ts';
import ExcelJS from 'exceljs';

export type TableFormat = 'csv' | 'xlsx';

/**
 * A table as a file people open in a spreadsheet: CSV with a byte-order mark so Excel reads it as UTF-8 and formulas
 * escaped (a cell starting "=" is text, not a formula to run); or an XLSX sheet with its header in bold.
 */
export async function tableFile(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  format: TableFormat,
  sheetName: string,
): Promise<Buffer> {
  if (format === 'csv')
    return Buffer.from(
      `\uFEFF${stringify([[...header], ...rows.map((r) => [...r])], { escape_formulas: true, record_delimiter: 'windows' })}`,
    );
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((c) => (c.width = 24));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV line as read: the file's line number (where a record spans lines, its last) and its cells. */
export interface CsvLine {
  line: number;
  cells: string[];
}

/**
 * The records of a CSV file already decoded to text (discovery's decodeText reads any common encoding), each with
 * its line number so a refusal can name it; a file that is not CSV is refused with the line it goes wrong on.
 */
export function readCsvLines(text: string): CsvLine[] {
  try {
    const records = parse(text, {
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map((r) => ({ line: r.info.lines, cells: r.record }));
  } catch (error) {
    const where = (error as { lines?: number }).lines;
    throw new ValidationError(`${where ? `Line ${where}: ` : ''}this is not a CSV file Custodian can read`);
  }
}
