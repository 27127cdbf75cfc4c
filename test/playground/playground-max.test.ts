import request from 'supertest';
import { MAX_INLINE_LIMITS, MAX_MESSAGE_LIMIT } from '../../bots/max';
import { maxRendering } from '../../webhooks/playground-max';
import { createDemoDatabase } from '../helpers/demo-database';
import { playgroundApp } from '../helpers/playground-app';
import type { TestDatabase } from '../helpers/test-database';

// The playground's MAX rendering: the answer as the MAX bot sends it — HTML kept, cut at MAX's
// 4000 characters, the chat bots' buttons as MAX's inline keyboard — added to the JSON beside the
// other renderings, none of which changes.

type TMaxButton = { type: string; text: string; payload?: string; url?: string };
type TMax = {
  format: string | null;
  parts: string[];
  keyboard: { type: string; payload: { buttons: TMaxButton[][] } } | null;
};

describe('playground: MAX rendering', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createDemoDatabase();
  });
  afterAll(() => db?.destroy());

  const ask = async (personId: string, text: string) =>
    (await request(playgroundApp(db)).post('/playground/ask').send({ personId, text }).expect(200)).body as {
      text: string;
      kind: string;
      buttons: string[];
      speech: string;
      max: TMax;
    };

  it("sends a diary answer's HTML as it is, with the section menu as an inline keyboard within MAX's limits", async () => {
    const body = await ask('demo-guardian-1', 'оценки сегодня');
    // The other renderings are all still there.
    expect(body).toEqual(expect.objectContaining({ text: expect.any(String), speech: expect.any(String) }));
    expect(body.max.format).toBe('html');
    expect(body.max.parts).toEqual([body.text]);
    const rows = body.max.keyboard!.payload.buttons;
    expect(body.max.keyboard!.type).toBe('inline_keyboard');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.rows);
    for (const row of rows) {
      expect(row.length).toBeLessThanOrEqual(MAX_INLINE_LIMITS.perRow);
      for (const b of row)
        expect(b).toEqual({ type: 'callback', text: expect.any(String), payload: expect.any(String) });
    }
  });

  it('puts the choices of a question back on buttons, one row, their labels as the page shows them', async () => {
    // Asked first in this chat, so it continues nothing: grades or homework?
    const body = await ask('demo-guardian-2', 'а по физике?');
    expect(body.kind).toBe('clarify');
    expect(body.max.keyboard!.payload.buttons).toHaveLength(1);
    expect(body.max.keyboard!.payload.buttons[0].map((b) => b.text)).toEqual(body.buttons);
  });

  it('says an unreadable text as plain text, without buttons', async () => {
    const body = await ask('demo-guardian-1', 'оценки\u0000');
    expect(body.kind).toBe('not-read');
    expect(body.max).toEqual({ format: null, parts: [body.speech], keyboard: null });
  });

  it("cuts a long text into MAX's messages, nothing lost, each within the limit", () => {
    const line = `<b>Математика</b>: 5, 4, 5 — ${'работа на уроке '.repeat(4)}\n`;
    const text = line.repeat(Math.ceil((2.5 * MAX_MESSAGE_LIMIT) / line.length));
    const max = maxRendering(text, true, 'ru');
    expect(max.parts.length).toBe(3);
    for (const part of max.parts) expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE_LIMIT);
    expect(max.parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});
