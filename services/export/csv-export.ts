import Papa from 'papaparse';
import type { ExportFile } from '../../core/export/export-file';
import { csvHeader, csvRows, exerciseColumns, exerciseRowsOf, sessionColumns, spasmColumns, type Column, type CsvContext, type CsvTableName } from '../../core/export/csv-tables';
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

const NEWLINE = '\r\n';
const papaOptions = { newline: NEWLINE, escapeFormulae: FORMULA_START };

/** Records written per call to Papa Parse (see `flattened`). */
export const ROWS_PER_PIECE = 500;

/**
 * Papa Parse builds its text by appending cell after cell. V8 keeps a string
 * built that way as a tree of its pieces until it is read, and for the
 * 490,000 cells of ten years' exercises those pieces outlived several
 * garbage collections, each copying them: more than half of the table's
 * time. Written a few hundred rows at a time, and each piece read at once
 * (which makes it one flat string), the trees die young.
 */
function flattened(text: string): string {
  text.charCodeAt(text.length >> 1);
  return text;
}

/** The text of a table: the same as one Papa Parse call over every row, written in pieces. */
export function writeCsv<Row>(columns: Column<Row>[], records: readonly Row[]): string {
  const pieces = [Papa.unparse([csvHeader(columns)], papaOptions)];
  for (let start = 0; start < records.length; start += ROWS_PER_PIECE) {
    pieces.push(flattened(Papa.unparse(csvRows(columns, records.slice(start, start + ROWS_PER_PIECE)), papaOptions)));
  }
  return pieces.join(NEWLINE);
}

function textOf(table: CsvTableName, records: AllRecords, context: CsvContext): string {
  switch (table) {
    case 'sessions':
      return writeCsv(sessionColumns(context), records.sessions);
    case 'exercises':
      return writeCsv(exerciseColumns(context), exerciseRowsOf(records.sessions));
    case 'spasms':
      return writeCsv(spasmColumns(context), records.spasms);
  }
}

/** One table as an RFC 4180 CSV file (CRLF line ends, quotes doubled), UTF-8 with a byte-order mark. */
export function exportCsv(table: CsvTableName, records: AllRecords, context: CsvContext, today: string): ExportFile {
  return { fileName: `backcare-${table}-${today}.csv`, mediaType: 'text/csv', text: BYTE_ORDER_MARK + textOf(table, records, context) };
}
