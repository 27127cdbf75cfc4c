import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { createChartWorkers, createTermChartRenderer } from '../infra/charts';
import { FONT_FAMILY } from '../infra/charts/chart-fonts';
import { rasterise } from '../infra/charts/rasterise';
import { svgDocument } from '../infra/charts/svg';
import { subjectChart, termChart } from '../test/charts/chart-fixtures';
import { fmt, percentile } from './bench-support';

// npm run bench:chart — the term charts as the server draws them: checked and worded on the main
// thread, drawn by resvg in the rendering thread, the PNG moved back; one chart at a time, for one
// subject × 60 grades and for 20 subjects × 60 grades. Next to them, in the same run, two
// baselines: a round trip to the thread that draws nothing, and a blank PNG of the same size drawn
// and encoded by the same resvg (the part of the time that is only pixels).
// Target: p99 under 300 ms for 20 subjects × 60 grades.

const RUNS = Number(process.env.BENCH_CHART_RUNS ?? 100);
const WARM = 5;
const TARGET_MS = 300;

/** Wall-clock percentiles, and the CPU time of the whole process (both threads) per run: on a busy machine the first grows with the load, the second hardly. */
type TStats = { p50: number; p99: number; cpu: number };

async function measure(runs: number, one: () => Promise<unknown> | unknown): Promise<TStats> {
  for (let i = 0; i < WARM; i++) await one();
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await one();
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), cpu: (cpu.user + cpu.system) / 1000 / runs };
}

const ms = (s: TStats, digits = 1) =>
  `p50 ${fmt(s.p50, digits)} ms, p99 ${fmt(s.p99, digits)} ms (CPU ${fmt(s.cpu, digits)} ms)`;

async function main() {
  const renderer = createTermChartRenderer();
  const workers = createChartWorkers();
  try {
    const started = performance.now();
    const first = await renderer.subject(subjectChart(60));
    const coldMs = performance.now() - started;
    await workers.ping();
    const roundTrip = await measure(RUNS * 10, () => workers.ping());

    const lines = [
      `bench:chart — term charts as PNG through the rendering thread (resvg ${require('@resvg/resvg-js/package.json').version}, ${FONT_FAMILY}), ${fmt(RUNS)} runs each, one at a time`,
      `  first chart after start, the thread's start included: ${fmt(coldMs, 0)} ms`,
      `  baseline: round trip to the thread, no drawing:       ${ms(roundTrip, 2)}`,
    ];
    let worst = 0;
    for (const [label, draw] of [
      ['1 subject × 60 grades  ', () => renderer.subject(subjectChart(60))],
      ['20 subjects × 60 grades', () => renderer.overview(termChart(20, 60))],
    ] as const) {
      const sample = await draw();
      if (sample.kind !== 'image') throw new Error(`no picture for ${label}`);
      const chart = await measure(RUNS, draw);
      // The same number of pixels, blank: what resvg spends on the canvas and the PNG alone.
      const blankSvg = svgDocument(sample.width / 2, sample.height / 2, FONT_FAMILY, []);
      const blank = await measure(RUNS, () => rasterise(blankSvg));
      worst = Math.max(worst, chart.p99);
      lines.push(
        `  ${label} (${sample.width}×${sample.height} px, ${fmt(sample.png.length / 1024, 0)} KB): ${ms(chart)}`,
        `    baseline: blank PNG of the same size:  ${ms(blank)};  chart / blank p50 ${fmt(chart.p50 / blank.p50, 2)}×`,
      );
    }
    lines.push(`  p99 ${fmt(worst, 1)} ms: ${worst < TARGET_MS ? 'OK' : 'ABOVE TARGET'} (target < ${TARGET_MS} ms)`);
    const load = os.loadavg()[0];
    lines.push(`  load average during the run: ${fmt(load, 1)} on ${os.availableParallelism()} cores`);
    process.stdout.write(`${lines.join('\n')}\n`);
    if (first.kind !== 'image') throw new Error('the first chart came back without a picture');
  } finally {
    await renderer.close();
    await workers.close();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
