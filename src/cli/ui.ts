/**
 * `nettwin ui FILE [--port N]`: the web view of the lab after FILE ran in the simulator, served
 * on 127.0.0.1 behind a random token (src/ui/server.ts). Runs until interrupted.
 */
import type { LoadLabOptions } from '../labfile/load.js';
import { startUiServer } from '../ui/server.js';
import { labViewSource } from './ui-data.js';
import { usageFailure } from './usage.js';

export interface UiOptions extends LoadLabOptions {
  port?: string;
  /** the kernel's view: the lab run on the kernel in a sandbox (ui-real.ts) */
  real?: boolean;
}

/** Exit status: 0 stopped by a signal, 2 bad options (or, thrown, a bad file). */
export async function uiCommand(file: string, opts: UiOptions): Promise<number> {
  let port = 0;
  if (opts.port !== undefined) {
    if (!/^\d{1,5}$/.test(opts.port) || Number(opts.port) > 65535) return usageFailure('ui', `--port: ${JSON.stringify(opts.port)} is not a port number`);
    port = Number(opts.port);
  }
  const src = await labViewSource(file, { allowOutside: opts.allowOutside, real: opts.real });
  const server = await startUiServer(src, { port });
  process.stdout.write(
    `nettwin ui: ${file}${opts.real ? ` as the kernel ran it (Linux ${src.view.real?.kernel})` : ''} at ${server.url}\n(only this URL opens it: it holds the token; Ctrl-C stops the server)\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
