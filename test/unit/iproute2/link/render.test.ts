import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LabModel } from '../../../../src/model/lab-model.js';
import { addrconfPending, addrconfSync } from '../../../../src/model/ipv6/addrconf.js';
import { emptyLinkFilter } from '../../../../src/iproute2/filters.js';
import { maskVolatile } from '../../../../src/iproute2/mask.js';
import { renderLinks } from '../../../../src/iproute2/link/render.js';
import { defaultGlobals, type IpGlobals } from '../../../../src/iproute2/types.js';
import { apply } from '../../../../src/ops/apply.js';
import { LINK_SCENARIOS, replay, scenarioLines, type GoldenResult } from '../link-scenarios.js';

const golden = JSON.parse(readFileSync(new URL('../golden/link-addr.json', import.meta.url), 'utf8')) as Record<string, GoldenResult[]>;

/** The model's output and the kernel's, both masked, line by line. */
function expectSame(sim: { exit: number; stdout: string; stderr: string }, kernel: GoldenResult): void {
  expect({ exit: sim.exit, stdout: maskVolatile(sim.stdout), stderr: maskVolatile(sim.stderr) }).toEqual({
    exit: kernel.exit,
    stdout: maskVolatile(kernel.stdout),
    stderr: maskVolatile(kernel.stderr),
  });
}

describe('ip link show: recorded on kernel 6.18 / iproute2 6.1', () => {
  for (const [name, script] of Object.entries(LINK_SCENARIOS)) {
    describe(name, () => {
      for (const r of replay(script, golden[name])) {
        it(r.line, () => expectSame(r.sim, r.kernel));
      }
    });
  }
});

/** A fresh model with a script applied; returns a renderer for its root namespace. */
function model(script: string) {
  const lab = new LabModel({ seed: 3 });
  const root = lab.addHost('h').root;
  for (const l of scenarioLines(script)) if ('op' in l) apply({ ns: l.ns ? root.host.namespaces.get(l.ns)! : root }, l.op);
  const show = (g: Partial<IpGlobals> = {}, f = {}) => renderLinks({ ns: root }, { ...defaultGlobals(), ...g }, { ...emptyLinkFilter(), ...f });
  return { root, show };
}

describe('ip link show: details the scenarios do not reach', () => {
  it('a veth whose peer left while it had no carrier keeps LOWERLAYERDOWN (operstate is computed at carrier events)', () => {
    const { show } = model(`
      ip netns add NS1
      ip link add veth0 type veth peer name veth1
      ip link set veth0 up
      ip link set veth1 netns NS1
    `);
    // observed: the same lines on the kernel, then `ip -br link show dev veth0`
    expect(maskVolatile(show({ brief: true }, { dev: 'veth0' }).stdout)).toBe('veth0@if2        LOWERLAYERDOWN XX:XX:XX:XX:XX:XX <NO-CARRIER,BROADCAST,MULTICAST,UP> \n');
  });

  it('a tun held open by a process (socat TUN:…): UNKNOWN, pfifo_fast, persist off, addrgenmode random', () => {
    const { root, show } = model(`
      ip tuntap add dev tun5 mode tun
      ip link set tun5 up
    `);
    const tun = root.linkByName('tun5')!;
    tun.tun!.attached = true;
    tun.tun!.persist = false;
    addrconfPending(tun);
    addrconfSync(root);
    // observed with: socat UDP:127.0.0.1:9999,bind=127.0.0.1:9998 TUN:10.9.0.1/24,tun-name=tun5,iff-no-pi,tun-type=tun,iff-up
    expect(show({ details: 1 }, { dev: 'tun5' }).stdout).toBe(
      '2: tun5: <POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UNKNOWN mode DEFAULT group default qlen 500\n' +
        '    link/none  promiscuity 0  allmulti 0 minmtu 68 maxmtu 65535 \n' +
        '    tun type tun pi off vnet_hdr off persist off addrgenmode random numtxqueues 1 numrxqueues 1 gso_max_size 65536 gso_max_segs 65535 tso_max_size 65536 tso_max_segs 65535 gro_max_size 65536 \n',
    );
    expect(show({ json: true, details: 1 }, { dev: 'tun5' }).stdout).toBe(
      '[{"ifindex":2,"ifname":"tun5","flags":["POINTOPOINT","MULTICAST","NOARP","UP","LOWER_UP"],"mtu":1500,"qdisc":"pfifo_fast","operstate":"UNKNOWN","linkmode":"DEFAULT","group":"default","txqlen":500,"link_type":"none","promiscuity":0,"allmulti":0,"min_mtu":68,"max_mtu":65535,"linkinfo":{"info_kind":"tun","info_data":{"type":"tun","pi":false,"vnet_hdr":false,"multi_queue":false,"persist":false}},"inet6_addr_gen_mode":"random","num_tx_queues":1,"num_rx_queues":1,"gso_max_size":65536,"gso_max_segs":65535,"tso_max_size":65536,"tso_max_segs":65535,"gro_max_size":65536}]\n',
    );
  });

  it('a bridge whose ports all left has MAC and bridge id 00:00:00:00:00:00', () => {
    const { root, show } = model(`
      ip link add br0 type bridge
      ip link add veth0 type veth peer name veth1
      ip link set veth0 master br0
      ip link set veth0 nomaster
    `);
    expect(root.linkByName('br0')!.mac).toBe('00:00:00:00:00:00');
    expect(show({ details: 1 }, { dev: 'br0' }).stdout).toContain(' bridge_id 8000.0:0:0:0:0:0 ');
  });

  it('ports take the lowest free port number', () => {
    const { root } = model(`
      ip link add br0 type bridge
      ip link add a0 type veth peer name a1
      ip link add b0 type veth peer name b1
      ip link set a0 master br0
      ip link set b0 master br0
      ip link set a0 nomaster
      ip link set a1 master br0
    `);
    expect([root.linkByName('b0')!.portNo, root.linkByName('a1')!.portNo]).toEqual([2, 1]);
  });

  it('pretty JSON of an empty selection is "[ ]"', () => {
    const { show } = model('');
    expect(show({ json: true, pretty: true }, { type: 'bridge' }).stdout).toBe('[ ]\n');
    expect(show({ json: true }, { type: 'bridge' }).stdout).toBe('[]\n');
  });

  it('-s is reported as not modelled rather than printed without statistics', () => {
    const { show } = model('');
    expect(show({ stats: 1 }).unsupported).toBe(true);
  });
});
