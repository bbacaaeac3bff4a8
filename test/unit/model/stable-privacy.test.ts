import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { formatIp6, parseIp6 } from '../../../src/model/ipv6/ip6.js';
import { formatSecret, stableAddress } from '../../../src/model/ipv6/stable-privacy.js';

/** A veth with `secret` written on it (a MAC of its own does not matter: its permanent address is zeros). */
function vethWith(secret: string) {
  const lab = new Lab();
  const h = lab.host('h');
  h.sh(['ip link add va type veth peer name vb', 'ip link set va address 02:00:00:00:00:0a', `sysctl -qw net.ipv6.conf.va.stable_secret=${secret}`].join('\n'));
  return lab.model.hosts.get('h')!.root.linkByName('va')!;
}

describe('stable privacy interface ids (RFC 7217, ipv6_generate_stable_address)', () => {
  // recorded on Linux 6.18 (test/real/ipv6-stable-privacy.test.ts checks them live)
  it.each([
    ['2001:db8::1234', 'fe80::', 'fe80::d820:30f:5afc:84be'],
    ['fd00::42', 'fe80::', 'fe80::41ee:6c:bd6d:4565'],
    ['::1', 'fe80::', 'fe80::69f8:7ff8:dae6:e2a4'],
    ['2001:db8::5', '2001:db8:1::', '2001:db8:1:0:80eb:c276:84ef:fb53'],
  ])('secret %s, prefix %s: %s', (secret, prefix, want) => {
    expect(formatIp6(stableAddress(vethWith(secret), parseIp6(prefix)!)!)).toBe(want);
  });

  it('another DAD attempt gives another id; no secret gives none', () => {
    const l = vethWith('::1');
    expect(stableAddress(l, parseIp6('fe80::')!, 1)).not.toBe(stableAddress(l, parseIp6('fe80::')!, 0));
    const lab = new Lab();
    lab.host('h').sh('ip link add va type veth peer name vb');
    expect(stableAddress(lab.model.hosts.get('h')!.root.linkByName('va')!, parseIp6('fe80::')!)).toBeNull();
  });

  it('a secret reads back as %pI6 prints it', () => {
    expect(formatSecret(parseIp6('2001:db8::1234')!)).toBe('2001:0db8:0000:0000:0000:0000:0000:1234');
  });
});
