import { PassThrough } from 'node:stream';
import { parseConfig } from '../../infra/config';
import { prettyLogs } from '../../infra/log-format';
import { createLogger } from '../../infra/logger';

// Pretty lines for a person at a terminal, JSON for everything else (CI, containers, files), and
// the privacy rules of infra/logger.ts either way.

describe('LOG_FORMAT', () => {
  it('auto is pretty only on a terminal; json and pretty decide alone', () => {
    expect(prettyLogs('auto', true)).toBe(true);
    expect(prettyLogs('auto', false)).toBe(false);
    expect(prettyLogs('json', true)).toBe(false);
    expect(prettyLogs('json', false)).toBe(false);
    expect(prettyLogs('pretty', false)).toBe(true);
  });

  it('is auto by default and refuses other values', () => {
    expect(parseConfig({}).LOG_FORMAT).toBe('auto');
    expect(parseConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => parseConfig({ LOG_FORMAT: 'xml' })).toThrow('LOG_FORMAT');
  });

  it('pretty lines keep the redaction', async () => {
    const out = new PassThrough();
    let text = '';
    out.setEncoding('utf8').on('data', (d: string) => (text += d));
    const logger = createLogger('info', out, { format: 'pretty' });
    logger.info({ link: { token: 'secret-token-value' }, requestId: 'r-1' }, 'linked');
    await new Promise((r) => setTimeout(r, 50));
    expect(text).toContain('linked');
    expect(text).toContain('r-1');
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('secret-token-value');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('JSON lines by default', async () => {
    const out = new PassThrough();
    let text = '';
    out.setEncoding('utf8').on('data', (d: string) => (text += d));
    createLogger('info', out).info({ link: { token: 'secret-token-value' } }, 'linked');
    await new Promise((r) => setTimeout(r, 50));
    expect(JSON.parse(text)).toMatchObject({ msg: 'linked', link: { token: '[redacted]' } });
  });
});
