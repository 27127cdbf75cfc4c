import { parseArgs } from 'node:util';
import { ACCESS_LOG_RETENTION_DAYS } from '../core/access';
import { createAccessLogStore } from '../prisma/stores/access/access-log-store';
import { listDestructionRecords } from '../prisma/stores/access/destruction-records';
import type { TCommandContext } from './command-context';
import { unknownIdLine } from './unknown-id';

// `dnevnik privacy report` — the destruction records of /forget, for an auditor (what kinds of
// data were destroyed and when; no identifiers). `dnevnik privacy access --student <id>` — who
// saw that student's data, through which channel, asking what.

export const PRIVACY_USAGE = `usage: dnevnik privacy report [--days 30]
       dnevnik privacy access --student <id> [--days ${ACCESS_LOG_RETENTION_DAYS}] [--limit 1000]
`;

const DAY_MS = 86_400_000;

function positiveInt(value: string | undefined, fallback: number): number | null {
  if (value === undefined) return fallback;
  return /^\d{1,6}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}

export async function privacyCommand(args: string[], ctx: TCommandContext): Promise<number> {
  const [sub, ...rest] = args;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { student: { type: 'string' }, days: { type: 'string' }, limit: { type: 'string' } },
    });
  } catch (err) {
    ctx.io.err.write(`dnevnik privacy: ${(err as Error).message}\n${PRIVACY_USAGE}`);
    return 1;
  }
  const { values } = parsed;
  const days = positiveInt(values.days, sub === 'access' ? ACCESS_LOG_RETENTION_DAYS : 30);
  const limit = positiveInt(values.limit, 1000);
  if (days === null || limit === null) {
    ctx.io.err.write(`dnevnik privacy: --days and --limit take a positive whole number\n${PRIVACY_USAGE}`);
    return 1;
  }
  const since = new Date(Date.now() - days * DAY_MS);

  if (sub === 'report') {
    return ctx.withRuntime(async (runtime) => {
      const records = await listDestructionRecords(runtime.db, since);
      for (const r of records) {
        const kinds = Object.entries(r.kinds)
          .map(([kind, n]) => `${kind}=${n}`)
          .join(' ');
        ctx.io.out.write(`${r.at.toISOString()}  ${r.channel}  ${kinds}\n`);
      }
      ctx.io.out.write(
        `${records.length} destruction record(s) in the last ${days} day(s): personal data deleted at once on withdrawal of consent\n`,
      );
      return 0;
    });
  }
  if (sub === 'access') {
    if (!values.student) {
      ctx.io.err.write(`dnevnik privacy access: --student is required\n${PRIVACY_USAGE}`);
      return 1;
    }
    return ctx.withRuntime(async (runtime) => {
      const entries = await createAccessLogStore(runtime.db).forStudent(values.student!, since, limit);
      // "0 accesses" for a mistyped id would read as "nobody looked". A student no longer in the
      // roster whose accesses are still kept is shown as any other.
      if (entries.length === 0 && !(await runtime.stores.roster.exists('student', values.student!))) {
        ctx.io.err.write(
          `dnevnik privacy access: ${await unknownIdLine(runtime.stores.roster, 'student', values.student!)}\n`,
        );
        return 1;
      }
      for (const e of entries)
        ctx.io.out.write(
          `${e.at.toISOString()}  viewer=${e.viewerId}  role=${e.viewerRole ?? '-'}  channel=${e.channel}  intent=${e.intent}\n`,
        );
      ctx.io.out.write(
        `${entries.length} access(es) to student ${values.student} in the last ${days} day(s)${entries.length === limit ? ` (first ${limit} shown)` : ''}\n`,
      );
      return 0;
    });
  }
  ctx.io.err.write(PRIVACY_USAGE);
  return 1;
}
