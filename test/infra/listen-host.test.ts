import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../infra/config';
import { createLogger } from '../../infra/logger';
import { openRuntime, serve } from '../../main';
import { memoryLog } from '../helpers/memory-log';
import { createTestDatabase } from '../helpers/test-database';

// Safer defaults at start: with DEMO on (the playground lets anyone ask as any demo person) the
// server listens on loopback unless HOST says otherwise; ALEXA_VERIFY_SIGNATURE=false is warned
// about in one line.

async function started(env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dnevnik-listen-'));
  const log = memoryLog();
  const config = parseConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    LINK_CODE_PEPPER: randomBytes(32).toString('hex'),
    ...env,
  });
  const runtime = await openRuntime(config, {
    db: await createTestDatabase('pglite'),
    logger: createLogger('info', log.sink),
    skipDemo: true,
  });
  const server = await serve(runtime);
  const address = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  await runtime.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    address: address.address,
    warnings: log
      .records()
      .filter((r) => r.level === 40)
      .map((r) => String(r.msg)),
  };
}

describe('where the server listens', () => {
  test('HOST is a host name or an address', () => {
    expect(parseConfig({}).HOST).toBeUndefined();
    expect(parseConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(parseConfig({ HOST: '[::1]' }).HOST).toBe('::1');
    expect(parseConfig({ HOST: 'dnevnik.internal' }).HOST).toBe('dnevnik.internal');
    expect(() => parseConfig({ HOST: 'http://0.0.0.0' })).toThrow(
      /^Invalid configuration: HOST must be a host name or an IP address/,
    );
    expect(() => parseConfig({ HOST: 'a b' })).toThrow(/HOST/);
  });

  test('with DEMO on: loopback only, unless HOST is set', async () => {
    expect((await started({ DEMO: 'true' })).address).toBe('127.0.0.1');
    expect((await started({ DEMO: 'true', HOST: '0.0.0.0' })).address).toBe('0.0.0.0');
  });

  test('with DEMO off: every interface, as before', async () => {
    expect(['::', '0.0.0.0']).toContain((await started({ DEMO: 'false' })).address);
  });
});

describe('settings for a developer’s machine are said at start', () => {
  test('ALEXA_VERIFY_SIGNATURE=false: one warning line', async () => {
    const off = await started({ DEMO: 'true', ALEXA_VERIFY_SIGNATURE: 'false' });
    expect(off.warnings.filter((w) => w.includes('ALEXA_VERIFY_SIGNATURE'))).toHaveLength(1);
    const on = await started({ DEMO: 'true' });
    expect(on.warnings.filter((w) => w.includes('ALEXA_VERIFY_SIGNATURE'))).toEqual([]);
  });
});
