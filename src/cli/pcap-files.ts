/** Writes a simulation's captures as files: `DIR/<namespace path>/<device>.pcap`. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Capture } from '../../sim/pcap/capture.js';

export interface WrittenPcap {
  ns: string;
  dev: string;
  /** the file written */
  file: string;
  packets: number;
}

/** One file per device that saw traffic; namespaces become folders (`node1/NS1/veth11.pcap`). */
export function writePcapFiles(dir: string, capture: Capture): WrittenPcap[] {
  capture.stop();
  const out: WrittenPcap[] = [];
  for (const f of capture.files()) {
    const file = join(dir, f.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, f.bytes);
    out.push({ ns: f.ns, dev: f.dev, file, packets: f.packets });
  }
  return out;
}
