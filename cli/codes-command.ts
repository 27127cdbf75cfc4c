import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { TLang } from '../core/i18n';
import type { TGrant, TLinkRole } from '../core/linking';
import { DEFAULT_CODE_DAYS, formatLinkCode, issueCodes, type TCodeTarget } from '../core/linking';
import { createPepperCheck, pepperMismatchText } from '../infra/pepper-fingerprint';
import { createDeploymentFactsStore } from '../prisma/stores/linking/deployment-facts-store';
import { createLinkingStore } from '../prisma/stores/linking/linking-store';
import type { Runtime } from '../runtime/runtime';
import type { TCodeLetter } from './code-letters-pdf';
import { demoReviewerCode } from './demo-reviewer-code';
import { hasLetterChannel, letterChannels, NO_LETTER_CHANNEL } from './letter-channels';
import { unknownIdLine } from './unknown-id';

// pdfkit and qrcode load only when a PDF is asked for: the server process runs this command for
// the CLI too, and should not carry them otherwise.
const loadPdf = (): typeof import('./code-letters-pdf') => require('./code-letters-pdf');

// `dnevnik codes` (README "Command line"): one-time link codes for school letters. The clear codes
// exist only in this command's output; the database keeps their hashes.

export const CODES_USAGE =
  'usage: dnevnik codes (--student <id> [--role guardian|student] | --class <id> | --teacher <id>)\n' +
  '                     [--format text|csv|pdf] [--out <file>] [--days 14] [--lang ru|en] [--font <file.ttf>] [--accept-new-pepper]\n' +
  '       dnevnik codes --demo-reviewer [--days 14] [--accept-new-pepper]\n';

type TLetterSelect = { kind: 'student' | 'class' | 'teacher'; id: string };

export interface TCodesArgs {
  /** Whom the letters are for, or the store moderators' one reusable demo code (cli/demo-reviewer-code.ts). */
  select: TLetterSelect | { kind: 'demo-reviewer' };
  role: TLinkRole;
  format: 'text' | 'csv' | 'pdf';
  out: string | null;
  days: number;
  locale: TLang;
  font: string | undefined;
  /** The original pepper is lost: record the one in use as this database's. */
  acceptNewPepper: boolean;
}

/** Options → arguments, or an error message. */
export function readCodesArgs(args: string[]): TCodesArgs | string {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      student: { type: 'string' },
      class: { type: 'string' },
      teacher: { type: 'string' },
      role: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      days: { type: 'string' },
      lang: { type: 'string' },
      font: { type: 'string' },
      'accept-new-pepper': { type: 'boolean' },
      'demo-reviewer': { type: 'boolean' },
    },
  });
  if (positionals.length > 0) return `unexpected argument "${positionals[0]}"`;
  const chosen = (['student', 'class', 'teacher', 'demo-reviewer'] as const).filter((k) => values[k] !== undefined);
  if (chosen.length !== 1) return 'give exactly one of --student, --class, --teacher, --demo-reviewer';
  const days = values.days === undefined ? DEFAULT_CODE_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 1 || days > 365)
    return `--days must be a whole number of days (1–365), not "${values.days}"`;
  const kind = chosen[0];
  if (kind === 'demo-reviewer') {
    // One code, printed: no letters, no role to choose (a parent's).
    const letterOnly = (['role', 'format', 'out', 'lang', 'font'] as const).find((k) => values[k] !== undefined);
    if (letterOnly) return `--demo-reviewer prints one code and takes no --${letterOnly}`;
    return {
      select: { kind },
      role: 'guardian',
      format: 'text',
      out: null,
      days,
      locale: 'ru',
      font: undefined,
      acceptNewPepper: Boolean(values['accept-new-pepper']),
    };
  }
  const role = kind === 'teacher' ? 'teacher' : (values.role ?? 'guardian');
  if (role !== 'guardian' && role !== 'student' && role !== 'teacher')
    return `--role must be guardian or student, not "${values.role}"`;
  if (kind !== 'teacher' && role === 'teacher') return 'teacher codes are made with --teacher';
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'csv' && format !== 'pdf')
    return `--format must be text, csv or pdf, not "${format}"`;
  if (format === 'pdf' && !values.out) return '--format pdf needs --out <file.pdf>';
  const locale = values.lang ?? 'ru';
  if (locale !== 'ru' && locale !== 'en') return `--lang must be ru or en, not "${locale}"`;
  return {
    select: { kind, id: values[kind]! },
    role,
    format,
    out: values.out ?? null,
    days,
    locale,
    font: values.font,
    acceptNewPepper: Boolean(values['accept-new-pepper']),
  };
}

interface TTarget extends TCodeTarget {
  grant: TGrant;
  addressee: string;
}

/** The people the codes are for, or an error message when the id is unknown. */
async function resolveTargets(runtime: Runtime, args: TCodesArgs, select: TLetterSelect): Promise<TTarget[] | string> {
  const { prisma } = runtime.db;
  const { kind, id } = select;
  if (kind === 'teacher') {
    const teacher = await prisma.teacher.findUnique({ where: { id } });
    if (!teacher) return unknownIdLine(runtime.stores.roster, 'teacher', id);
    const firstName = [teacher.firstName, teacher.middleName].filter(Boolean).join(' ');
    return [
      {
        role: 'teacher',
        studentId: null,
        teacherId: id,
        grant: { role: 'teacher', studentId: null, teacherId: id, firstName, className: null },
        addressee: `${teacher.lastName} ${firstName}`,
      },
    ];
  }
  const students =
    kind === 'student'
      ? await prisma.student.findMany({ where: { id }, include: { schoolClass: true } })
      : await prisma.student.findMany({
          where: { classId: id },
          include: { schoolClass: true },
          orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }],
        });
  if (students.length === 0) {
    if (kind === 'student') return unknownIdLine(runtime.stores.roster, 'student', id);
    return (await prisma.schoolClass.findUnique({ where: { id } }))
      ? `class "${id}" has no students`
      : unknownIdLine(runtime.stores.roster, 'class', id);
  }
  return students.map((s) => ({
    role: args.role,
    studentId: s.id,
    teacherId: null,
    grant: { role: args.role, studentId: s.id, teacherId: null, firstName: s.firstName, className: s.schoolClass.name },
    addressee: `${s.lastName} ${s.firstName}, ${s.schoolClass.name}`,
  }));
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type TWritable = { write(chunk: string | Uint8Array): unknown };

/**
 * false (and one line) when the pepper in use is not the one the database was set up with: codes
 * hashed with it could never be redeemed. The server's pepper when the server runs this command.
 */
async function pepperAgrees(runtime: Runtime, args: TCodesArgs, err: TWritable): Promise<boolean> {
  const check = createPepperCheck(createDeploymentFactsStore(runtime.db), runtime.linkCodes().pepper);
  const verdict = await check.verify();
  if (verdict.ok) return true;
  if (!args.acceptNewPepper) {
    err.write(`dnevnik codes: ${pepperMismatchText(verdict)} (if it is lost for good: --accept-new-pepper).\n`);
    return false;
  }
  await check.adopt();
  err.write(
    `dnevnik codes: the pepper in use (fingerprint ${verdict.fingerprint}) replaces ${verdict.recorded}; codes printed before can no longer be redeemed.\n`,
  );
  return true;
}

export async function codesCommand(
  runtime: Runtime,
  args: TCodesArgs,
  out: TWritable,
  err: TWritable,
): Promise<number> {
  const { select } = args;
  // No letter: the moderators are given the code with the skill they review.
  if (select.kind === 'demo-reviewer')
    return (await pepperAgrees(runtime, args, err)) ? demoReviewerCode(runtime, args.days, out, err) : 1;
  // Before any code is stored: a letter that names no bot or skill is a code no one can use.
  const channels = letterChannels(runtime.config);
  if (!hasLetterChannel(channels)) {
    err.write(`dnevnik codes: ${NO_LETTER_CHANNEL}\n`);
    return 1;
  }
  if (!(await pepperAgrees(runtime, args, err))) return 1;
  const targets = await resolveTargets(runtime, args, select);
  if (typeof targets === 'string') {
    err.write(`dnevnik codes: ${targets}\n`);
    return 1;
  }
  // Found before any code is stored: a missing font must not leave unprinted codes behind.
  const fontFile = args.format === 'pdf' ? loadPdf().findLetterFont(args.font) : '';
  const { pepper } = runtime.linkCodes();
  const issued = await issueCodes(createLinkingStore(runtime.db), pepper, targets, { days: args.days });
  const zone = runtime.config.TZ_DEFAULT;
  const rows = issued.map(({ target, code, expiresAt }) => ({
    target,
    code,
    telegram: channels.telegram?.(code) ?? null,
    vk: channels.vk?.(code) ?? null,
    max: channels.max?.(code) ?? null,
    expiresAt: DateTime.fromJSDate(expiresAt).setZone(zone),
  }));

  let output: string | Buffer;
  if (args.format === 'pdf') {
    const letters: TCodeLetter[] = rows.map((r) => ({
      grant: r.target.grant,
      addressee: r.target.addressee,
      code: r.code,
      telegramUrl: r.telegram,
      vkUrl: r.vk,
      maxUrl: r.max,
      expires: r.expiresAt.setLocale(args.locale).toFormat('d MMMM yyyy'),
    }));
    output = await loadPdf().renderCodeLettersPdf(letters, {
      locale: args.locale,
      fontFile,
      voice: { alice: channels.alice, alexa: channels.alexa },
    });
  } else if (args.format === 'csv') {
    // New channels go after the existing link columns: spreadsheets and scripts read columns by position.
    const header = ['code', 'role', 'studentId', 'teacherId', 'name', 'telegram', 'vk', 'max', 'expiresAt'];
    const lines = rows.map((r) =>
      [
        formatLinkCode(r.code),
        r.target.role,
        r.target.studentId ?? '',
        r.target.teacherId ?? '',
        r.target.addressee,
        r.telegram ?? '',
        r.vk ?? '',
        r.max ?? '',
        r.expiresAt.toISO() ?? '',
      ]
        .map(csvField)
        .join(','),
    );
    output = `${[header.join(','), ...lines].join('\n')}\n`;
  } else {
    output = rows
      .map((r) =>
        [
          `${r.target.addressee} (${r.target.role})`,
          `  code:     ${formatLinkCode(r.code)}`,
          ...(r.telegram ? [`  telegram: ${r.telegram}`] : []),
          ...(r.vk ? [`  vk:       ${r.vk}`] : []),
          ...(r.max ? [`  max:      ${r.max}`] : []),
          `  expires:  ${r.expiresAt.toISO()}`,
          '',
        ].join('\n'),
      )
      .join('\n');
  }
  if (args.out) {
    fs.writeFileSync(args.out, output, { mode: 0o600 });
    err.write(`dnevnik codes: ${rows.length} code(s) written to ${args.out}\n`);
  } else {
    out.write(output);
  }
  return 0;
}
