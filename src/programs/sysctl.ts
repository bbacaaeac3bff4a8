/**
 * procps `sysctl`: `sysctl KEY…` reads, `sysctl [-w] KEY=VALUE…` writes (an `=` makes a write
 * even without -w), `-n` prints values only, `-q` prints nothing on writes. Only the IPv4 keys
 * the model holds are supported; keys this kernel lacks get sysctl's "cannot stat"; others are
 * reported unsupported, never guessed. Messages are procps-ng 4.0.2's.
 */
import { classifySysctl, readSysctl } from '../ops/apply-sysctl.js';
import { readStableSecret, stableSecretScope } from '../ops/apply-sysctl6.js';
import { sysctlDisplayName, sysctlKeyPath, sysctlSegments } from '../model/kernel-path.js';
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
  // sysctl.c: no argument at all prints the usage; options alone, "no variables specified"
  if (argv.length === 0) return { exit: 1, stdout: '', stderr: USAGE };
  if (items.length === 0) return { exit: 1, stdout: '', stderr: "sysctl: no variables specified\nTry `sysctl --help' for more information.\n" };
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
    const given = (eq >= 0 ? it.slice(0, eq) : it).trim();
    // the key goes on in slash form, which keeps a dotted interface name (eth0.100) whole
    const key = sysctlSegments(given)?.join('/') ?? given;
    const name = sysctlDisplayName(given);
    if (eq >= 0) {
      const value = it.slice(eq + 1).trim();
      try {
        apply(ctx, { op: 'sysctl.set', key, value });
        if (!quiet) stdout += valuesOnly ? `${value}\n` : `${name} = ${value}\n`;
      } catch (e) {
        if (!(e instanceof OpError)) throw e;
        stderr += e.stderr;
        exit = Math.max(exit, e.exit);
      }
      continue;
    }
    const scope = stableSecretScope(key);
    const secret = scope === null ? null : readStableSecret(ctx.ns, scope);
    // the kernel's draw cannot be known: the line is not predicted
    if (secret === 'random') return unsupported(`sysctl ${key} (a secret addr_gen_mode 3 drew at random)`);
    // no secret yet: the read fails with EIO, which procps passes over in silence (exit 1)
    if (secret === 'EIO') {
      exit = 1;
      continue;
    }
    const v = secret ? secret.text : scope === null ? readSysctl(ctx.ns, key) : null;
    if (v === null) {
      stderr += `sysctl: cannot stat ${sysctlKeyPath(given)}: No such file or directory\n`;
      exit = 1;
      continue;
    }
    stdout += valuesOnly ? `${v}\n` : `${name} = ${v}\n`;
  }
  return { exit, stdout, stderr };
}

function unsupported(what: string): CommandResult {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${what}\n`, unsupported: true };
}

/** `sysctl` with no argument: procps's usage, on stderr. */
const USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;
