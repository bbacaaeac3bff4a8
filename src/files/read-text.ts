/**
 * Reading a text file a user named (a script, a lab file, a setup script, a state file) so that
 * no input can hang the process or make it read without end: the file is looked at before it
 * is opened (a FIFO blocks `open`, `/dev/zero` never ends), opened without blocking and looked
 * at again through the descriptor (in case it was swapped meanwhile), and read up to a limit.
 * What it refuses it names, never quoting the file's content.
 */
import * as fs from 'node:fs';

/** The largest script or lab file read: 8 MiB holds a 100 000-line script with room to spare. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** The longest line: a script or lab file line past 64 KiB is not something a person wrote. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * A file refused before or while reading it; `reason` says why without quoting its content.
 *
 * @example
 * try { readTextFile('/dev/zero'); } catch (e) { (e as FileRefused).reason; } // 'a character device, not a regular file'
 */
export class FileRefused extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** statfs magic numbers of the kernel's pseudo file systems, whose files are not scripts. */
const PSEUDO_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x62656570, 'configfs'],
  [0xcafe4a11, 'bpf'],
  [0xde5e81e4, 'efivarfs'],
]);

/** Why a file of this kind cannot be read as text, or null for a regular file. */
function kindProblem(st: fs.Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a directory, not a file';
  if (st.isFIFO()) return 'a FIFO (named pipe), not a regular file';
  if (st.isCharacterDevice()) return 'a character device, not a regular file';
  if (st.isBlockDevice()) return 'a block device, not a regular file';
  if (st.isSocket()) return 'a socket, not a regular file';
  return 'not a regular file';
}

const MIB = 1024 * 1024;
const size = (n: number) => (n % MIB === 0 ? `${n / MIB} MiB` : `${n} bytes`);

/** The message for a failed stat or open, in plain words. */
function errnoReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return code ? `cannot read it (${code})` : 'cannot read it';
  }
}

export interface ReadTextOptions {
  /** the largest file accepted (default MAX_TEXT_BYTES) */
  maxBytes?: number;
  /** the longest line accepted (default MAX_LINE_BYTES) */
  maxLineBytes?: number;
}

/**
 * The content of a regular UTF-8 text file, or a FileRefused naming why not: a missing file, a
 * directory, FIFO, device or socket (refused before it is opened), a file of /proc, /sys and
 * the like, a file larger than `maxBytes`, a line longer than `maxLineBytes`, NUL bytes or
 * invalid UTF-8 (a binary file). Never blocks and never reads more than `maxBytes + 1` bytes.
 *
 * @example
 * readTextFile('examples/seed/node1.sh').split('\n').length; // the script's lines
 */
export function readTextFile(path: string, opts: ReadTextOptions = {}): string {
  const maxBytes = opts.maxBytes ?? MAX_TEXT_BYTES;
  const maxLine = opts.maxLineBytes ?? MAX_LINE_BYTES;
  const refuse = (reason: string): never => {
    throw new FileRefused(path, reason);
  };
  let st: fs.Stats;
  try {
    st = fs.statSync(path);
  } catch (e) {
    return refuse(errnoReason(e));
  }
  const problem = kindProblem(st);
  if (problem) refuse(problem);
  if (st.size > maxBytes) refuse(`larger than ${size(maxBytes)} (${st.size} bytes)`);
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY);
  } catch (e) {
    return refuse(errnoReason(e));
  }
  let buf: Buffer;
  try {
    // the file may have been swapped for another between stat and open: look again
    const now = fs.fstatSync(fd);
    const again = kindProblem(now);
    if (again) refuse(again);
    if (now.size > maxBytes) refuse(`larger than ${size(maxBytes)} (${now.size} bytes)`);
    const fsType = pseudoFs(path);
    if (fsType) refuse(`a file of the kernel's ${fsType} file system, not a script`);
    buf = Buffer.alloc(Math.min(maxBytes + 1, Math.max(now.size + 1, 64 * 1024)));
    let len = 0;
    for (;;) {
      if (len === buf.length) {
        if (len > maxBytes) break;
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      let n: number;
      try {
        n = fs.readSync(fd, buf, len, buf.length - len, null);
      } catch (e) {
        return refuse(errnoReason(e));
      }
      if (n === 0) break;
      len += n;
    }
    if (len > maxBytes) refuse(`larger than ${size(maxBytes)}`);
    buf = buf.subarray(0, len);
  } finally {
    fs.closeSync(fd);
  }
  return decodeText(buf, path, maxLine);
}

/** The pseudo file system `path` lives on, or null. */
function pseudoFs(path: string): string | null {
  try {
    return PSEUDO_FS.get(Number(fs.statfsSync(path).type)) ?? null;
  } catch {
    return null;
  }
}

/** Checks the bytes are text (no NUL, valid UTF-8, lines of at most `maxLine` bytes) and decodes them. */
function decodeText(buf: Buffer, path: string, maxLine: number): string {
  if (buf.includes(0)) throw new FileRefused(path, 'a binary file (it contains NUL bytes), not text');
  let start = 0;
  let line = 1;
  for (;;) {
    const nl = buf.indexOf(10, start);
    const end = nl < 0 ? buf.length : nl;
    if (end - start > maxLine) throw new FileRefused(path, `line ${line} is longer than ${maxLine} bytes`);
    if (nl < 0) break;
    start = nl + 1;
    line++;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new FileRefused(path, 'not UTF-8 text (a binary file?)');
  }
}
