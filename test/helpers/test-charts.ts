import type { TermChartRenderer } from '../../core/charts';
import { createTermChartRenderer } from '../../infra/charts';

// One renderer per test file (jest gives each file its own modules), as main.ts has one per
// process. Its thread starts only when a test draws a chart and, idle, does not hold jest; a suite
// that draws closes it in afterAll.

let shared: TermChartRenderer | null = null;

export function testCharts(): TermChartRenderer {
  shared ??= createTermChartRenderer();
  return shared;
}

export async function closeTestCharts(): Promise<void> {
  await shared?.close();
  shared = null;
}
