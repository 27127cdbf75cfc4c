import { Presets, SingleBar } from 'cli-progress';
import type { TProgress } from './command-context';

/**
 * The progress bar on this process's stderr; the same one whether the command runs here or in the
 * running server (cli/remote.ts draws the server's progress lines with it).
 */
export function terminalProgress(label: string, unit: string, total: number): TProgress {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta}s left` },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (value) => bar.update(value), stop: () => bar.stop() };
}
