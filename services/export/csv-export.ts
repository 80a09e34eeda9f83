import Papa from 'papaparse';
import type { ExportFile } from '../../core/export/export-file';
import { csvRows, exerciseColumns, exerciseRowsOf, sessionColumns, spasmColumns, type CsvContext, type CsvTableName } from '../../core/export/csv-tables';
import type { AllRecords } from '../log/all-records';

/** Excel reads a CSV file without it as the system's legacy code page, garbling accents. */
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * OWASP's list of characters that make a spreadsheet treat a cell as a
 * formula. Papa Parse's own `escapeFormulae: true` pattern ends in `.*$`,
 * which does not match across a newline, so a multi-line note starting with
 * "=" would slip through; this pattern looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function rowsOf(table: CsvTableName, records: AllRecords, context: CsvContext) {
  switch (table) {
    case 'sessions':
      return csvRows(sessionColumns(context), records.sessions);
    case 'exercises':
      return csvRows(exerciseColumns(context), exerciseRowsOf(records.sessions));
    case 'spasms':
      return csvRows(spasmColumns(context), records.spasms);
  }
}

/** One table as an RFC 4180 CSV file (CRLF line ends, quotes doubled), UTF-8 with a byte-order mark. */
export function exportCsv(table: CsvTableName, records: AllRecords, context: CsvContext, today: string): ExportFile {
  const text = Papa.unparse(rowsOf(table, records, context), { newline: '\r\n', escapeFormulae: FORMULA_START });
  return { fileName: `backcare-${table}-${today}.csv`, mediaType: 'text/csv', text: BYTE_ORDER_MARK + text };
}
