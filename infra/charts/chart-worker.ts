import { parentPort, threadId } from 'node:worker_threads';
import { renderChart, type TChartJob } from './render-chart';

// A rendering thread (started by chart-workers.ts): says it is ready once its modules are loaded,
// then draws one job at a time and posts the PNG back, its bytes moved rather than copied. A job
// that throws is answered with the error's text; the thread goes on with the next.

/** A job of null is a ping: a round trip that draws nothing. */
export type TWorkerRequest = { id: number; job: TChartJob | null };
export type TWorkerReply =
  | { ready: true }
  | { id: number; png: Uint8Array; width: number; height: number }
  | { id: number; pong: number }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('chart-worker.ts runs only as a worker thread');

port.on('message', ({ id, job }: TWorkerRequest) => {
  if (job === null) {
    port.postMessage({ id, pong: threadId } satisfies TWorkerReply);
    return;
  }
  try {
    const { png, width, height } = renderChart(job);
    // resvg's buffer lives outside the JavaScript heap and cannot be moved; a copy of it can.
    const bytes = new Uint8Array(png);
    port.postMessage({ id, png: bytes, width, height } satisfies TWorkerReply, [bytes.buffer]);
  } catch (err) {
    port.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies TWorkerReply);
  }
});
port.postMessage({ ready: true } satisfies TWorkerReply);
