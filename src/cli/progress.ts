/**
 * A progress bar on stderr for long runs (cli-progress), only on a terminal and never in CI,
 * so piped and JSON output stay clean; it appears only once a run has taken half a second.
 */

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

export async function progressBar(label: string, unit = 'pairs', stream: NodeJS.WriteStream = process.stderr): Promise<Progress> {
  if (!stream.isTTY || process.env.CI) return NONE;
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta}s`, stream, hideCursor: true }, cliProgress.Presets.shades_classic);
  let started = false;
  // a run over within half a second needs no bar
  const t0 = Date.now();
  return {
    update(done, total) {
      if (!started) {
        if (Date.now() - t0 < 500) return;
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
