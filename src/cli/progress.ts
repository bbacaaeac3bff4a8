/**
 * A progress bar on stderr for long runs, only on a terminal. Uses cli-progress when it is
 * installed (an optional dependency), else draws one line itself.
 */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

interface CliProgressBar {
  start(total: number, value: number): void;
  update(value: number): void;
  setTotal(total: number): void;
  stop(): void;
}

export async function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): Promise<Progress> {
  if (!stream.isTTY || process.env.CI) return NONE;
  try {
    const name = 'cli-progress';
    const mod = (await import(name)) as { default?: { SingleBar: new (o: object, p: object) => CliProgressBar; Presets: { shades_classic: object } } };
    const cp = mod.default!;
    const bar = new cp.SingleBar({ format: `${label} [{bar}] {percentage}% | {value}/{total} pairs | {eta}s`, stream, hideCursor: true }, cp.Presets.shades_classic);
    let started = false;
    return {
      update(done, total) {
        if (!started) {
          bar.start(total, done);
          started = true;
        } else bar.update(done);
      },
      stop() {
        if (started) bar.stop();
      },
    };
  } catch {
    let last = -1;
    return {
      update(done, total) {
        const pct = Math.floor((done / total) * 100);
        if (pct === last) return;
        last = pct;
        const w = 30;
        const fill = Math.round((pct / 100) * w);
        stream.write(`\r${label} [${'#'.repeat(fill)}${'-'.repeat(w - fill)}] ${pct}% ${done}/${total} pairs`);
      },
      stop() {
        if (last >= 0) stream.write('\n');
      },
    };
  }
}
