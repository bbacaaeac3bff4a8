/**
 * Colours for human output, only on a terminal: off when NO_COLOR is set (no-color.org), when
 * the output is not a TTY, or when TERM is `dumb`; FORCE_COLOR (other than `0`/`false`) turns
 * them on anyway. Decided here rather than by picocolors' own default, which also turns them
 * on whenever `CI` is set, piped or not.
 *
 * @example
 * const c = colorsFor(process.stdout);
 * process.stdout.write(c.red('failed') + '\n');
 */
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/** Whether text written to `stream` should carry ANSI colours. */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** picocolors' functions, coloured or plain as `useColor` decides for `stream`. */
export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  return pc.createColors(useColor(stream, env));
}
