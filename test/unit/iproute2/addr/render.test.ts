import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LabModel } from '../../../../src/model/lab-model.js';
import type { Netns } from '../../../../src/model/netns.js';
import { eui64LinkLocal } from '../../../../src/model/ipv6/link-local.js';
import { formatIp6, ip6FromBytes, isIp6LinkLocal } from '../../../../src/model/ipv6/ip6.js';
import { addrconfPending, addrconfSync } from '../../../../src/model/ipv6/addrconf.js';
import type { Link } from '../../../../src/model/link.js';

/** The device's link-local, as `ip addr` prints it, or null. */
function ll(l: Link): string | null {
  const a = l.inet6.addrs.find((x) => isIp6LinkLocal(x.addr));
  return a ? formatIp6(a.addr) : null;
}
import { emptyLinkFilter } from '../../../../src/iproute2/filters.js';
import { maskVolatile } from '../../../../src/iproute2/mask.js';
import { renderAddrs } from '../../../../src/iproute2/addr/render.js';
import { defaultGlobals, type IpGlobals } from '../../../../src/iproute2/types.js';
import { apply } from '../../../../src/ops/apply.js';
import { ADDR_SCENARIOS, replay, scenarioLines, type GoldenResult } from '../link-scenarios.js';

const golden = JSON.parse(readFileSync(new URL('../golden/link-addr.json', import.meta.url), 'utf8')) as Record<string, GoldenResult[]>;

describe('ip addr show: recorded on kernel 6.18 / iproute2 6.1', () => {
  for (const [name, script] of Object.entries(ADDR_SCENARIOS)) {
    describe(name, () => {
      for (const r of replay(script, golden[name])) {
        it(r.line, () => {
          expect({ exit: r.sim.exit, stdout: maskVolatile(r.sim.stdout), stderr: maskVolatile(r.sim.stderr) }).toEqual({
            exit: r.kernel.exit,
            stdout: maskVolatile(r.kernel.stdout),
            stderr: maskVolatile(r.kernel.stderr),
          });
        });
      }
    });
  }
});

/** Applies the change lines of a script to a namespace's host. */
function run(root: Netns, script: string): void {
  for (const l of scenarioLines(script)) if ('op' in l) apply({ ns: l.ns ? root.host.namespaces.get(l.ns)! : root }, l.op);
}

function model(script: string) {
  const lab = new LabModel({ seed: 3 });
  const root = lab.addHost('h').root;
  run(root, script);
  const show = (g: Partial<IpGlobals> = {}, f = {}) => renderAddrs({ ns: root }, { ...defaultGlobals(), ...g }, { ...emptyLinkFilter(), ...f });
  return { root, show };
}

describe('link-local addresses (addrconf)', () => {
  it('EUI-64 from the MAC, as the kernel printed it for these MACs', () => {
    expect(formatIp6(eui64LinkLocal('6e:33:66:df:00:e1'))).toBe('fe80::6c33:66ff:fedf:e1');
    expect(formatIp6(eui64LinkLocal('36:59:7f:8d:15:f0'))).toBe('fe80::3459:7fff:fe8d:15f0');
    expect(formatIp6(eui64LinkLocal('72:50:78:b8:9f:ca'))).toBe('fe80::7050:78ff:feb8:9fca');
  });

  it('formats IPv6 as inet_ntop does', () => {
    const w = (...words: number[]) => formatIp6(ip6FromBytes(words.flatMap((x) => [x >> 8, x & 255])));
    expect(w(0, 0, 0, 0, 0, 0, 0, 1)).toBe('::1');
    expect(w(0xfe80, 0, 0, 0, 0, 0, 0, 1)).toBe('fe80::1');
    expect(w(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0)).toBe('2001:db8::');
    expect(w(1, 0, 0, 2, 0, 0, 0, 3)).toBe('1:0:0:2::3');
    expect(w(1, 0, 1, 0, 1, 0, 1, 0)).toBe('1:0:1:0:1:0:1:0');
    expect(w(0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304)).toBe('::ffff:1.2.3.4');
  });

  it('comes with carrier, survives losing it, goes with admin down, and a new one follows the current MAC', () => {
    const { root } = model(`
      ip link add veth0 type veth peer name veth1
      ip link set veth0 up
    `);
    const v0 = root.linkByName('veth0')!;
    expect(ll(v0)).toBeNull();
    run(root, 'ip link set veth1 up');
    expect(ll(v0)).toBe(formatIp6(eui64LinkLocal(v0.mac)));
    const first = ll(v0);
    run(root, 'ip link set veth1 down\nip link set veth0 address 02:11:22:33:44:55');
    expect(ll(v0)).toBe(first);
    run(root, 'ip link set veth0 down\nip link set veth0 up\nip link set veth1 up');
    expect(ll(v0)).toBe('fe80::11:22ff:fe33:4455');
  });

  it('a tun gets one only once a process holds it: random, stable-privacy, no DAD', () => {
    const { root, show } = model(`
      ip tuntap add dev tun5 mode tun
      ip addr add 10.9.0.1/24 dev tun5
      ip link set tun5 up
    `);
    const tun = root.linkByName('tun5')!;
    expect(ll(tun)).toBeNull();
    tun.tun!.attached = true;
    addrconfPending(tun);
    addrconfSync(root);
    expect(tun.inet6.conf.addr_gen_mode).toBe(3);
    // observed (socat … TUN:10.9.0.1/24,tun-name=tun5,iff-no-pi,tun-type=tun,iff-up), interface id masked
    expect(maskVolatile(show({}, { dev: 'tun5' }).stdout)).toBe(
      '2: tun5: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UNKNOWN group default qlen 500\n' +
        '    link/none \n' +
        '    inet 10.9.0.1/24 scope global tun5\n' +
        '       valid_lft forever preferred_lft forever\n' +
        '    inet6 fe80::IID/64 scope link stable-privacy \n' +
        '       valid_lft forever preferred_lft forever\n',
    );
    expect(maskVolatile(show({ json: true }, { dev: 'tun5' }).stdout)).toBe(
      '[{"ifindex":2,"ifname":"tun5","flags":["POINTOPOINT","MULTICAST","NOARP","UP","LOWER_UP"],"mtu":1500,"qdisc":"pfifo_fast","operstate":"UNKNOWN","group":"default","txqlen":500,"link_type":"none","addr_info":[{"family":"inet","local":"10.9.0.1","prefixlen":24,"scope":"global","label":"tun5","valid_life_time":4294967295,"preferred_life_time":4294967295},{"family":"inet6","local":"fe80::IID","prefixlen":64,"scope":"link","stable-privacy":true,"valid_life_time":4294967295,"preferred_life_time":4294967295}]}]\n',
    );
  });

  it('is reproducible: the same script gives the same addresses', () => {
    const a = model('ip link add veth0 type veth peer name veth1\nip link set veth0 up\nip link set veth1 up').show().stdout;
    const b = model('ip link add veth0 type veth peer name veth1\nip link set veth0 up\nip link set veth1 up').show().stdout;
    expect(a).toBe(b);
  });
});
