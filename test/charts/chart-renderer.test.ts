import { ZodError } from 'zod';
import type { TermChartRenderer } from '../../core/charts';
import { createChartWorkers, createTermChartRenderer } from '../../infra/charts';
import { subjectChart, termChart } from './chart-fixtures';
import { decodePng, inkedPixels } from './decode-png';

// The renderer the server uses: charts checked and worded on the caller's thread, drawn in a worker
// thread (here started from the TypeScript sources, through tsx), PNGs moved back.

let renderer: TermChartRenderer;

beforeAll(() => {
  renderer = createTermChartRenderer();
});

afterAll(async () => {
  await renderer.close();
});

describe('through the worker thread', () => {
  it('draws a subject chart and says what it shows', async () => {
    const out = await renderer.subject(subjectChart(14));
    if (out.kind !== 'image') throw new Error(`expected a picture, got: ${out.caption}`);
    expect(out.caption).toMatch(/^Алгебра, 2-я четверть: 14 оценок, средний балл \d,\d\d$/);
    const png = decodePng(out.png);
    expect([png.width, png.height]).toEqual([out.width, out.height]);
    expect(png.width).toBe(780);
    expect(inkedPixels(png)).toBeGreaterThan(5_000);
  });

  it('draws the grid of 20 subjects × 60 marks, in English too', async () => {
    const out = await renderer.overview(termChart(20, 60, 'en'));
    if (out.kind !== 'image') throw new Error(`expected a picture, got: ${out.caption}`);
    expect(out.caption).toBe('Masha, term 2: 20 subjects, 1200 grades');
    expect(decodePng(out.png).width).toBe(780);
  });

  it('draws several charts asked for at once, each its own', async () => {
    const charts = [3, 9, 27].map((n) => subjectChart(n));
    const outs = await Promise.all(charts.map((c) => renderer.subject(c)));
    expect(outs.map((o) => o.caption.split(': ')[1].split(',')[0])).toEqual(['3 оценки', '9 оценок', '27 оценок']);
    expect(new Set(outs.map((o) => (o.kind === 'image' ? Buffer.from(o.png).toString('base64') : ''))).size).toBe(3);
  });
});

describe('without grades', () => {
  it('answers in words only, for a subject and for the term', async () => {
    await expect(renderer.subject(subjectChart(0))).resolves.toEqual({
      kind: 'empty',
      caption: 'Алгебра, 2-я четверть: оценок пока нет',
    });
    await expect(renderer.overview(termChart(6, 0, 'en'))).resolves.toEqual({
      kind: 'empty',
      caption: 'Masha, term 2: no grades yet',
    });
  });
});

describe('bad input', () => {
  it('is refused by the schema before any drawing', async () => {
    const chart = subjectChart(3);
    await expect(
      renderer.subject({
        ...chart,
        subject: { ...chart.subject, grades: [{ date: '2026-02-30', value: '5', weight: 1 }] },
      }),
    ).rejects.toThrow(ZodError);
    await expect(renderer.subject({ ...chart, period: { ...chart.period, to: '2026-01-01' } })).rejects.toThrow(
      /ends before it starts/,
    );
    await expect(
      renderer.subject({
        ...chart,
        subject: { ...chart.subject, grades: [{ date: '2026-11-10', value: '5', weight: 0 }] },
      }),
    ).rejects.toThrow(ZodError);
    await expect(renderer.overview({ ...termChart(51, 1) })).rejects.toThrow(ZodError);
    await expect(renderer.subject({ ...chart, rounding: { '5': 3.5, '4': 4.5, '3': 2.5 } })).rejects.toThrow(
      /must descend/,
    );
  });
});

describe('the threads', () => {
  it('run the TypeScript worker when the code runs from the sources', () => {
    const workers = createChartWorkers();
    expect(workers.entry).toMatch(/infra\/charts\/chart-worker\.ts$/);
    return workers.close();
  });

  it('stop a thread that overruns its time, failing only its job, and start another for the next', async () => {
    // The largest grid the schema allows takes over a second to draw; the time counts from when a
    // started thread takes the job, so the first ping (which starts the thread) is not the one cut.
    const workers = createChartWorkers({ timeoutMs: 100 });
    try {
      const first = await workers.ping();
      await expect(workers.render({ kind: 'overview', chart: termChart(50, 500) })).rejects.toThrow(
        /not drawn within 100 ms/,
      );
      const second = await workers.ping();
      expect(second).not.toBe(first);
    } finally {
      await workers.close();
    }
  });

  it('answer a ping from one reused thread, and refuse work once closed', async () => {
    const workers = createChartWorkers();
    const id = await workers.ping();
    await workers.render({ kind: 'subject', chart: subjectChart(5) });
    expect(await workers.ping()).toBe(id);
    await workers.close();
    await expect(workers.render({ kind: 'subject', chart: subjectChart(5) })).rejects.toThrow(/closed/);
  });
});
