import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// `dnevnik codes` end to end: real processes on an embedded database in a temp DATA_DIR, the
// school loaded with `dnevnik import` (faster than the whole demo school).

const root = path.join(__dirname, '..', '..');

function dnevnik(args: string[], dataDir: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'dnevnik.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, DEMO: 'false', LOG_LEVEL: 'silent', NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const SCHOOL = `id,type,occurredAt,schoolId,classId,studentId,name,lastName,firstName
e1,school.upserted,2026-12-01T09:00:00+03:00,s1,,,Школа № 5,,
e2,class.upserted,2026-12-01T09:00:00+03:00,s1,c1,,5А,,
e3,student.upserted,2026-12-01T09:00:00+03:00,s1,c1,st1,,Иванова,Маша
e4,student.upserted,2026-12-01T09:00:00+03:00,s1,c1,st2,,Петров,Коля
`;

describe('dnevnik codes', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-codes-'));
    fs.writeFileSync(path.join(dir, 'school.csv'), SCHOOL);
    const imported = dnevnik(['import', path.join(dir, 'school.csv'), '--no-progress'], dir);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('text: code in groups of four with its Telegram deep link (and VK when configured)', () => {
    const result = dnevnik(['codes', '--student', 'st1'], dir, { TELEGRAM_BOT_USERNAME: 'school_diary_bot', VK_GROUP_ID: '12345' });
    expect(result.status).toBe(0);
    const code = result.stdout.match(/code: +(\d{4} \d{4} \d{4})/)![1];
    const compact = code.replace(/ /g, '');
    expect(result.stdout).toContain('Иванова Маша, 5А (guardian)');
    expect(result.stdout).toContain(`https://t.me/school_diary_bot?start=${compact}`);
    expect(result.stdout).toContain(`https://vk.me/club12345?ref=${compact}`);
  });

  test('csv for a class: a header with a code column, one guardian code per student', () => {
    const result = dnevnik(['codes', '--class', 'c1', '--format', 'csv', '--days', '7'], dir);
    expect(result.status).toBe(0);
    const [header, ...rows] = result.stdout.trim().split('\n');
    const columns = header.split(',');
    expect(columns).toContain('code');
    expect(rows).toHaveLength(2);
    const codes = rows.map((r) => r.split(',')[columns.indexOf('code')]);
    for (const c of codes) expect(c).toMatch(/^\d{4} \d{4} \d{4}$/);
    expect(rows[0]).toContain(`https://t.me/dnevnik_bot?start=${codes[0].replace(/ /g, '')}`);
    expect(rows.map((r) => r.split(',')[columns.indexOf('studentId')])).toEqual(['st1', 'st2']);
  });

  test('pdf: one A4 page per code', () => {
    const out = path.join(dir, 'letters.pdf');
    const result = dnevnik(['codes', '--class', 'c1', '--format', 'pdf', '--out', out], dir);
    expect(result.status).toBe(0);
    const pdf = fs.readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(2);
    expect(text).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  test('unknown student, class or teacher → a clear error, exit 1, no code stored', () => {
    for (const [flag, id] of [['--student', 'nobody'], ['--class', 'c9'], ['--teacher', 't9']]) {
      const result = dnevnik(['codes', flag, id], dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`no (student|class|teacher) "${id}"`));
      expect(result.stdout).toBe('');
    }
    expect(dnevnik(['codes'], dir).status).toBe(1);
  });
});
