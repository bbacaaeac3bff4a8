/** A lab file, validated: hosts with NICs and setup scripts, cables, and the run list. */
import type { Ip4 } from '../model/ip.js';

/**
 * A host's network card as the lab file declares it (`nics: { eth0: 10.0.0.1/24 }`).
 *
 * @example loadLabFile('examples/seed/lab.yaml').hosts[0].nics[0].name // 'enp2s0'
 */
export interface NicSpec {
  name: string;
  /** addresses with prefix length, in order */
  addrs: { addr: Ip4; len: number; text: string }[];
}

/**
 * A script and where it came from: a setup file, or an inline `setup: |` block of the lab file.
 *
 * @example loadLabFile('examples/seed/lab.yaml').hosts[0].setup?.file // 'examples/seed/node1.sh'
 */
export interface ScriptSource {
  /** the file the commands came from (the lab file itself for inline blocks) */
  file: string;
  text: string;
  /** line in `file` of the script's first line (1 for a separate file) */
  firstLine: number;
}

/**
 * One host of a lab file: its NICs and its setup script.
 *
 * @example loadLabFile('examples/seed/lab.yaml').hosts.map((h) => h.name) // ['node1', 'node2']
 */
export interface HostSpec {
  name: string;
  nics: NicSpec[];
  setup: ScriptSource | null;
}

/**
 * One end of a link, `host:nic`.
 *
 * @example loadLabFile('examples/seed/lab.yaml').links[0][0] // { host: 'node1', ifname: 'enp2s0' }
 */
export interface Endpoint {
  host: string;
  ifname: string;
}

/**
 * One `host: command` entry of a lab file's `run` list, with its line.
 *
 * @example loadLabFile('examples/seed/lab.yaml').run[0].host // 'node1'
 */
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

/**
 * A lab file, read and checked (loadLabFile): hosts, links, the run list, the intents.
 *
 * @example
 * const spec: LabSpec = loadLabFile('examples/seed/verify.yaml');
 * verifyLabSim(spec).holds; // true
 */
export interface LabSpec {
  file: string;
  /** the `name:` key, or null */
  name: string | null;
  profile: string | null;
  hosts: HostSpec[];
  /** two endpoints: a cable; three or more: one L2 segment (a switch) */
  links: Endpoint[][];
  run: RunEntry[];
  /** the raw `expect` entries with their lines, for verification */
  expect: { value: unknown; line: number }[];
}

/**
 * Why a lab file cannot be used, with its file and line (`lab.yaml:7: unknown host "n3"`).
 *
 * @example
 * try { loadLabFile('lab.yaml'); } catch (e) { if (e instanceof LabFileError) console.error(e.message, e.line); }
 */
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
