/**
 * Captures of simulated traffic: what each device sees, with real headers and checksums and
 * virtual timestamps; `tcpdump -r` reads the files and prints the expected ARP and ICMP lines;
 * `nettwin run --pcap DIR` writes one file per device that carried traffic.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';
import { Capture, busTap } from '../../../../sim/pcap/capture.js';
import { readPcap } from '../../../../sim/pcap/reader.js';
import { PCAP_EPOCH_US } from '../../../../sim/pcap/writer.js';
import { internetChecksum } from '../../../../sim/wire/bytes.js';
import { parseEthernet, ETHERTYPE } from '../../../../sim/wire/ethernet.js';
import { parseIpv4 } from '../../../../sim/wire/ipv4.js';
import { parseArp } from '../../../../sim/wire/arp.js';
import { parseIcmp } from '../../../../sim/wire/icmp.js';
import { PAIR } from './pair.js';

const ROOT = join(import.meta.dirname, '../../../..');
const tcpdump = ['/usr/bin/tcpdump', '/usr/sbin/tcpdump'].find((p) => existsSync(p));
const tmp = mkdtempSync(join(tmpdir(), 'nettwin-pcap-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What tcpdump -n -r prints, without the timestamps. */
function tcpdumpLines(file: string): string[] {
  const r = spawnSync(tcpdump!, ['-n', '-r', file], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => l.replace(/^\d\d:\d\d:\d\d\.\d{6} /, ''));
}

describe('Lab.capture', () => {
  const lab = new Lab();
  const va = lab.capture('h/A:va');
  const vb = lab.capture('h/B:vb');
  const lo = lab.capture('h/A:lo');
  lab.host('h').sh(PAIR);

  it('sees what the device sends and receives, in order, with virtual timestamps', () => {
    const f = readPcap(va.pcap())!;
    expect(f.linktype).toBe(1);
    const kinds = f.records.map((r) => {
      const e = parseEthernet(r.data)!;
      if (e.eth.ethertype === ETHERTYPE.arp) return `arp ${parseArp(e.payload)!.op}`;
      const ip = parseIpv4(e.payload)!;
      const icmp = parseIcmp(ip.payload)!;
      return `icmp ${icmp.type}`;
    });
    expect(kinds).toEqual(['arp 1', 'arp 2', 'icmp 8', 'icmp 0', 'icmp 8', 'icmp 0']);
    // the link's latency is 20 µs each way; the second probe goes a (late) second later
    expect(f.records.map((r) => r.tUs - PCAP_EPOCH_US)).toEqual([0, 40, 40, 80, 1_018_000, 1_018_040]);
    expect(va.packets).toBe(6);
    expect(readPcap(vb.pcap())!.records.map((r) => r.tUs - PCAP_EPOCH_US)).toEqual([20, 20, 60, 60, 1_018_020, 1_018_020]);
  });

  it('writes real headers: valid IPv4 and ICMP checksums, DF on echo requests, MACs of the devices', () => {
    const recs = readPcap(va.pcap())!.records;
    const mac = lab.model.netns('h/A')!.linkByName('va')!.mac;
    for (const r of recs) {
      const e = parseEthernet(r.data)!;
      if (e.eth.ethertype !== ETHERTYPE.ipv4) continue;
      expect(internetChecksum(e.payload, 0, 20)).toBe(0);
      const ip = parseIpv4(e.payload)!;
      expect(internetChecksum(ip.payload)).toBe(0);
      expect(ip.ip.df).toBe(ip.payload[0] === 8);
      expect(r.data.length).toBe(98);
    }
    expect(parseEthernet(recs[0]!.data)!.eth).toEqual({ dst: 'ff:ff:ff:ff:ff:ff', src: mac, ethertype: ETHERTYPE.arp });
  });

  it('on lo keeps one copy of each packet, as libpcap does', () => {
    expect(lo.packets).toBe(2);
  });

  it('is deterministic, byte for byte', () => {
    const again = new Lab();
    const c = again.capture('h/A:va');
    again.host('h').sh(PAIR);
    expect(Buffer.from(c.pcap()).equals(Buffer.from(va.pcap()))).toBe(true);
  });

  it('refuses a name that is not NS:DEV', () => {
    expect(() => lab.capture('va')).toThrow(/capture: "va" is not NS:DEV/);
  });

  it.skipIf(!tcpdump)('tcpdump -r reads the files and prints the ARP and ICMP exchange', () => {
    const file = join(tmp, 'va.pcap');
    writeFileSync(file, va.pcap());
    const id = /id (\d+),/.exec(tcpdumpLines(file)[2]!)![1];
    expect(tcpdumpLines(file)).toEqual([
      'ARP, Request who-has 10.0.0.2 tell 10.0.0.1, length 28',
      `ARP, Reply 10.0.0.2 is-at ${lab.model.netns('h/B')!.linkByName('vb')!.mac}, length 28`,
      `IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id ${id}, seq 1, length 64`,
      `IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id ${id}, seq 1, length 64`,
      `IP 10.0.0.1 > 10.0.0.2: ICMP echo request, id ${id}, seq 2, length 64`,
      `IP 10.0.0.2 > 10.0.0.1: ICMP echo reply, id ${id}, seq 2, length 64`,
    ]);
    const lofile = join(tmp, 'lo.pcap');
    writeFileSync(lofile, lo.pcap());
    expect(tcpdumpLines(lofile).map((l) => l.replace(/id \d+/, 'id N'))).toEqual([
      'IP 10.0.0.1 > 10.0.0.1: ICMP echo request, id N, seq 1, length 64',
      'IP 10.0.0.1 > 10.0.0.1: ICMP echo reply, id N, seq 1, length 64',
    ]);
  });

  it.skipIf(!tcpdump)('tcpdump -v finds no bad checksums', () => {
    const file = join(tmp, 'va-v.pcap');
    writeFileSync(file, va.pcap());
    const r = spawnSync(tcpdump!, ['-n', '-vv', '-r', file], { encoding: 'utf8' });
    expect(r.stdout).not.toMatch(/bad cksum|wrong icmp cksum/);
    expect(r.stdout).toMatch(/flags \[DF\], proto ICMP/);
  });
});

describe('Capture on a bridge', () => {
  it('a port sees frames both ways; the bridge device sees what is passed up to it and what it sends', () => {
    const lab = new Lab();
    const cap = new Capture(busTap(lab.sim));
    lab.host('h').sh(`ip netns add A
ip link add br0 type bridge
ip link add va type veth peer name p0
ip link set va netns A
ip link set p0 master br0
ip addr add 10.0.0.1/24 dev br0
ip -n A addr add 10.0.0.2/24 dev va
ip link set br0 up
ip link set p0 up
ip -n A link set va up
ip netns exec A ping -c 1 10.0.0.1
`);
    cap.stop();
    const files = cap.files();
    expect(files.map((f) => [f.path, f.packets])).toEqual([
      ['h/A/va.pcap', 4],
      ['h/p0.pcap', 4],
      ['h/br0.pcap', 4],
    ]);
  });
});

describe('nettwin run --pcap', () => {
  it('writes DIR/<host>/<NS>/<device>.pcap for every device that carried traffic', () => {
    const script = join(tmp, 'pair.sh');
    writeFileSync(script, PAIR);
    const dir = join(tmp, 'caps');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'run', script, '--pcap', dir], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('+ ip netns exec A ping -c 2 10.0.0.2');
    expect(r.stderr).toContain(`nettwin: 3 pcap file(s) in ${dir}`);
    expect(readPcap(readFileSync(join(dir, 'host/A/va.pcap')))!.records).toHaveLength(6);
    expect(readPcap(readFileSync(join(dir, 'host/B/vb.pcap')))!.records).toHaveLength(6);
    expect(readPcap(readFileSync(join(dir, 'host/A/lo.pcap')))!.records).toHaveLength(2);
  });

  it('--epoch sets when the capture clock starts (seconds or a UTC time); a bad one, or with --real, is a usage error', () => {
    const script = join(tmp, 'pair.sh');
    writeFileSync(script, PAIR);
    const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'run', script, ...args], { cwd: ROOT, encoding: 'utf8' });
    const first = (dir: string) => readPcap(readFileSync(join(dir, 'host/A/va.pcap')))!.records[0]!.tUs;
    expect(cli('--pcap', join(tmp, 'e1'), '--epoch', '1000000000').status).toBe(0);
    expect(cli('--pcap', join(tmp, 'e2'), '--epoch', '2001-09-09T01:46:40Z').status).toBe(0);
    expect(Math.floor(first(join(tmp, 'e1')) / 1e6)).toBe(1_000_000_000);
    expect(first(join(tmp, 'e2'))).toBe(first(join(tmp, 'e1')));
    expect(cli('--pcap', join(tmp, 'e3')).status).toBe(0);
    expect(Math.floor(first(join(tmp, 'e3')) / 1e6)).toBe(1_704_067_200);
    const bad = cli('--pcap', join(tmp, 'e4'), '--epoch', 'yesterday');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^nettwin run: --epoch "yesterday": give seconds since 1970/);
    expect(cli('--epoch', '5').stderr).toBe('nettwin run: --epoch goes with --pcap (it sets when the simulated captures start) (see nettwin run --help)\n');
    expect(cli('--pcap', join(tmp, 'e5'), '--real', '--epoch', '5').status).toBe(2);
  });
});
