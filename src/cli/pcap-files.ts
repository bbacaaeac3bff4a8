/** Writes a simulation's captures as files: `DIR/<namespace path>/<device>.pcap`. */
import { dirname, join, relative, isAbsolute } from 'node:path';
import type { Capture } from '../../sim/pcap/capture.js';
import { makeOutputDir, OutputRefused, writeOutputFile } from '../files/output-path.js';

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
export function writePcapFiles(dir: string, capture: Capture): WrittenPcap[] {
  capture.stop();
  const out: WrittenPcap[] = [];
  for (const f of capture.files()) {
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
