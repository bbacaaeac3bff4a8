/**
 * Shell sessions recorded on the reference kernel (6.18, iproute2 6.1) for the `ip link show`
 * and `ip addr show` renderers. Each scenario is a script: lines that change something become
 * Ops here (applied to the model), `show` lines are rendered and compared with what the kernel
 * printed for the same line (golden/link-addr.json, written by capture-golden.ts). Lines run
 * in the sandbox's root namespace, or in a named one with `ip -n NS`.
 */
import { parseIp4, parsePrefix } from '../../../src/model/ip.js';
import { LabModel } from '../../../src/model/lab-model.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';
import { emptyLinkFilter, type LinkFilter } from '../../../src/iproute2/filters.js';
import { rtscopeA2n as scopeId } from '../../../src/iproute2/names.js';
import { renderAddrs } from '../../../src/iproute2/addr/render.js';
import { renderLinks } from '../../../src/iproute2/link/render.js';
import { defaultGlobals, type IpGlobals } from '../../../src/iproute2/types.js';
import { apply } from '../../../src/ops/apply.js';
import type { Op } from '../../../src/ops/op.js';

/** A `show` line, decoded. */
export interface ShowLine {
  ns: string | null;
  obj: 'link' | 'addr';
  g: Partial<IpGlobals>;
  f: Partial<LinkFilter>;
}

/** A line of a scenario: a change (an Op, in namespace `ns`) or a show. */
export type ScenarioLine = { text: string; ns: string | null; op: Op } | { text: string; show: ShowLine };

function ip4(s: string): number {
  const a = parseIp4(s);
  if (a === null) throw new Error(`bad address ${s}`);
  return a;
}

/** `-n NS` and the other global options in front of the object. */
function globals(w: string[]): { ns: string | null; g: Partial<IpGlobals> } {
  let ns: string | null = null;
  const g: Partial<IpGlobals> = {};
  while (w.length && w[0].startsWith('-')) {
    const o = w.shift()!;
    if (o === '-n') ns = w.shift()!;
    else if (o === '-j') g.json = true;
    else if (o === '-p') g.pretty = true;
    else if (o === '-br') g.brief = true;
    else if (o === '-d') g.details = 1;
    else if (o === '-o') g.oneline = true;
    else if (o === '-4') g.family = 'inet';
    else if (o === '-6') g.family = 'inet6';
    else if (o === '-0') g.family = 'link';
    else throw new Error(`option ${o}?`);
  }
  return { ns, g };
}

function showLine(w: string[], ns: string | null, g: Partial<IpGlobals>): ShowLine {
  const obj = w.shift() === 'link' ? 'link' : 'addr';
  if (w[0] === 'show') w.shift();
  const f: Partial<LinkFilter> = {};
  while (w.length) {
    const k = w.shift()!;
    if (k === 'up') f.up = true;
    else if (k === 'nomaster') f.nomaster = true;
    else if (k === 'primary') f.primary = true;
    else if (k === 'secondary') f.primary = false;
    else if (k === 'master') f.master = w.shift()!;
    else if (k === 'type') f.type = w.shift()!;
    else if (k === 'label') f.label = w.shift()!.replace(/^'(.*)'$/, '$1');
    else if (k === 'scope') f.scope = scopeId(w.shift()!);
    else if (k === 'to') {
      const p = parsePrefix(w.shift()!)!;
      f.to = { addr: p.addr, len: p.len };
    } else if (k === 'dev') f.dev = w.shift()!;
    else f.dev = k;
  }
  return { ns, obj, g, f };
}

function linkAdd(w: string[]): Op {
  const name = w.shift()!;
  if (w.shift() !== 'type') throw new Error('link add NAME type KIND');
  const kind = w.shift()!;
  const op = {
    op: 'link.add',
    name,
    kind,
    netns: null,
    mtu: null,
    address: null,
    up: false,
    master: null,
    txqlen: null,
    peer: null,
    vxlan: null,
    bridge: null,
  } as Extract<Op, { op: 'link.add' }>;
  if (kind === 'veth') {
    // peer name P [netns NS]
    op.peer = { name: w[2], netns: w[3] === 'netns' ? w[4] : null, mtu: null, address: null };
  }
  if (kind === 'vxlan') {
    const v = { id: null, dstport: null, local: null, remote: null, group: null, dev: null, learning: null, ttl: null } as NonNullable<typeof op.vxlan>;
    while (w.length) {
      const k = w.shift()!;
      const val = w.shift()!;
      if (k === 'id') v.id = Number(val);
      else if (k === 'dstport') v.dstport = Number(val);
      else if (k === 'remote') v.remote = ip4(val);
      else if (k === 'local') v.local = ip4(val);
      else if (k === 'group') v.group = ip4(val);
      else if (k === 'dev') v.dev = val;
      else throw new Error(`vxlan ${k}?`);
    }
    op.vxlan = v;
  }
  return op;
}

function linkSet(w: string[]): Op {
  const dev = w.shift()!;
  const op = { op: 'link.set', dev, up: null, mtu: null, address: null, name: null, master: null, netns: null, txqlen: null, bridge: null } as Extract<Op, { op: 'link.set' }>;
  while (w.length) {
    const k = w.shift()!;
    if (k === 'up') op.up = true;
    else if (k === 'down') op.up = false;
    else if (k === 'nomaster') op.master = '';
    else if (k === 'master') op.master = w.shift()!;
    else if (k === 'netns') op.netns = w.shift()!;
    else if (k === 'address') op.address = w.shift()!;
    else throw new Error(`link set ${k}?`);
  }
  return op;
}

function addrAdd(w: string[]): Op {
  const p = parsePrefix(w.shift()!)!;
  const op = {
    op: 'addr.add',
    mode: 'add',
    dev: '',
    local: p.addr,
    prefixLen: p.len,
    peer: null,
    broadcast: null,
    scope: null,
    label: null,
    noprefixroute: false,
    metric: null,
  } as Extract<Op, { op: 'addr.add' }>;
  while (w.length) {
    const k = w.shift()!;
    if (k === 'noprefixroute') op.noprefixroute = true;
    else {
      const v = w.shift()!;
      if (k === 'dev') op.dev = v;
      else if (k === 'peer') {
        const q = parsePrefix(v)!;
        op.peer = q.addr;
        op.prefixLen = q.len;
      } else if (k === 'brd') op.broadcast = v === '+' || v === '-' ? v : ip4(v);
      else if (k === 'label') op.label = v;
      else if (k === 'scope') op.scope = scopeId(v);
      else if (k === 'metric') op.metric = Number(v);
      else throw new Error(`addr add ${k}?`);
    }
  }
  return op;
}

/** One script line as a change or a show. */
export function decodeLine(text: string): ScenarioLine {
  const w = text.trim().split(/\s+/);
  if (w.shift() !== 'ip') throw new Error(`not an ip line: ${text}`);
  const { ns, g } = globals(w);
  const obj = w[0];
  const verb = w[1];
  if ((obj === 'link' || obj === 'addr') && (verb === undefined || verb === 'show')) return { text, show: showLine(w, ns, g) };
  w.splice(0, 2);
  let op: Op;
  if (obj === 'netns' && verb === 'add') op = { op: 'netns.add', name: w[0] };
  else if (obj === 'link' && verb === 'add') op = linkAdd(w);
  else if (obj === 'link' && verb === 'set') op = linkSet(w);
  else if (obj === 'link' && verb === 'del') op = { op: 'link.del', dev: w[0], kind: null };
  else if (obj === 'addr' && verb === 'add') op = addrAdd(w);
  else if (obj === 'tuntap' && verb === 'add') op = { op: 'tuntap.add', name: w[1], mode: w[3] as 'tun' | 'tap', pi: w.includes('pi') };
  else throw new Error(`line ${text}?`);
  return { text, ns, op };
}

/** A scenario's lines, comments and blank lines dropped. */
export function scenarioLines(script: string): ScenarioLine[] {
  return script
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map(decodeLine);
}

/** Scenarios of `ip link show` (render-link.test.ts). */
export const LINK_SCENARIOS: Record<string, string> = {
  'new namespace': `
    ip netns add NS1
    ip -n NS1 link show
    ip -n NS1 -j link show
    ip -n NS1 -br link
    ip -n NS1 -o link
    ip -n NS1 -d link show
    ip -n NS1 link set lo up
    ip -n NS1 link show
    ip -n NS1 -j -p link show
  `,
  'veth pair in one namespace': `
    ip link add veth0 type veth peer name veth1
    ip link show
    ip -d link show
    ip -j link show
    ip -br link show
    ip -o link show
    ip link set veth0 up
    ip link show
    ip -j link show
    ip -br link
    ip link set veth1 up
    ip link show
    ip -o link
    ip -j -d link show veth0
    ip link set veth1 down
    ip link show
    ip -br link
  `,
  'veth pair split across namespaces': `
    ip netns add NS1
    ip link add veth0 type veth peer name veth1
    ip link set veth1 netns NS1
    ip link show
    ip -j link show
    ip -br link
    ip -n NS1 link show
    ip -n NS1 -j link show
    ip -n NS1 -br link
    ip link set veth0 up
    ip link show
    ip -n NS1 link set veth1 up
    ip link show
    ip -j -p link show veth0
    ip -d link show veth0
    ip -j -d link show veth0
    ip -n NS1 -d link show veth1
    ip -n NS1 -br link
    ip link add va type veth peer name vb netns NS1
    ip link set va up
    ip link show va
    ip -n NS1 link show vb
    ip link add vc type veth peer name vd
    ip link set vc up
    ip link set vd up
    ip link set vd netns NS1
    ip link show vc
    ip -j link show vc
  `,
  'bridge with ports': `
    ip link add br0 type bridge
    ip link show br0
    ip -d link show br0
    ip -j -d link show br0
    ip link set br0 up
    ip link show br0
    ip link add veth0 type veth peer name veth1
    ip link set veth0 master br0
    ip link set veth0 up
    ip link show
    ip -d link show veth0
    ip -j -d link show veth0
    ip link set veth1 up
    ip link show
    ip link show master br0
    ip link show type bridge
    ip link show type veth
    ip link show type bridge_slave
    ip -j link show type bridge_slave
    ip -br link show master br0
    ip -j link show master br0
    ip link show nomaster
    ip -d link show br0
    ip -j -d link show br0
    ip -d link show veth0
    ip link set veth1 down
    ip link show
    ip -d link show veth0
    ip link set veth0 nomaster
    ip link show
    ip -j -p link show br0
    ip -d link show br0
  `,
  'bridge port kinds': `
    ip link add br0 type bridge
    ip tuntap add dev tap0 mode tap
    ip link add vx0 type vxlan id 5 dstport 4789
    ip link add veth0 type veth peer name veth1
    ip link set veth0 master br0
    ip link set tap0 master br0
    ip link set vx0 master br0
    ip -d link show master br0
    ip -j -d link show master br0
    ip link set veth0 nomaster
    ip link set veth0 master br0
    ip -d link show veth0
    ip -d link show br0
    ip link set br0 address 02:00:00:00:00:01
    ip -d link show br0
    ip -j -d link show veth0
  `,
  'tun and tap': `
    ip tuntap add dev tun0 mode tun
    ip link show tun0
    ip -j link show tun0
    ip -d link show tun0
    ip -j -d link show tun0
    ip -br link show tun0
    ip link set tun0 up
    ip link show tun0
    ip -br link show tun0
    ip -d link show tun0
    ip -j -p link show tun0
    ip tuntap add dev tap0 mode tap
    ip link show tap0
    ip -d link show tap0
    ip link set tap0 up
    ip link show tap0
    ip tuntap add dev tun1 mode tun pi
    ip -d link show tun1
    ip link set tun0 down
    ip link show tun0
  `,
  vxlan: `
    ip link add veth0 type veth peer name veth1
    ip link add vx0 type vxlan id 42 dstport 4789 remote 192.168.1.2 local 192.168.1.1 dev veth0
    ip link add vx1 type vxlan id 43 dstport 4789
    ip link add vx2 type vxlan id 44 dstport 4789 group 239.1.1.1 dev veth0
    ip link show
    ip -d link show vx0
    ip -d link show vx1
    ip -d link show vx2
    ip -j -d link show vx0
    ip -j -d link show vx2
    ip -j link show vx0
    ip link set vx1 up
    ip link show vx1
    ip link set vx0 up
    ip -br link
    ip -j -d link show vx1
  `,
  'selectors and errors': `
    ip netns add NS1
    ip link add veth0 type veth peer name veth1 netns NS1
    ip link add br0 type bridge
    ip link set veth0 master br0
    ip link set veth0 up
    ip link set br0 up
    ip -n NS1 link set veth1 up
    ip link show up
    ip -j link show up
    ip -j -p link show up
    ip link show dev veth0 up
    ip link show veth0 type bridge
    ip -j link show dev veth0 type bridge
    ip link show type nosuch
    ip -j link show type nosuch
    ip -j link show type bridge
    ip link show master lo
    ip link show dev nosuch
    ip -j link show dev nosuch
    ip link show nosuch
    ip link show master nosuch
    ip -4 link show
    ip -6 -br link show
  `,
};

/** Scenarios of `ip addr show` (render-addr.test.ts). */
export const ADDR_SCENARIOS: Record<string, string> = {
  'lo down and up in a new namespace': `
    ip netns add NS1
    ip -n NS1 addr show
    ip -n NS1 -j addr show
    ip -n NS1 -j -p addr show
    ip -n NS1 -br addr
    ip -n NS1 -o addr
    ip -n NS1 link set lo up
    ip -n NS1 addr
    ip -n NS1 -j -p addr
    ip -n NS1 -br addr
    ip -n NS1 -o addr
    ip -n NS1 link set lo down
    ip -n NS1 addr
    ip -n NS1 -j addr
    ip -n NS1 -6 addr
    ip -n NS1 link set lo up
    ip -n NS1 addr show lo
    ip addr
  `,
  'link-locals follow carrier': `
    ip netns add NS1
    ip link add veth0 type veth peer name veth1
    ip addr show
    ip link set veth0 up
    ip addr show
    ip -br addr
    ip link set veth1 up
    ip addr show
    ip -j addr show
    ip -br addr
    ip -o addr
    ip -6 addr
    ip -6 -j addr
    ip -6 -o addr
    ip -4 addr
    ip link set veth1 down
    ip addr show
    ip link set veth1 netns NS1
    ip addr show
    ip -n NS1 addr show
    ip -n NS1 link set veth1 up
    ip addr show
    ip -n NS1 addr show
    ip -n NS1 -j addr show
    ip -n NS1 -6 addr
    ip -d addr show veth0
  `,
  'bridge addresses': `
    ip link add br0 type bridge
    ip link set br0 up
    ip addr show br0
    ip link add veth0 type veth peer name veth1
    ip link set veth0 master br0
    ip addr add 10.0.0.1/24 dev br0
    ip link set veth0 up
    ip addr show
    ip link set veth1 up
    ip addr show
    ip addr show master br0
    ip addr show type bridge
    ip -j addr show type bridge
    ip -4 -d addr show br0
    ip addr show label br0
    ip addr show label 'br*'
    ip addr show nomaster
    ip link set veth0 nomaster
    ip addr show br0
    ip link add br1 type bridge
    ip link add veth2 type veth peer name veth3
    ip link set veth2 master br1
    ip link set veth2 up
    ip link set veth3 up
    ip link set br1 up
    ip addr show br1
  `,
  'tun addresses': `
    ip tuntap add dev tun0 mode tun
    ip addr add 10.9.0.1/24 dev tun0
    ip addr show tun0
    ip link set tun0 up
    ip addr show tun0
    ip -j addr show tun0
    ip -br addr show tun0
    ip link set tun0 down
    ip addr show tun0
    ip tuntap add dev tap0 mode tap
    ip link set tap0 up
    ip addr show tap0
  `,
  'vxlan addresses': `
    ip link add vx1 type vxlan id 43 dstport 4789
    ip addr add 10.8.0.1/24 dev vx1
    ip addr show vx1
    ip link set vx1 up
    ip addr show vx1
    ip -br addr
    ip -j addr show vx1
  `,
  'primary and secondary addresses on a down link': `
    ip link add veth0 type veth peer name veth1
    ip addr add 10.0.0.1/24 dev veth0
    ip addr add 10.0.0.2/24 dev veth0
    ip addr add 10.1.0.1/16 brd + dev veth0
    ip addr add 10.2.0.1/24 brd 10.2.0.9 dev veth0 label veth0:x
    ip addr add 10.3.0.1 peer 10.3.0.2/32 dev veth0
    ip addr add 10.4.0.1/24 dev veth0 scope link metric 50 noprefixroute
    ip addr add 192.168.5.5/32 dev veth0
    ip addr show dev veth0
    ip -j addr show dev veth0
    ip -j -p addr show dev veth0
    ip -br addr show dev veth0
    ip -o addr show dev veth0
    ip -4 addr
    ip -4 -o addr
    ip -6 addr
    ip -4 -br addr
    ip -6 -br addr
    ip -4 -j addr
    ip -6 -j addr
    ip addr show up
    ip -br addr show up
    ip -j addr show up
    ip addr show type bridge
    ip -j addr show type bridge
    ip -j -p addr show type bridge
    ip -0 addr
    ip -br -0 addr
    ip -d addr show dev veth0
    ip -o -4 addr show dev veth1
    ip addr show dev veth1
    ip -j addr show dev veth1
    ip -br addr show dev veth1
    ip -4 addr show dev veth1
    ip -4 -j addr show dev veth1
    ip addr show dev veth0 secondary
    ip -j addr show dev veth0 secondary
    ip addr show dev veth0 primary
    ip addr show scope link
    ip addr show to 10.0.0.0/8
    ip addr show label 'veth0:*'
    ip addr show dev nosuch
    ip addr show master nosuch
    ip link set veth0 up
    ip link set veth1 up
    ip addr show dev veth0
  `,
  'inet6 dump views': `
    ip netns add NS1
    ip link add dummyb type bridge
    ip link add veth0 type veth peer name veth1 netns NS1
    ip link add va type veth peer name vb
    ip link set veth0 up
    ip -n NS1 link set veth1 up
    ip link set va up
    ip link set dummyb up
    ip link show
    ip -6 addr
    ip -6 -j addr
    ip -6 -d addr
    ip -n NS1 -6 addr
    ip -6 -br addr
    ip -br -j addr
    ip -j -o addr
    ip -o -br addr
    ip link set vb up
    ip -6 addr show dev vb
    ip -6 addr show master dummyb
    ip -6 -j addr show type bridge
  `,
};

/** What the kernel printed for one line (golden/link-addr.json). */
export interface GoldenResult {
  line: string;
  exit: number;
  stdout: string;
  stderr: string;
}

/** One show line of a replayed scenario: the model's answer beside the kernel's. */
export interface Replayed {
  line: string;
  sim: { exit: number; stdout: string; stderr: string };
  kernel: GoldenResult;
}

/**
 * Runs a scenario against a fresh model (a host whose root namespace is the sandbox's, lo up)
 * and renders every show line. Changes must succeed, as they did on the kernel.
 */
export function replay(script: string, golden: GoldenResult[]): Replayed[] {
  // the kernel the golden file was recorded on
  const lab = new LabModel({ seed: 7, kernel: KERNEL_PROFILES['ci-6.18'] });
  const root = lab.addHost('h').root;
  const lines = scenarioLines(script);
  if (golden.length !== lines.length) throw new Error('golden file is out of date: run capture-golden.ts');
  const out: Replayed[] = [];
  lines.forEach((l, i) => {
    if (golden[i].line !== l.text) throw new Error(`golden file is out of date at "${l.text}"`);
    if ('op' in l) {
      const ns = l.ns === null ? root : root.host.namespaces.get(l.ns)!;
      apply({ ns }, l.op);
      return;
    }
    const s = l.show;
    const ns = s.ns === null ? root : root.host.namespaces.get(s.ns)!;
    const g = { ...defaultGlobals(), ...s.g };
    const f = { ...emptyLinkFilter(), ...s.f };
    const sim = s.obj === 'link' ? renderLinks({ ns }, g, f) : renderAddrs({ ns }, g, f);
    out.push({ line: l.text, sim, kernel: golden[i] });
  });
  return out;
}
