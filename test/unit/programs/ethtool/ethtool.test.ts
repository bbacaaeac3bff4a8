/**
 * ethtool's words where the kernel comparisons do not reach: what is reported as not modelled
 * (other options, kinds and devices whose features follow others), the offset the kernel's
 * extack gives an unknown feature name after other bits, and the argv forms.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../../src/model/kernel-profile.js';

const run = (script: string, kernel = KERNEL_PROFILES['ci-6.18']) => new Lab({ seed: 1, kernel }).host('h').sh(script);

describe('ethtool', () => {
  it('reports what it does not model', () => {
    const s = run(
      'ip link add eth0 type veth peer name p0\nip link add br0 type bridge\nip link set p0 master br0\nethtool -S eth0\nethtool -k br0\nethtool -K br0 tx off\nethtool -s eth0 speed 10\nip link add m0 link eth0 type macvlan\nethtool -K eth0 sg off\nethtool -k m0\nethtool -K m0 sg on',
    );
    expect(s.slice(3).map((x) => x.supported)).toEqual([false, false, false, false, true, true, false, false]);
    // the kinds the model has no settings, driver or features for (a dummy, on Debian 12's kernel)
    const d = run('ip link add d0 type dummy\nethtool d0\nethtool -i d0', KERNEL_PROFILES['debian-12']);
    expect(d.map((x) => x.supported)).toEqual([true, false, false]);
  });

  it("leaves -k and -K to a kernel other than 6.18, whose feature table differs (Debian 12's 6.1)", () => {
    const s = run('ip link add eth0 type veth peer name p0\nethtool -k eth0\nethtool -K eth0 tx off\nethtool eth0', KERNEL_PROFILES['debian-12']);
    expect(s.slice(1).map((x) => x.supported)).toEqual([false, false, true]);
  });

  it("names an unknown feature's attribute after the bits before it, a VALUE flag only for on (measured on 6.18)", () => {
    const s = run('ip link add eth0 type veth peer name p0\nethtool -K eth0 bogus off\nethtool -K eth0 rx on bogus off\nethtool -K eth0 rx off bogus off\nethtool -K eth0 gso on nope on');
    expect(s.slice(1).map((x) => x.stderr.split('\n')[0])).toEqual([
      'netlink error: bit name not found (offset 56)',
      'netlink error: bit name not found (offset 80)',
      'netlink error: bit name not found (offset 76)',
      'netlink error: bit name not found (offset 92)',
    ]);
    expect(s.slice(1).every((x) => x.exit === 92)).toBe(true);
  });

  it('answers its argv forms: no arguments, --version, a missing device with a bad flag', () => {
    const s = run('ethtool\nethtool --version\nethtool -K nope tx maybe\nethtool -k');
    expect(s.map((x) => [x.exit, x.stdout + x.stderr])).toEqual([
      [1, 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n'],
      [0, 'ethtool version 6.1\n'],
      [1, "ethtool (-K): flag 'maybe' for parameter '(null)' is not followed by 'on' or 'off'\n"],
      [1, 'ethtool: bad command line argument(s)\nFor more information run ethtool -h\n'],
    ]);
  });
});
