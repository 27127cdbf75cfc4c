import { parseArgs } from 'node:util';
import type { TCommandContext } from './command-context';

// `dnevnik journal-keys` — schools' own keys for the journal API. A key writes one school only;
// its secret is printed once, at creation, and is kept sealed in the database.

export const JOURNAL_KEYS_USAGE = `usage: dnevnik journal-keys create --school <id> [--format text|json]
       dnevnik journal-keys list [--format text|json]
       dnevnik journal-keys revoke <keyId>
       dnevnik journal-keys reseal        (after a rotation of JOURNAL_KEY_SEAL_KEY)
`;

export async function journalKeysCommand(args: string[], ctx: TCommandContext): Promise<number> {
  const [sub, ...rest] = args;
  const fail = (message: string) => {
    ctx.io.err.write(`dnevnik journal-keys: ${message}\n${JOURNAL_KEYS_USAGE}`);
    return 1;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { school: { type: 'string' }, format: { type: 'string' } },
    });
  } catch (err) {
    return fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(`--format must be text or json, not "${format}"`);
  const out = (line: string) => ctx.io.out.write(`${line}\n`);

  switch (sub) {
    case 'create':
      if (positionals.length > 0) return fail(`unexpected argument "${positionals[0]}"`);
      if (values.school === undefined) return fail('--school <id> is required');
      return ctx.withRuntime(async (runtime) => {
        const key = await runtime.journalKeys.create(values.school!);
        if (format === 'json') out(JSON.stringify({ keyId: key.keyId, secret: key.secret, schoolId: key.schoolId }));
        else {
          out(`key id:  ${key.keyId}`);
          out(`school:  ${key.schoolId}`);
          out(`secret:  ${key.secret}`);
          ctx.io.err.write(
            'The secret is shown only now. The school system names the key in X-Dnevnik-Key-Id and signs each request\n' +
              'with the secret (X-Dnevnik-Signature: sha256=HMAC-SHA256 over "<timestamp>.<body>"); its ids are its own.\n',
          );
        }
        return 0;
      });
    case 'list':
      if (positionals.length > 0 || values.school !== undefined) return fail('list takes only --format');
      return ctx.withRuntime(async (runtime) => {
        const keys = await runtime.journalKeys.list();
        const rows = keys.map((k) => ({
          keyId: k.keyId,
          schoolId: k.schoolId,
          createdAt: k.createdAt.toISOString(),
          revokedAt: k.revokedAt?.toISOString() ?? null,
        }));
        if (format === 'json') out(JSON.stringify(rows));
        else {
          for (const r of rows)
            out(
              `${r.keyId}  school=${r.schoolId}  created=${r.createdAt}  ${r.revokedAt ? `revoked=${r.revokedAt}` : 'live'}`,
            );
          out(`${rows.length} key(s), ${rows.filter((r) => !r.revokedAt).length} live`);
        }
        return 0;
      });
    case 'revoke':
      if (positionals.length !== 1 || values.school !== undefined) return fail('revoke takes one key id');
      return ctx.withRuntime(async (runtime) => {
        await runtime.journalKeys.revoke(positionals[0]);
        out(`revoked ${positionals[0]}: its requests are refused from now on`);
        return 0;
      });
    case 'reseal':
      if (positionals.length > 0 || values.school !== undefined) return fail('reseal takes no arguments');
      return ctx.withRuntime(async (runtime) => {
        const { resealed, unopenable } = await runtime.journalKeys.reseal();
        out(`${resealed} key secret(s) sealed anew under the current JOURNAL_KEY_SEAL_KEY`);
        if (unopenable.length > 0) {
          ctx.io.err.write(
            `${unopenable.length} key(s) sealed under a key this process lacks (set JOURNAL_KEY_SEAL_KEY_PREVIOUS): ${unopenable.join(', ')}\n`,
          );
          return 1;
        }
        return 0;
      });
    default:
      return fail(sub ? `unknown subcommand "${sub}"` : 'a subcommand is required');
  }
}
