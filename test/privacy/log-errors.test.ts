import { createLogger } from '../../infra/logger';
import { memoryLog } from '../helpers/memory-log';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

// An error is logged as its name, message and code. What the failed operation held — a statement
// and its parameters (a batch of names and grade comments), PostgreSQL's detail with the key's
// value, Prisma's meta and the call's arguments, a cause, a stack — stays out of the log.

const SCHOOL_ID = 'privacy-school-7c1e';
const NAME = 'Гимназия имени Маши Петровой';
const COMMENT = 'не сдала контрольную, поговорить с мамой';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('pglite');
  await db.sql.query(`insert into "School" (id, name, "updatedAt") values ($1, $2, now())`, [SCHOOL_ID, NAME]);
});
afterAll(() => db?.destroy());

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (err) {
    return err;
  }
  throw new Error('expected the database to refuse');
}

/** The error logged the way the app logs one, and the log's text and record. */
function logged(err: unknown, withMessage = true) {
  const log = memoryLog();
  const logger = createLogger('info', log.sink).child({ channel: 'test' });
  if (withMessage) logger.error({ err }, 'request failed');
  else logger.error(err as Error);
  const [record] = log.records();
  return { text: log.text(), record, err: record.err as Record<string, unknown> };
}

function expectNoData(text: string) {
  for (const data of [
    SCHOOL_ID,
    NAME,
    'Маши Петровой',
    COMMENT,
    'Key (',
    'already exists',
    'Failing row',
    '"stack"',
    '"params"',
    '"query"',
    '"detail"',
    '"where"',
    '"meta"',
    '"cause"',
    'jsonb_to_recordset',
    'insert into',
  ]) {
    expect(text).not.toContain(data);
  }
}

describe('errors in the log: name, message and code only', () => {
  it('a unique violation of a batch insert on PGlite: no parameters, no detail', async () => {
    const batch = JSON.stringify([
      { id: 'privacy-school-other', name: 'Школа № 5', comment: COMMENT },
      { id: SCHOOL_ID, name: NAME, comment: COMMENT },
    ]);
    const err = await failure(() =>
      db.sql.transaction((query) =>
        query(
          `insert into "School" (id, name, "updatedAt") select id, name, now() from jsonb_to_recordset($1::jsonb) as x(id text, name text, comment text)`,
          [batch],
        ),
      ),
    );
    // What the database hands over: the statement, its parameters and the key's value.
    expect(err).toMatchObject({ code: '23505', detail: expect.stringContaining(SCHOOL_ID) });
    const { text, err: shown } = logged(err);
    expect(shown).toEqual({
      name: expect.any(String),
      message: 'duplicate key value violates unique constraint "School_pkey"',
      code: '23505',
    });
    expectNoData(text);
  });

  it('a refused value quoted in the message itself (a data exception) is cut out', async () => {
    const err = await failure(() => db.sql.query('select $1::uuid', [NAME]));
    expect((err as Error).message).toContain(NAME);
    const { text, err: shown } = logged(err);
    expect(shown).toEqual({
      name: expect.any(String),
      message: 'invalid input syntax for type uuid: "…"',
      code: '22P02',
    });
    expectNoData(text);
  });

  it('Prisma: no meta, and not the call with its arguments', async () => {
    const duplicate = await failure(() => db.prisma.school.create({ data: { id: SCHOOL_ID, name: NAME } }));
    const shown = logged(duplicate);
    expect(shown.err).toEqual({
      name: 'PrismaClientKnownRequestError',
      message: 'Unique constraint failed on the fields: (`id`)',
      code: 'P2002',
    });
    expectNoData(shown.text);

    const invalid = await failure(() =>
      db.prisma.school.create({ data: { id: SCHOOL_ID, name: 42, timezone: COMMENT } as never }),
    );
    expect((invalid as Error).message).toContain(COMMENT);
    const rejected = logged(invalid);
    expect(rejected.err).toMatchObject({
      name: 'PrismaClientValidationError',
      message: expect.stringMatching(/^Argument `name`/),
    });
    expectNoData(rejected.text);
  });

  it('a wrapped error loses its cause; a line without a message of its own gets the reduced one', async () => {
    const err = await failure(() => db.sql.query('select $1::uuid', [COMMENT]));
    const wrapped = new Error('ingest batch failed', { cause: err });
    expect(logged(wrapped).err).toEqual({ name: 'Error', message: 'ingest batch failed' });
    const bare = logged(err, false);
    expect(bare.record.msg).toBe('invalid input syntax for type uuid: "…"');
    expectNoData(bare.text);
  });

  it('JSON.parse quotes what it read: cut out', () => {
    const err = (() => {
      try {
        return JSON.parse(`${NAME} ${COMMENT}`) as never;
      } catch (e) {
        return e;
      }
    })();
    expect((err as Error).message).toContain('"Гимназия');
    const { text, err: shown } = logged(err);
    expect(shown).toMatchObject({ name: 'SyntaxError', message: expect.stringContaining('"…"') });
    expect(text).not.toContain('Гимназия');
  });
});
