/**
 * The files a script writes (`> /tmp/x`, `tee out.txt`, `>> log`): an in-memory area per run,
 * never the real file system, in either mode. Only temporary files (/tmp, /var/tmp, /dev/shm)
 * and the working folder's are kept there: a write elsewhere (/etc/hosts) would change the
 * machine on a real run, so it is reported, not pretended. `cat /tmp/x` later in the same run reads them
 * back; a file the run did not write is not there (reading one is reported, not guessed).
 * Bounded: a script cannot fill memory through it.
 */
import * as posix from 'node:path/posix';

/** The most a run may keep in its scratch files, all together. */
export const SCRATCH_MAX_BYTES = 16 * 1024 * 1024;
/** The most files a run may create. */
export const SCRATCH_MAX_FILES = 10_000;

/** What a path a script names is, to the shell. */
export type PathClass =
  | { kind: 'null' }
  | { kind: 'stdout' }
  | { kind: 'stderr' }
  | { kind: 'stdin' }
  /** a file of the kernel's (/proc, /sys, /run/netns): the path check decides what it may be */
  | { kind: 'kernel'; path: string }
  /** a device or special file nettwin does not model (/dev/tty, /dev/zero …) */
  | { kind: 'device'; path: string }
  /** a file under /tmp, /var/tmp, /dev/shm or the working folder: the scratch area, under its normalised absolute name */
  | { kind: 'scratch'; path: string }
  /** any other file of the machine (/etc/hosts …): a real run would change the machine, so nettwin does not pretend */
  | { kind: 'outside'; path: string };

/** Where relative paths start: the scratch area's working folder. */
const CWD = '/root';

/**
 * What a path names.
 *
 * @example classifyPath('/dev/null') // { kind: 'null' }
 * @example classifyPath('out.txt') // { kind: 'scratch', path: '/root/out.txt' }
 */
export function classifyPath(p: string): PathClass {
  if (p === '/dev/null') return { kind: 'null' };
  if (p === '/dev/stdout' || p === '/dev/fd/1' || p === '/proc/self/fd/1') return { kind: 'stdout' };
  if (p === '/dev/stderr' || p === '/dev/fd/2' || p === '/proc/self/fd/2') return { kind: 'stderr' };
  if (p === '/dev/stdin' || p === '/dev/fd/0' || p === '/proc/self/fd/0') return { kind: 'stdin' };
  // what a process substitution `<(…)` prints, kept by the shell under the name bash gives it
  if (/^\/dev\/fd\/(?:[3-9]|[1-5]\d|6[0-3])$/.test(p)) return { kind: 'scratch', path: p };
  // the kernel's files keep their spelling: the path check refuses `..` there rather than resolving it
  if (/^\/(proc|sys)(\/|$)/.test(p) || /^\/(var\/)?run\/netns(\/|$)/.test(p)) return { kind: 'kernel', path: p };
  const abs = posix.resolve(CWD, p);
  if (/^\/dev\/shm\/./.test(abs)) return { kind: 'scratch', path: abs };
  if (/^\/(proc|sys|dev)(\/|$)/.test(abs) || /^\/(var\/)?run\/netns(\/|$)/.test(abs)) return abs.startsWith('/dev') ? { kind: 'device', path: p } : { kind: 'kernel', path: p };
  if (!p.startsWith('/') || /^\/(var\/)?tmp\/./.test(abs)) return { kind: 'scratch', path: abs };
  return { kind: 'outside', path: p };
}

/** A file write a program asks for (tee): applied by the shell, which owns the area. */
export interface ScratchWrite {
  path: string;
  text: string;
  append: boolean;
}

/** What a program may read of the area. */
export interface ScratchView {
  read(path: string): string | undefined;
}

/** The scratch area of one run. */
export class Scratch implements ScratchView {
  private readonly files = new Map<string, string>();
  private bytes = 0;

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Writes (or appends to) a file; returns an error text when a bound is hit. */
  write(path: string, text: string, append: boolean): string | null {
    const old = this.files.get(path);
    const next = append && old !== undefined ? old + text : text;
    const grow = next.length - (old?.length ?? 0);
    if (old === undefined && this.files.size >= SCRATCH_MAX_FILES) return `nettwin: scratch file limit (${SCRATCH_MAX_FILES} files) reached`;
    if (this.bytes + grow > SCRATCH_MAX_BYTES) return `nettwin: scratch size limit (${SCRATCH_MAX_BYTES} bytes) reached`;
    this.files.set(path, next);
    this.bytes += grow;
    return null;
  }

  remove(path: string): boolean {
    const old = this.files.get(path);
    if (old === undefined) return false;
    this.bytes -= old.length;
    this.files.delete(path);
    return true;
  }
}
