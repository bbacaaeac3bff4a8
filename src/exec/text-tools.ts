/**
 * The text tools a script pipes through (`ip link | grep veth`, `awk '{print $2}'`, `cut -d/ -f1`):
 * run by nettwin in-process in both modes (src/programs/text/), never the machine's own, so a
 * pipeline answers alike in the simulator and on the kernel and nothing reaches a real program.
 */
export const TEXT_TOOLS = [
  'grep',
  'egrep',
  'fgrep',
  'awk',
  'cut',
  'head',
  'tail',
  'wc',
  'sort',
  'uniq',
  'tr',
  'sed',
  'tee',
  'seq',
  'printf',
  'echo',
  'cat',
  'true',
  'false',
  'basename',
  'dirname',
  'jq',
  'cmp',
  'comm',
  'diff',
] as const;

export type TextTool = (typeof TEXT_TOOLS)[number];

const NAMES: ReadonlySet<string> = new Set(TEXT_TOOLS);

/** Whether `name` is a text tool nettwin runs itself. */
export function isTextTool(name: string): name is TextTool {
  return NAMES.has(name);
}
