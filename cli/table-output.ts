// Rows for an operator: aligned columns to read in a terminal, or CSV to open in a spreadsheet or
// feed a mail merge (RFC 4180: a field holding a comma, a quote or a line break is quoted, its
// quotes doubled; lines end in \n).

export type TTableFormat = 'text' | 'csv';

export const TABLE_FORMATS: readonly TTableFormat[] = ['text', 'csv'];

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Width as the terminal shows it: code points, not UTF-16 units. */
const width = (text: string) => [...text].length;

export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  format: TTableFormat,
): string {
  if (format === 'csv') return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
  // A line break inside a name would break the columns: shown as a space.
  const cells = [header, ...rows].map((row) => row.map((v) => String(v).replace(/[\r\n]+/g, ' ')));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => width(row[i]))));
  const line = (row: string[]) =>
    row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  ');
  return cells.map(line).join('\n') + '\n';
}
