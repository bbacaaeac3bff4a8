/**
 * `run --real --pcap DIR` against `run --pcap DIR` on the same lab: the same files in the same
 * layout (DIR/<host>/<device>.pcap, DIR/<host>/<NS>/<device>.pcap), and in each the same ARP
 * and IPv4 packets in the same order, compared header by header (Ethernet type, ARP operation
 * and addresses, IPv4 addresses, TTL and protocol, ICMP type, code, sequence and length).
 * MAC addresses and ICMP ids differ by nature; the kernel's own IPv6 (DAD, MLD, router
 * solicitations) is not modelled and left out.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readPcap } from '../../sim/pcap/reader.js';
import { ETHERTYPE, parseEthernet } from '../../sim/wire/ethernet.js';
import { parseArp } from '../../sim/wire/arp.js';
import { parseIpv4 } from '../../sim/wire/ipv4.js';
import { parseIcmp } from '../../sim/wire/icmp.js';
import { ip4ToString } from '../../src/model/ip.js';
import { projectRoot } from './cases.js';
import { PAIR } from '../unit/sim/pcap/pair.js';
import { describeReal, snapshotMachine } from './require-real.js';

const LAB = 'test/unit/sim/pcap/fixtures/two-hosts.yaml';

function cli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } });
}

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** The headers that must agree, one line per ARP or IPv4 packet. */
function headers(file: string): string[] {
  const f = readPcap(readFileSync(file));
  expect(f, file).not.toBeNull();
  const out: string[] = [];
  for (const r of f!.records) {
    const e = parseEthernet(r.data);
    if (!e) continue;
    if (e.eth.ethertype === ETHERTYPE.arp) {
      const a = parseArp(e.payload);
      if (a) out.push(`arp op ${a.op} ${ip4ToString(a.spa)} -> ${ip4ToString(a.tpa)}`);
    } else if (e.eth.ethertype === ETHERTYPE.ipv4) {
      const p = parseIpv4(e.payload);
      if (!p) continue;
      const icmp = p.ip.protocol === 1 ? parseIcmp(p.payload) : null;
      const what = icmp ? `icmp ${icmp.type}/${icmp.code}${'seq' in icmp ? ` seq ${icmp.seq}` : ''}` : `proto ${p.ip.protocol}`;
      out.push(`ip ${ip4ToString(p.ip.src)} > ${ip4ToString(p.ip.dst)} ttl ${p.ip.ttl} len ${p.ip.payloadLen} ${what}`);
    }
  }
  return out;
}

describeReal(
  'run --real --pcap: the kernel captured in the simulator layout',
  () => {
    let before = '';
    let tmp = '';
    beforeAll(() => {
      before = snapshotMachine();
      tmp = mkdtempSync(join(os.tmpdir(), 'nettwin-pcap-cli-'));
    });
    afterAll(() => {
      rmSync(tmp, { recursive: true, force: true });
      expect(snapshotMachine()).toBe(before);
    });

    it(`${LAB}: the same files, the same ARP and IPv4 packets in each`, () => {
      const sim = cli(['run', LAB, '--pcap', join(tmp, 'sim')]);
      expect(sim.status, sim.stderr).toBe(0);
      const real = cli(['run', LAB, '--real', '--pcap', join(tmp, 'real')]);
      expect(real.status, real.stderr).toBe(0);
      expect(real.stderr).toMatch(/^nettwin: 5 pcap file\(s\) in /);
      const names = files(join(tmp, 'sim'));
      expect(names).toEqual(['a/eth0.pcap', 'a/pa/eth0.pcap', 'a/pa/lo.pcap', 'a/va.pcap', 'b/eth0.pcap']);
      expect(files(join(tmp, 'real'))).toEqual(names);
      for (const n of names) {
        const want = headers(join(tmp, 'sim', n));
        expect(want.length, n).toBeGreaterThan(0);
        expect(headers(join(tmp, 'real', n)), n).toEqual(want);
      }
      // the kernel's clock: today, not the simulator's epoch
      const t = readPcap(readFileSync(join(tmp, 'real', 'b/eth0.pcap')))!.records[0]!.tUs / 1e3;
      expect(Math.abs(t - Date.now())).toBeLessThan(600_000);
    }, 240_000);

    it('a script: its host is `host`, its namespaces folders under it', () => {
      const script = join(tmp, 'pair.sh');
      writeFileSync(script, PAIR);
      expect(cli(['run', script, '--pcap', join(tmp, 'ssim')]).status).toBe(0);
      const real = cli(['run', script, '--real', '--pcap', join(tmp, 'sreal')]);
      expect(real.status, real.stderr).toBe(0);
      const names = files(join(tmp, 'ssim'));
      expect(names).toEqual(['host/A/lo.pcap', 'host/A/va.pcap', 'host/B/vb.pcap']);
      expect(files(join(tmp, 'sreal'))).toEqual(names);
      for (const n of names) expect(headers(join(tmp, 'sreal', n)), n).toEqual(headers(join(tmp, 'ssim', n)));
    }, 240_000);
  },
  { tools: [['tcpdump', 'tcpdump']] },
);
