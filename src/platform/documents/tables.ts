import { stringify } from 'csv-stringify/sync';
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
