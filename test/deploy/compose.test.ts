import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import {
  execForm,
  interpolate,
  ROOT,
  readCompose,
  readDockerfile,
  SAMPLE_COMPOSE_VARS,
  stageEnv,
  type TComposeService,
} from '../helpers/deploy-files';

// CI has no Docker: compose.yaml is checked against the Compose specification's JSON schema (the
// copy dclint ships) and against what the deployment needs; the Dockerfile is read line by line.
// test/deploy/start-commands.test.ts runs the commands both start.

const compose = readCompose(SAMPLE_COMPOSE_VARS);
const services = compose.services;
const dnevnikServices = Object.entries(services).filter(([, s]) => s.build);
const named = (command: string) => dnevnikServices.filter(([, s]) => s.command?.join(' ') === command);

describe('compose.yaml', () => {
  // The schema is draft-07 but names its meta-schema by an https URL Ajv does not know by that name.
  const schemaFile = path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json');
  const { $schema: _meta, ...schema } = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  test('is valid against the Compose specification', () => {
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('(the schema does refuse what Compose refuses)', () => {
    const broken = structuredClone(compose);
    (broken.services.web1 as Record<string, unknown>).healthcheck = { test: 'x', intervall: '5s' };
    expect(validate(broken)).toBe(false);
  });

  test('refuses to start without the secrets every process must share', () => {
    for (const name of Object.keys(SAMPLE_COMPOSE_VARS)) {
      const vars: Record<string, string> = { ...SAMPLE_COMPOSE_VARS, [name]: '' };
      expect(() => readCompose(vars)).toThrow(`required variable ${name}`);
    }
    expect(interpolate('$${A} ${B:-b} ${C-c}', { C: '' })).toBe('${A} b ');
  });

  test('has PostgreSQL 15, Redis 7, one migrate, two web and two worker processes, all from the Dockerfile', () => {
    expect(services.postgres.image).toBe('postgres:15');
    expect(services.redis.image).toBe('redis:7');
    expect(named('migrate').map(([name]) => name)).toEqual(['migrate']);
    expect(named('serve')).toHaveLength(2);
    expect(named('worker')).toHaveLength(2);
    for (const [name, service] of dnevnikServices) {
      expect([name, path.resolve(ROOT, service.build!.context), service.build!.dockerfile ?? 'Dockerfile']).toEqual([
        name,
        ROOT,
        'Dockerfile',
      ]);
    }
  });

  test('migrate runs once, after PostgreSQL is healthy', () => {
    expect(services.migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    expect(services.migrate.restart).toBe('no');
  });

  test.each([...named('serve'), ...named('worker')])(
    '%s waits for migrate and neither migrates nor registers webhooks',
    (_name, service) => {
      expect(service.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(service.environment).toMatchObject({ MIGRATE_ON_START: 'false', REGISTER_WEBHOOKS: 'false' });
    },
  );

  test('every dnevnik process gets the same database, Redis and shared secrets', () => {
    const shared = (s: TComposeService) => {
      const { MIGRATE_ON_START: _m, REGISTER_WEBHOOKS: _r, ...rest } = s.environment ?? {};
      return rest;
    };
    const first = shared(services.migrate);
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'LINK_CODE_PEPPER', 'JOURNAL_KEY_SEAL_KEY']),
    );
    for (const [, service] of dnevnikServices) expect(shared(service)).toEqual(first);
  });

  test.each(named('serve'))('%s has a health check on /readyz and a port of its own', (_name, service) => {
    expect(service.healthcheck?.test?.join(' ')).toContain('http://127.0.0.1:3000/readyz');
    expect(service.ports).toHaveLength(1);
  });

  test('the web processes publish different host ports', () => {
    const ports = named('serve').map(([, s]) => s.ports![0].split(':').slice(0, -1).join(':'));
    expect(new Set(ports).size).toBe(ports.length);
  });

  test('workers (no HTTP yet) and migrate turn the image health check off', () => {
    for (const [, service] of [...named('worker'), ...named('migrate')])
      expect(service.healthcheck).toEqual({ disable: true });
  });

  test('no dnevnik service runs as root', () => {
    for (const [, service] of dnevnikServices) expect(service.user ?? 'node').not.toMatch(/^(root|0)(:|$)/);
  });
});

describe('Dockerfile', () => {
  const stages = readDockerfile();
  const runtime = stages.at(-1)!;
  const build = stages[0];

  test('builds in one stage and runs on the Node major the project uses, as a non-root user', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.from).toMatch(/^node:22-bookworm-slim$/);
    expect(runtime.instructions.some(([k, v]) => k === 'COPY' && v.startsWith(`--from=${build.name}`))).toBe(true);
    const user = runtime.instructions.filter(([k]) => k === 'USER').at(-1)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(stageEnv(runtime).NODE_ENV).toBe('production');
  });

  test('starts `node bin/dnevnik.js serve` by default, with a health check on /readyz by node itself', () => {
    expect(execForm(runtime, 'ENTRYPOINT')).toEqual(['node', 'bin/dnevnik.js']);
    expect(execForm(runtime, 'CMD')).toEqual(['serve']);
    const healthcheck = runtime.instructions.find(([k]) => k === 'HEALTHCHECK')?.[1] ?? '';
    expect(healthcheck).toContain('/readyz');
    expect(healthcheck).toMatch(/CMD \["node",/);
  });

  test('downloads nothing beyond the npm registry', () => {
    const runs = stages.flatMap((s) => s.instructions.filter(([k]) => k === 'RUN' || k === 'ADD').map(([, v]) => v));
    for (const run of runs) expect(run).not.toMatch(/\b(curl|wget|apt-get|https?:\/\/)/);
    // @prisma/engines' postinstall downloads a schema engine unless this names an existing file.
    const engine = stageEnv(build).PRISMA_SCHEMA_ENGINE_BINARY;
    expect(engine).toBe('/app/scripts/no-schema-engine.sh');
    expect(fs.existsSync(path.join(ROOT, 'scripts', 'no-schema-engine.sh'))).toBe(true);
  });

  test('copies every folder that scripts/build.js compiles', () => {
    const { SOURCES } = require('../../scripts/build.js') as { SOURCES: string[] };
    const copied = build.instructions.filter(([k]) => k === 'COPY').flatMap(([, v]) => v.split(/\s+/).slice(0, -1));
    for (const source of SOURCES) expect(copied).toContain(source);
  });
});
