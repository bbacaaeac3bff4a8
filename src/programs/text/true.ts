/** `true`: nothing, successfully. */
import type { TextIo, TextResult } from './tool.js';

export function trueTool(_argv: string[], _io: TextIo): TextResult {
  return { exit: 0, stdout: '', stderr: '' };
}
