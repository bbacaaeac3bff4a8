/**
 * What `diff` masks in conntrack listings (adapters/linux/diff-steps.ts normalize): the seconds
 * left, an ICMP entry's echo id and a client's ephemeral port, which the kernel draws — for TCP
 * entries too, whose state stands before the tuples. Everything else still has to agree.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../adapters/linux/diff-steps.js';

const tcp = (port: number, timeout = 118, state = 'TIME_WAIT') =>
  `tcp      6 ${timeout} ${state} src=192.168.50.2 dst=192.168.50.1 sport=${port} dport=8080 src=192.168.50.1 dst=192.168.50.2 sport=8080 dport=${port} [ASSURED] mark=0 use=1\n`;

describe('normalize: conntrack entries', () => {
  it('masks the ephemeral port and the seconds left of a TCP entry, not its state or server port', () => {
    expect(normalize(tcp(53832))).toBe(normalize(tcp(35118, 117)));
    expect(normalize(tcp(53832))).not.toBe(normalize(tcp(35118, 118, 'ESTABLISHED')));
    expect(normalize(tcp(53832))).toContain('dport=8080');
  });

  it('keeps ports outside ip_local_port_range (32768–60999): a fixed client port must agree', () => {
    expect(normalize(tcp(32767))).not.toBe(normalize(tcp(61000)));
    expect(normalize(tcp(32768))).toBe(normalize(tcp(60999)));
  });

  it('masks an ICMP entry id and an IPv6 entry as well', () => {
    const icmp = (id: number) => `icmp     1 29 src=10.0.0.1 dst=10.0.0.2 type=8 code=0 id=${id} src=10.0.0.2 dst=10.0.0.1 type=0 code=0 id=${id} mark=0 use=1\n`;
    expect(normalize(icmp(1234))).toBe(normalize(icmp(999)));
    const udp6 = (port: number) => `udp      17 29 src=2001:db8::2 dst=2001:db8::1 sport=${port} dport=53 [UNREPLIED] src=2001:db8::1 dst=2001:db8::2 sport=53 dport=${port} mark=0 use=1\n`;
    expect(normalize(udp6(40000))).toBe(normalize(udp6(50001)));
  });
});
