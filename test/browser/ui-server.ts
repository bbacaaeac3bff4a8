/** `nettwin ui FILE` started from the sources for a browser test: its URL, and a stop that waits for it to end. */
import { spawn } from 'node:child_process';
import { ROOT } from './chromium.js';

export const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

export interface RunningUi {
  url: string;
  stop(): Promise<void>;
}

export async function startUi(file: string, ...args: string[]): Promise<RunningUi> {
  const server = spawn(process.execPath, [...CLI, 'ui', file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ended = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    server.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?t=[0-9a-f]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.stderr!.on('data', (d: Buffer) => (err += d));
    server.once('exit', (code) => reject(new Error(`nettwin ui exited ${code}: ${out}${err}`)));
  });
  return {
    url,
    async stop() {
      server.kill('SIGTERM');
      await ended;
    },
  };
}
