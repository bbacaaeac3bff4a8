/** A lab file, validated: hosts with NICs and setup scripts, cables, and the run list. */
import type { Ip4 } from '../model/ip.js';

export interface NicSpec {
  name: string;
  /** addresses with prefix length, in order */
  addrs: { addr: Ip4; len: number; text: string }[];
}

export interface ScriptSource {
  /** the file the commands came from (the lab file itself for inline blocks) */
  file: string;
  text: string;
  /** line in `file` of the script's first line (1 for a separate file) */
  firstLine: number;
}

export interface HostSpec {
  name: string;
  nics: NicSpec[];
  setup: ScriptSource | null;
}

export interface Endpoint {
  host: string;
  ifname: string;
}

export interface RunEntry {
  host: string;
  command: string;
  line: number;
}

/**
 * A lab's name (the `name:` key): what a persisted lab is called (`nettwin ls`, `exec`,
 * `destroy`) and what its namespaces' names start with (`nt-<name>-`, within the kernel's 15
 * bytes): 1-6 lower-case letters or digits, a letter first.
 */
export const LAB_NAME = /^[a-z][a-z0-9]{0,5}$/;

export interface LabSpec {
  file: string;
  /** the `name:` key, or null */
  name: string | null;
  profile: string | null;
  /** the `kernel:` key: the kernel profile the lab is for (`uml`: real mode runs it on user-mode Linux), or null/absent */
  kernel?: string | null;
  hosts: HostSpec[];
  /** two endpoints: a cable; three or more: one L2 segment (a switch) */
  links: Endpoint[][];
  run: RunEntry[];
  /** the raw `expect` entries with their lines, for verification */
  expect: { value: unknown; line: number }[];
}

export class LabFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    // line 0: the file as a whole (it cannot be read, or is not a lab file at all)
    super(line > 0 ? `${file}:${line}: ${message}` : `${file}: ${message}`);
  }
}
