/**
 * Writing spreadsheet (CSV) cells safely, for any export of vault data to a spreadsheet.
 *
 * Quoting (RFC 4180): a cell with a quote, the delimiter or a line break is put in quotes, and
 * its quotes are doubled. Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a
 * cell that starts with = + - @ (and, in some, a tab or carriage return before them) as a
 * formula — `=HYPERLINK(…)` can send data away when clicked — so such a cell gets a leading
 * apostrophe, which spreadsheets show as text. The import keeps such cells as the plain text
 * they are (electron/core/services/import/); this puts them back out as plain text too.
 */

/** First characters a spreadsheet may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/u;

export type CsvDelimiter = ',' | ';' | '\t';

export function csvCell(value: string, delimiter: CsvDelimiter = ','): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes =
    text.includes('"') || text.includes(delimiter) || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of a CSV file, without its line break (CSV files end lines with CRLF). */
export function csvRow(values: readonly string[], delimiter: CsvDelimiter = ','): string {
  return values.map((value) => csvCell(value, delimiter)).join(delimiter);
}
