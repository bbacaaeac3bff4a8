/** What a sandbox leaves running is ended when this process exits without closing it. */
import type { ChildProcess } from 'node:child_process';
import type { UmlLaunch } from './sandbox-uml.js';

/** Children still alive, killed if the parent process exits without closing them. */
export const live = new Set<ChildProcess>();
/** UML kernels still running: their process groups and jails are killed at exit. */
export const liveUml = new Set<UmlLaunch>();
let exitHookInstalled = false;

export function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const c of live) {
      try {
        c.kill('SIGKILL'); // bwrap; --die-with-parent then SIGKILLs the agent (PID 1 of the sandbox)
      } catch {
        // already gone
      }
    }
    for (const u of liveUml) u.kill();
  });
}
