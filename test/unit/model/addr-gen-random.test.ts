/**
 * addr_gen_mode 3 (random): the kernel draws a stable_secret at random (ipv6_gen_mode_random_init)
 * and makes stable privacy ids of it. The simulator holds a stand-in secret, so it must not show
 * what came from the draw as if it were the kernel's: reading such a stable_secret, or listing a
 * global address made from it, is "not modelled"; a link-local made from it is shown (every
 * comparison masks fe80:: ids, as for EUI-64 ids of random MACs), and a secret the device already
 * had is kept and shown. The kernel's side of each (the secret readable at once, the listing, the
 * retry after a DAD failure) is compared live in test/cases/ipv6/addrgenmode-random.sh and
 * dad-random-retry.sh.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

function run(script: string) {
  return new Lab().host('h').sh(script, { file: 't.sh' });
}

describe('addr_gen_mode 3: what the kernel draws is not predicted', () => {
  it('a drawn stable_secret is not modelled; a written one is read back', () => {
    const steps = run(
      [
        'ip netns add A',
        'ip link add va netns A type veth peer name vb netns A',
        'ip netns exec A sysctl -w net.ipv6.conf.va.addr_gen_mode=3',
        'ip netns exec A sysctl net.ipv6.conf.va.stable_secret',
        'ip -n A -6 addr show dev va',
        'ip netns exec A sysctl -w net.ipv6.conf.vb.stable_secret=2001:db8::1',
        'ip netns exec A sysctl -w net.ipv6.conf.vb.addr_gen_mode=3',
        'ip netns exec A sysctl net.ipv6.conf.vb.stable_secret',
      ].join('\n'),
    );
    const [, , , drawn, listing, , , kept] = steps;
    expect(drawn!.supported).toBe(false);
    expect(drawn!.stderr).toContain('drew at random');
    // the link-local is listed (tentative: the device is down)
    expect(listing!.supported).toBe(true);
    expect(listing!.stdout).toMatch(/inet6 fe80::\S+\/64 scope link tentative stable-privacy/);
    expect(kept!.stdout).toBe('net.ipv6.conf.vb.stable_secret = 2001:0db8:0000:0000:0000:0000:0000:0001\n');
  });

  it('a SLAAC address made from a drawn secret is not listed; one from a written secret is', () => {
    const lab = (mode: string) =>
      run(
        [
          'ip netns add R',
          'ip netns add H',
          'ip link add vr netns R type veth peer name vh netns H',
          mode,
          'ip -n R link set vr up',
          'ip -n H link set vh up',
          'ip netns exec R ra6 -i vr -d ff02::1 -t 300 -P 2001:db8:1::/64#LA',
          'ip -n H -6 addr show dev vh',
          'ip -n H -6 addr show dev vh scope link',
        ].join('\n'),
      ).slice(-2);
    const [all, link] = lab('ip netns exec H sysctl -w net.ipv6.conf.vh.addr_gen_mode=3');
    expect(all!.supported).toBe(false);
    expect(all!.stderr).toMatch(/2001:db8:1:0:\S+\/64 has an id addr_gen_mode 3 drew at random/);
    // the link-local alone is shown
    expect(link!.supported).toBe(true);
    expect(link!.stdout).toMatch(/inet6 fe80::\S+\/64 scope link stable-privacy/);
    const [written] = lab('ip netns exec H sysctl -w net.ipv6.conf.vh.stable_secret=2001:db8::1 net.ipv6.conf.vh.addr_gen_mode=3');
    expect(written!.supported).toBe(true);
    expect(written!.stdout).toMatch(/inet6 2001:db8:1:0:\S+\/64 scope global dynamic mngtmpaddr stable-privacy/);
  });
});
