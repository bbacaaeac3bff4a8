/**
 * VLAN tags on the wire: what a capture on the lower device holds (the 802.1Q tag, and the
 * 802.1ad service tag outside the 802.1Q one for QinQ) and what a capture on the VLAN device
 * holds (the frame untagged), read back by tcpdump -e as it prints real captures. The kernel
 * comparison of the same pings is test/cases/vlan/vlan-ping.sh (test/real/uml-cases.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';

const tcpdump = ['/usr/bin/tcpdump', '/usr/sbin/tcpdump'].find((p) => existsSync(p));
const tmp = mkdtempSync(join(tmpdir(), 'nettwin-vlan-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SCRIPT = `
ip netns add a
ip netns add b
ip link add e0 netns a type veth peer name e0 netns b
ip -n a link set e0 up
ip -n b link set e0 up
ip -n a link add link e0 name e0.10 type vlan id 10
ip -n b link add link e0 name e0.10 type vlan id 10
ip -n a link add link e0 name s100 type vlan proto 802.1ad id 100
ip -n b link add link e0 name s100 type vlan proto 802.1ad id 100
ip -n a link add link s100 name c30 type vlan id 30
ip -n b link add link s100 name c30 type vlan id 30
ip -n a addr add 10.0.10.1/24 dev e0.10
ip -n b addr add 10.0.10.2/24 dev e0.10
ip -n a addr add 10.1.30.1/24 dev c30
ip -n b addr add 10.1.30.2/24 dev c30
ip -n a link set e0.10 up
ip -n b link set e0.10 up
ip -n a link set s100 up
ip -n b link set s100 up
ip -n a link set c30 up
ip -n b link set c30 up
ip netns exec a ping -c 1 -W 1 10.0.10.2
ip netns exec a ping -c 1 -W 1 10.1.30.2
`;

/** tcpdump -e -n -r of one capture, IPv4 and ARP only (not the IPv6 chatter), without timestamps and MACs. */
function lines(name: string, pcap: Uint8Array): string[] {
  const file = join(tmp, name);
  writeFileSync(file, pcap);
  const r = spawnSync(tcpdump!, ['-e', '-n', '-r', file], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .filter((l) => !l.includes('IPv6'))
    .map((l) => l.replace(/^\S+ \S+ > \S+, /, '').replace(/, id \d+, seq/, ', seq'));
}

describe.skipIf(!tcpdump)('VLAN tags in captures', () => {
  const lab = new Lab({ kernel: KERNEL_PROFILES.uml! });
  const wire = lab.capture('host/b:e0');
  const vlan = lab.capture('host/b:e0.10');
  const steps = lab.host('host').sh(SCRIPT);

  it('the pings over VLAN 10 and over QinQ are answered', () => {
    expect(steps.slice(-2).map((s) => s.exit)).toEqual([0, 0]);
  });

  it('the lower device carries the tags, outermost first', () => {
    expect(lines('wire.pcap', wire.pcap())).toEqual([
      'ethertype 802.1Q (0x8100), length 46: vlan 10, p 0, ethertype ARP (0x0806), Request who-has 10.0.10.2 tell 10.0.10.1, length 28',
      expect.stringMatching(/^ethertype 802\.1Q \(0x8100\), length 46: vlan 10, p 0, ethertype ARP \(0x0806\), Reply 10\.0\.10\.2 is-at /),
      'ethertype 802.1Q (0x8100), length 102: vlan 10, p 0, ethertype IPv4 (0x0800), 10.0.10.1 > 10.0.10.2: ICMP echo request, seq 1, length 64',
      'ethertype 802.1Q (0x8100), length 102: vlan 10, p 0, ethertype IPv4 (0x0800), 10.0.10.2 > 10.0.10.1: ICMP echo reply, seq 1, length 64',
      'ethertype 802.1Q-QinQ (0x88a8), length 50: vlan 100, p 0, ethertype 802.1Q (0x8100), vlan 30, p 0, ethertype ARP (0x0806), Request who-has 10.1.30.2 tell 10.1.30.1, length 28',
      expect.stringMatching(/^ethertype 802\.1Q-QinQ \(0x88a8\), length 50: vlan 100, p 0, ethertype 802\.1Q \(0x8100\), vlan 30, p 0, ethertype ARP \(0x0806\), Reply 10\.1\.30\.2 is-at /),
      'ethertype 802.1Q-QinQ (0x88a8), length 106: vlan 100, p 0, ethertype 802.1Q (0x8100), vlan 30, p 0, ethertype IPv4 (0x0800), 10.1.30.1 > 10.1.30.2: ICMP echo request, seq 1, length 64',
      'ethertype 802.1Q-QinQ (0x88a8), length 106: vlan 100, p 0, ethertype 802.1Q (0x8100), vlan 30, p 0, ethertype IPv4 (0x0800), 10.1.30.2 > 10.1.30.1: ICMP echo reply, seq 1, length 64',
    ]);
  });

  it('the VLAN device sees its frames untagged', () => {
    const got = lines('vlan.pcap', vlan.pcap());
    expect(got).toHaveLength(4);
    for (const l of got) expect(l).toMatch(/^ethertype (ARP|IPv4) /);
  });
});
