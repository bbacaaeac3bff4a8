/**
 * Where nettwin writes what a user asked for (`gen --out`, `run --pcap`, `verify --junit`, a
 * `--persist` state file): checked before anything is made. Paths under /proc, /sys and /dev
 * are refused (a root process writing there changes the kernel or a device, and Node 20's
 * recursive mkdir never returns under /proc), folders are made one level at a time, and a
 * file is opened without blocking and written only when it is a regular file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * An output path refused before anything was written.
 *
 * @example
 * try { makeOutputDir('/proc/nope'); } catch (e) { (e as OutputRefused).message; } // '/proc/nope: under /proc, …'
 */
export class OutputRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** The kernel's own trees: nothing of nettwin's belongs there. */
const KERNEL_TREES = ['/proc', '/sys', '/dev'];

function kernelTree(abs: string): string | null {
  return KERNEL_TREES.find((t) => abs === t || abs.startsWith(`${t}/`)) ?? null;
}

/**
 * The real path `p` would have: the real path of its deepest existing ancestor (symbolic links
 * resolved) with the missing rest appended. Also returns that ancestor.
 */
function realTarget(p: string): { real: string; existing: string; missing: string[] } {
  const missing: string[] = [];
  let cur = path.resolve(p);
  for (;;) {
    try {
      const existing = fs.realpathSync(cur);
      return { real: path.join(existing, ...missing), existing, missing };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // ENOTDIR: a file where a folder should be, found when its parent is reached
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new OutputRefused(p, `cannot use it (${code ?? 'error'})`);
      const parent = path.dirname(cur);
      if (parent === cur) throw new OutputRefused(p, 'no part of the path exists');
      missing.unshift(path.basename(cur));
      cur = parent;
    }
  }
}

/**
 * Why nettwin must not write to `p` (a folder or a file to make), or null: under /proc, /sys
 * or /dev (after symbolic links), or an existing ancestor that is not a folder.
 *
 * @example outputPathProblem('/proc/nope') // 'under /proc, which belongs to the kernel: choose another place'
 */
export function outputPathProblem(p: string): string | null {
  if (p === '') return 'an empty path';
  const lexical = kernelTree(path.resolve(p));
  if (lexical) return `under ${lexical}, which belongs to the kernel: choose another place`;
  let t: ReturnType<typeof realTarget>;
  try {
    t = realTarget(p);
  } catch (e) {
    return e instanceof OutputRefused ? e.reason : String(e);
  }
  const tree = kernelTree(t.real);
  if (tree) return `under ${tree} (through a symbolic link), which belongs to the kernel: choose another place`;
  if (t.missing.length > 0 && !fs.statSync(t.existing).isDirectory()) return `${t.existing} is not a directory`;
  return null;
}

/**
 * Makes the folder `dir` (and its missing parents, one level at a time) after checking it with
 * outputPathProblem; throws OutputRefused when it cannot. An existing folder is fine.
 *
 * @example makeOutputDir('labs/batch1');
 */
export function makeOutputDir(dir: string, mode = 0o777): void {
  const problem = outputPathProblem(dir);
  if (problem) throw new OutputRefused(dir, problem);
  const t = realTarget(dir);
  let cur = t.existing;
  for (const part of t.missing) {
    cur = path.join(cur, part);
    try {
      fs.mkdirSync(cur, { mode });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new OutputRefused(dir, `cannot make ${cur} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (!fs.statSync(t.real).isDirectory()) throw new OutputRefused(dir, 'not a directory');
}

/**
 * Writes `data` to the file `file` (its folder must exist): refused under /proc, /sys, /dev,
 * and when `file` exists as anything but a regular file (a FIFO would block the write, a
 * device would take it). Opened without blocking and checked again through the descriptor.
 *
 * @example writeOutputFile('verify.xml', xml);
 */
export function writeOutputFile(file: string, data: string | Uint8Array, mode = 0o666): void {
  const problem = outputPathProblem(file);
  if (problem) throw new OutputRefused(file, problem);
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY, mode);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // ENXIO: a FIFO nobody reads
    throw new OutputRefused(file, code === 'ENXIO' ? 'a FIFO (named pipe), not a regular file' : code === 'EISDIR' ? 'a directory, not a file' : `cannot write it (${code ?? 'error'})`);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new OutputRefused(file, 'not a regular file');
    fs.ftruncateSync(fd, 0);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let off = 0;
    while (off < bytes.length) off += fs.writeSync(fd, bytes, off, bytes.length - off);
  } finally {
    fs.closeSync(fd);
  }
}
