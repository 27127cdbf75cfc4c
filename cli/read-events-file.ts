import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { AppError } from '../core/errors';

// `dnevnik import` accepts what the API accepts ({"events": [...]}, or a bare array, or one event
// per line) and CSV: a header with id, type, occurredAt and the data fields as further columns.
// A file holding no event at all is refused.

const NUMBER_FIELDS = new Set(['weight', 'amountKopecks', 'balanceKopecks']);
const BOOLEAN_FIELDS = new Set(['isTest', 'cancelled']);
const ENVELOPE_FIELDS = new Set(['id', 'type', 'occurredAt']);

export function readEventsFile(file: string): unknown[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (err) {
    throw new AppError('bad_request', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  const events = file.toLowerCase().endsWith('.csv') ? eventsFromCsv(text) : eventsFromJson(text);
  // An empty file is a failed export, not "nothing changed": exit 0 with {"accepted":0} would hide it.
  if (events.length === 0)
    throw new AppError('bad_request', `${file} holds no events (empty, [] or a CSV header alone): nothing imported`);
  return events;
}

export function eventsFromJson(text: string): unknown[] {
  const trimmed = text.trim();
  try {
    const parsed = JSON.parse(trimmed);
    if (Array.isArray(parsed)) return parsed;
    if (parsed && Array.isArray(parsed.events)) return parsed.events;
    return [parsed];
  } catch {
    // Not one JSON document: try JSON Lines.
    return trimmed
      .split(/\r?\n/)
      .filter((line) => line.trim())
      .map((line, i) => {
        try {
          return JSON.parse(line);
        } catch {
          throw new AppError('bad_request', `line ${i + 1} is not valid JSON`);
        }
      });
  }
}

export function eventsFromCsv(text: string): unknown[] {
  const rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((row) => {
    const data: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(row)) {
      if (ENVELOPE_FIELDS.has(column) || cell === '') continue;
      if (NUMBER_FIELDS.has(column) && /^-?\d+$/.test(cell)) data[column] = Number(cell);
      else if (BOOLEAN_FIELDS.has(column) && /^(true|false|1|0)$/i.test(cell)) data[column] = /^(true|1)$/i.test(cell);
      else data[column] = cell;
    }
    return { id: row.id, type: row.type, occurredAt: row.occurredAt, data };
  });
}
