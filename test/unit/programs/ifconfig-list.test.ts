/**
 * ifconfig's listing where the kernel comparisons do not reach: net-tools' nstrcmp order, and
 * what is reported as not modelled (IPv6 addresses in the kernel's random hash order, devices
 * whose counters the simulator does not keep, options other than -a).
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { nstrcmp } from '../../../src/programs/ifconfig-list.js';

const run = (script: string) => new Lab({ seed: 1 }).host('h').sh(script);

describe('nstrcmp', () => {
  it('orders trailing numbers as numbers and an alias after its device', () => {
    const names = ['eth10', 'eth2', 'eth0-peer', 'eth0:1', 'eth0', 'br0', 'lo', 'eth0:10', 'eth0:9'];
    expect([...names].sort(nstrcmp)).toEqual(['br0', 'eth0', 'eth0:1', 'eth0:9', 'eth0:10', 'eth2', 'eth10', 'eth0-peer', 'lo']);
  });
});

describe('ifconfig listing', () => {
  it('reports what it does not model', () => {
    const s = run(
      'ip link add eth0 type veth peer name p0\nip link set eth0 up\nip link set p0 up\nip addr add 2001:db8::1/64 dev eth0 nodad\nifconfig eth0\nip tuntap add dev tap0 mode tap\nifconfig -a\nifconfig -s\nifconfig lo',
    );
    expect(s.slice(4).map((x) => x.supported)).toEqual([false, true, false, false, true]);
  });

  it('says so for a device that does not exist', () => {
    const s = run('ifconfig nope');
    expect(s[0]).toMatchObject({ exit: 1, stdout: '', stderr: 'nope: error fetching interface information: Device not found\n' });
  });
});
