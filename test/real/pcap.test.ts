/**
 * The simulator's capture against the kernel's: the same script runs in a sandbox with
 * `tcpdump -w` on the same devices, and `tcpdump -r` shows the same packet sequence (ARP and
 * ICMP; MAC addresses, ICMP ids and times differ by nature and are masked).
 */
import { mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { readPcap } from '../../sim/pcap/reader.js';
import { writeFileSync } from 'node:fs';
import { runScriptReal } from '../../adapters/linux/real-driver.js';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { PAIR } from '../unit/sim/pcap/pair.js';
import { describeReal, snapshotMachine } from './require-real.js';

const SETUP = PAIR.split('\n')
  .filter((l) => !l.includes('ping'))
  .join('\n');
const PINGS = PAIR.split('\n')
  .filter((l) => l.includes('ping'))
  .join('\n');
/** device -> its namespace in the sandbox host, and the packets the simulator sees there */
const DEVICES = [
  { ns: 'A', dev: 'va' },
  { ns: 'B', dev: 'vb' },
  { ns: 'A', dev: 'lo' },
];

function masked(file: string): string[] {
  const r = spawnSync('tcpdump', ['-n', '-r', file], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) =>
      l
        .replace(/^\d\d:\d\d:\d\d\.\d{6} /, '')
        .replace(/is-at [0-9a-f:]{17}/, 'is-at MAC')
        .replace(/id \d+/, 'id N'),
    );
}

describeReal(
  'pcap: simulator and kernel',
  () => {
    let before = '';
    let tmp = '';
    beforeAll(() => {
      before = snapshotMachine();
      tmp = mkdtempSync(join(tmpdir(), 'nettwin-pcap-real-'));
      chmodSync(tmp, 0o755);
    });
    afterAll(() => {
      rmSync(tmp, { recursive: true, force: true });
      expect(snapshotMachine()).toBe(before);
    });

    it('tcpdump -w on the kernel shows the packet sequence the simulator captured', async () => {
      const lab = new Lab();
      const caps = DEVICES.map((d) => lab.capture(`h/${d.ns}:${d.dev}`));
      lab.host('h').sh(PAIR);
      const sb = await Sandbox.open({ hosts: ['h'] });
      try {
        await runScriptReal(SETUP, { file: 'pair.sh', host: 'h', sandbox: sb, sandboxHost: 'h' });
        // tcpdump writes into the sandbox's own /tmp (it cannot write the machine's); each file is
        // copied out with base64 to be read here
        const inside = DEVICES.map((d) => `/tmp/real-${d.ns}-${d.dev}.pcap`);
        const files = DEVICES.map((d) => join(tmp, `real-${d.ns}-${d.dev}.pcap`));
        const copyOut = async (k: number) => writeFileSync(files[k]!, Buffer.from((await sb.exec('h', ['base64', '-w0', inside[k]!])).stdout, 'base64'));
        const ids: number[] = [];
        for (const [k, d] of DEVICES.entries()) {
          // -Z root: the file is opened after tcpdump would drop to its own user
          const bg = await sb.spawnBackground('h', ['ip', 'netns', 'exec', d.ns, 'tcpdump', '--immediate-mode', '-U', '-Z', 'root', '-n', '-i', d.dev, '-w', inside[k]!, 'arp or icmp']);
          ids.push(bg.id);
        }
        for (const id of ids) {
          for (let t = 0; t < 100 && !/listening on/.test((await sb.backgroundStatus(id)).stderr); t++) await new Promise((r) => setTimeout(r, 50));
        }
        await runScriptReal(PINGS, { file: 'pair.sh', host: 'h', sandbox: sb, sandboxHost: 'h' });
        for (const [k, cap] of caps.entries()) {
          for (let t = 0; t < 100; t++) {
            await copyOut(k);
            const got = readPcap(readFileSync(files[k]!));
            if (got && got.records.length >= cap.packets) break;
            await new Promise((r) => setTimeout(r, 50));
          }
          const simFile = join(tmp, `sim-${k}.pcap`);
          writeFileSync(simFile, cap.pcap());
          expect(masked(files[k]!), `${DEVICES[k]!.ns}:${DEVICES[k]!.dev}`).toEqual(masked(simFile));
        }
        expect(masked(join(tmp, 'sim-0.pcap'))).toEqual([
          'ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28',
          'ARP, Reply 10.0.0.2 is-at MAC, length 28',
          'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id N, seq 1, length 64',
          'IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id N, seq 1, length 64',
          'IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id N, seq 2, length 64',
          'IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id N, seq 2, length 64',
        ]);
      } finally {
        await sb.close();
      }
    }, 60_000);
  },
  { tools: [['tcpdump', 'tcpdump']] },
);
