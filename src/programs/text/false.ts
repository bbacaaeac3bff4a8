/** `false`: nothing, unsuccessfully. */
import type { TextIo, TextResult } from './tool.js';

export function falseTool(_argv: string[], _io: TextIo): TextResult {
  return { exit: 1, stdout: '', stderr: '' };
}
