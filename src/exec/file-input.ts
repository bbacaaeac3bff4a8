/**
 * A rules file the script wrote itself, read by the program that loads it: `nft -f FILE` and
 * `iptables-restore FILE` (ip6tables-restore, the -legacy and -nft names) with FILE in the
 * run's scratch area (`cat > /tmp/fw.nft <<EOF … EOF` first, as tutorials do). Both programs
 * read a file exactly as they read their stdin, so nettwin hands them the file's text on stdin
 * in both modes — no path reaches a program — and puts the file's name back where nft names
 * its input in an error (`/tmp/fw.nft:3:5-7: Error: …` instead of `/dev/stdin:…`). A file the
 * run did not write stays not modelled.
 */
import { classifyPath, type ScratchView } from './scratch.js';

/** The command with its file turned into stdin, and how its stderr names the input. */
export interface FileInput {
  argv: string[];
  stdin: string;
  path: string;
  /** nft's errors name `/dev/stdin` where they would name the file */
  renameStdin: boolean;
}

const RESTORE = /^(?:ip6?tables(?:-legacy|-nft)?-restore)$/;

/**
 * `argv` (the program and its arguments, after any `ip netns exec` wrapper) with a scratch file
 * argument replaced by stdin; null when it has none.
 *
 * @example
 * fileInput(['nft', '-f', '/tmp/fw.nft'], scratch); // { argv: ['nft', '-f', '-'], stdin: '…', path: '/tmp/fw.nft', renameStdin: true }
 */
export function fileInput(argv: readonly string[], files: ScratchView): FileInput | null {
  const [cmd, ...args] = argv;
  const read = (p: string) => {
    const c = classifyPath(p);
    return c.kind === 'scratch' && !c.path.startsWith('/dev/fd/') ? files.read(c.path) : undefined;
  };
  if (cmd === 'nft') {
    for (let i = 0; i < args.length - 1; i++) {
      if (args[i] !== '-f' && args[i] !== '--file') continue;
      const p = args[i + 1]!;
      if (p === '-') return null;
      const text = read(p);
      if (text === undefined) return null;
      const out = [...args];
      out[i + 1] = '-';
      return { argv: [cmd, ...out], stdin: text, path: p, renameStdin: true };
    }
    return null;
  }
  if (cmd !== undefined && RESTORE.test(cmd)) {
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (/^(?:-T|--table|-W|--wait-interval|-M|--modprobe)$/.test(a)) {
        i++;
        continue;
      }
      if (a.startsWith('-')) continue;
      const text = read(a);
      if (text === undefined) return null;
      return { argv: [cmd, ...args.slice(0, i), ...args.slice(i + 1)], stdin: text, path: a, renameStdin: false };
    }
  }
  return null;
}
