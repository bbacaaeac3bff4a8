/** Writes captures as files: `DIR/<host>/<device>.pcap`, `DIR/<host>/<NS>/<device>.pcap`. */
import { dirname, join, relative, isAbsolute } from 'node:path';
import { makeOutputDir, OutputRefused, writeOutputFile } from '../files/output-path.js';

/** One capture to write: where it was taken and its pcap file. */
export interface PcapToWrite {
  ns: string;
  dev: string;
  /** relative: `NS-PATH/DEV.pcap` */
  path: string;
  packets: number;
  bytes: Uint8Array;
}

export interface WrittenPcap {
  ns: string;
  dev: string;
  /** the file written */
  file: string;
  packets: number;
}

/**
 * One file per device that saw traffic; namespaces become folders (`node1/NS1/veth11.pcap`).
 * Every file stays inside `dir` and is written only as a regular file (output-path.ts).
 */
export function writePcapFiles(dir: string, files: readonly PcapToWrite[]): WrittenPcap[] {
  const out: WrittenPcap[] = [];
  for (const f of files) {
    const file = join(dir, f.path);
    const rel = relative(dir, file);
    // names come from the script: a capture never lands outside the folder it was given
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new OutputRefused(file, `not inside ${dir}`);
    makeOutputDir(dirname(file));
    writeOutputFile(file, f.bytes);
    out.push({ ns: f.ns, dev: f.dev, file, packets: f.packets });
  }
  return out;
}
