/**
 * procps `sysctl`: `sysctl KEY…` reads, `sysctl [-w] KEY=VALUE…` writes (an `=` makes a write
 * even without -w), `-n` prints values only, `-q` prints nothing on writes. Only the IPv4 keys
 * the model holds are supported; keys this kernel lacks get sysctl's "cannot stat"; others are
 * reported unsupported, never guessed.
 */
import { classifySysctl, readSysctl } from '../ops/apply-sysctl.js';
import { apply } from '../ops/apply.js';
import { OpError } from '../ops/errors.js';
import type { CmdContext, CommandResult } from '../iproute2/types.js';

export function runSysctl(ctx: CmdContext, argv: string[]): CommandResult {
  let write = false;
  let valuesOnly = false;
  let quiet = false;
  const items: string[] = [];
  for (const a of argv) {
    if (a === '-w' || a === '--write') write = true;
    else if (a === '-n' || a === '--values') valuesOnly = true;
    else if (a === '-q' || a === '--quiet') quiet = true;
    else if (/^-[wnq]+$/.test(a)) {
      write ||= a.includes('w');
      valuesOnly ||= a.includes('n');
      quiet ||= a.includes('q');
    } else if (a.startsWith('-')) return unsupported(`sysctl option ${a}`);
    else items.push(a);
  }
  // Refuse the whole line up front if any key is outside the model: half-running it would lie.
  // Keys this kernel does not have at all are answered ("cannot stat"), as sysctl does.
  for (const it of items) {
    const key = it.includes('=') ? it.slice(0, it.indexOf('=')) : it;
    if (classifySysctl(key.trim()) === 'unmodelled') return unsupported(`sysctl key ${key}`);
    // proc_dointvec reads a vector; the model keeps one integer per key
    if (it.includes('=') && /\S\s+\S/.test(it.slice(it.indexOf('=') + 1).trim())) return unsupported('sysctl value with several numbers');
  }
  let stdout = '';
  let stderr = '';
  let exit = 0;
  for (const it of items) {
    const eq = it.indexOf('=');
    if (eq < 0 && write) {
      stderr += 'sysctl: command line(0): invalid syntax, continuing...\n';
      exit = 1;
      continue;
    }
    if (eq >= 0) {
      const key = it.slice(0, eq).trim().replace(/\//g, '.');
      const value = it.slice(eq + 1).trim();
      try {
        apply(ctx, { op: 'sysctl.set', key, value });
        if (!quiet) stdout += valuesOnly ? `${value}\n` : `${key} = ${value}\n`;
      } catch (e) {
        if (!(e instanceof OpError)) throw e;
        stderr += e.stderr;
        exit = Math.max(exit, e.exit);
      }
      continue;
    }
    const key = it.replace(/\//g, '.');
    const v = readSysctl(ctx.ns, key);
    if (v === null) {
      stderr += `sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory\n`;
      exit = 1;
      continue;
    }
    stdout += valuesOnly ? `${v}\n` : `${key} = ${v}\n`;
  }
  return { exit, stdout, stderr };
}

function unsupported(what: string): CommandResult {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${what}\n`, unsupported: true };
}
