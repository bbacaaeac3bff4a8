/**
 * Each step says what it is about and whether the simulator modelled it; a run's coverage
 * counts them per feature and names the first line the simulator did not model.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { coverageReport, divergenceNote, formatCoverage } from '../../../src/exec/coverage.js';

const script = [
  'ip link add br0 type bridge',
  'ip -6 addr add fd00::1/64 dev br0',
  'ping -6 -c 1 ::1',
  'ebtables -P FORWARD DROP',
  'iptables-restore /etc/iptables/rules.v4',
  'sysctl -w net.ipv4.conf.br0.arp_accept=1',
  'cat /sys/class/net/br0/carrier_changes',
  'tc qdisc add dev br0 root pfifo',
  'wget http://192.0.2.1/',
  'echo done',
].join('\n');

describe('coverage', () => {
  const steps = new Lab().host('h').sh(script, { file: 'c.sh' });

  it('marks steps: not modelled (a network program the kernel may answer), skipped, partial', () => {
    expect(steps.map((s) => [s.feature, s.supported, s.modelled ?? null, s.exit])).toEqual([
      ['iproute2', true, null, 0],
      ['ipv6', true, null, 0],
      ['ipv6', true, null, 0],
      ['netfilter', false, false, 127],
      ['netfilter', false, null, 127],
      ['sysctl', true, 'partial', 0],
      ['kernel-files', false, false, 127],
      ['tc', false, false, 127],
      ['other', false, null, 127],
      ['shell', true, null, 0],
    ]);
  });

  it('counts them per feature and names the first line not modelled', () => {
    const c = coverageReport(steps);
    expect(c.total).toEqual({ lines: 10, modelled: 4, partial: 1, notModelled: 3, skipped: 2 });
    expect(c.byFeature.netfilter).toEqual({ lines: 2, modelled: 0, partial: 0, notModelled: 1, skipped: 1 });
    expect(c.byFeature.ipv6).toEqual({ lines: 2, modelled: 2, partial: 0, notModelled: 0, skipped: 0 });
    expect(c.divergedAt).toEqual({ line: 4, file: 'c.sh', host: 'h', command: 'ebtables -P FORWARD DROP' });
    expect(divergenceNote(c.divergedAt!, 'real')).toBe(
      "nettwin: from line 4 (c.sh) the simulator no longer knows the kernel's state: `ebtables -P FORWARD DROP` is not modelled (the kernel answered it)",
    );
    expect(formatCoverage(c)).toContain('  netfilter                        2 lines: 0 modelled, 0 partial, 1 not modelled, 1 skipped\n');
    expect(formatCoverage(c)).toMatch(/ {2}all {29}10 lines: 4 modelled, 1 partial, 3 not modelled, 2 skipped\n$/);
  });

  it('a fully modelled run has nothing to report', () => {
    const c = coverageReport(new Lab().host('h').sh('ip link add br0 type bridge\nip link set br0 up'));
    expect([c.total, c.divergedAt]).toEqual([{ lines: 2, modelled: 2, partial: 0, notModelled: 0, skipped: 0 }, null]);
  });
});
