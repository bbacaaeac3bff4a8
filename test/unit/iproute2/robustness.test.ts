/**
 * Thousands of generated and mutated `ip` / `bridge` command lines — typos like 172.16.1..2,
 * missing and doubled arguments, unknown devices, words in the wrong order — against a small
 * model. Whatever the input: no exception, always a CommandResult, the model's invariants
 * hold, and a command that fails leaves the model exactly as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabModel } from '../../../src/model/lab-model.js';
import type { Link } from '../../../src/model/link.js';
import { checkInvariants } from '../../../src/model/invariants.js';
import { ip4ToString } from '../../../src/model/ip.js';
import { freshLab, runLine } from './replay.js';

/** A small lab: NS1 and NS2, a veth pair across them, a bridge with a port, a VXLAN device. */
function smallLab(): ReturnType<typeof freshLab> {
  const l = freshLab();
  for (const line of [
    'ip netns add NS1',
    'ip netns add NS2',
    'ip link add v0 type veth peer name v1 netns NS1',
    'ip link add br0 type bridge',
    'ip link add v2 type veth peer name v3',
    'ip link set v2 master br0',
    'ip addr add 10.0.0.1/24 dev br0',
    'ip link set br0 up',
    'ip link set v2 up',
    'ip link add vx0 type vxlan id 42 dstport 4789 remote 10.0.0.2',
    'ip -n NS1 addr add 10.0.0.2/24 dev v1',
    'ip -n NS1 link set v1 up',
    'ip -n NS1 route add default via 10.0.0.1',
  ]) {
    const r = runLine(l.ctx, line);
    if (r.exit !== 0) throw new Error(`setup failed: ${line}: ${r.stderr}`);
  }
  return l;
}

function linkName(l: Link | null | undefined): string | null {
  return l ? `${l.ns.path}:${l.name}` : null;
}

/** Everything a command can change, in a form that compares with toEqual. */
function snapshot(lab: LabModel): unknown {
  return lab.namespaces().map((ns) => ({
    ns: ns.path,
    links: ns.linkList().map((l) => ({
      ifindex: l.ifindex,
      name: l.name,
      kind: l.kind,
      up: l.up,
      mtu: l.mtu,
      mac: l.mac,
      txqlen: l.txqlen,
      master: linkName(l.master),
      peer: linkName(l.peer),
      addrs: l.addrs.map((a) => ({ ...a })),
      bridge: l.bridge ? { ...l.bridge } : null,
      vxlan: l.vxlan ? { ...l.vxlan } : null,
      tun: l.tun ? { ...l.tun } : null,
      fdb: l.fdb.map((e) => ({ ...e })),
    })),
    tables: [...ns.tables.entries()].map(([id, t]) => [id, t.routes.map((r) => ({ ...r, dev: linkName(r.dev), dst: ip4ToString(r.dst) }))]),
    rules: ns.rules.map((r) => ({ ...r })),
    neigh: [...ns.staticNeigh.entries()].map(([k, v]) => [k, v.ip, v.lladdr, v.state, linkName(v.dev)]),
    all: { ...ns.all },
  }));
}

const NAMES = ['v0', 'v1', 'v2', 'v3', 'br0', 'vx0', 'lo', 'nosuch', 'NS1', 'NS2', 'NS9', 't0', 'veth9', 'verylongname12345', ''];
const ADDRS = [
  '10.0.0.1',
  '10.0.0.2',
  '10.0.0.3/24',
  '10.0.1.0/24',
  '172.16.1..2',
  '172.16.1.2/33',
  '0/0',
  'default',
  'all',
  '1.2.3',
  '256.1.1.1',
  '10.0.0.0/255.255.255.0',
  '2001:db8::1',
  '-1',
  '0x10',
];
const WORDS = [
  'add',
  'del',
  'delete',
  'set',
  'show',
  'list',
  'flush',
  'replace',
  'append',
  'change',
  'prepend',
  'get',
  'help',
  'dev',
  'via',
  'src',
  'metric',
  'table',
  'proto',
  'scope',
  'onlink',
  'type',
  'peer',
  'name',
  'netns',
  'master',
  'nomaster',
  'up',
  'down',
  'mtu',
  'address',
  'brd',
  '+',
  'label',
  'lladdr',
  'nud',
  'pref',
  'from',
  'to',
  'lookup',
  'mode',
  'tun',
  'tap',
  'veth',
  'bridge',
  'vxlan',
  'dummy',
  'id',
  'dstport',
  'remote',
  'local',
  'group',
  'stp_state',
  'blackhole',
  'local',
  'unreachable',
  'main',
  '100',
  '0',
  '-1',
  '4294967296',
  'x',
  '-',
  '--',
  '/',
  '02:00:00:00:00:01',
  '00:00:00:00:00:00',
  'zz:zz',
  'self',
  'master',
  'append',
  'permanent',
  '-n',
  '-j',
  '-4',
  '-6',
  '-d',
  '-s',
  '-br',
  '-all',
  'on',
  'off',
];

const TEMPLATES: fc.Arbitrary<string[]>[] = [
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([a, b]) => ['ip', 'link', 'add', a, 'type', 'veth', 'peer', 'name', b]),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([a, b]) => ['ip', 'link', 'add', a, 'type', 'veth', 'peer', 'name', b, 'netns', 'NS2']),
  fc.constantFrom(...NAMES).map((a) => ['ip', 'link', 'add', a, 'type', 'bridge']),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('up', 'down')).map(([a, s]) => ['ip', 'link', 'set', 'dev', a, s]),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([a, b]) => ['ip', 'link', 'set', a, 'master', b]),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([a, b]) => ['ip', 'link', 'set', a, 'netns', b]),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...NAMES)).map(([a, b]) => ['ip', 'link', 'set', a, 'name', b]),
  fc.constantFrom(...NAMES).map((a) => ['ip', 'link', 'set', a, 'nomaster']),
  fc.constantFrom(...NAMES).map((a) => ['ip', 'link', 'del', a]),
  fc.tuple(fc.constantFrom(...ADDRS), fc.constantFrom(...NAMES)).map(([p, d]) => ['ip', 'addr', 'add', p, 'dev', d]),
  fc.tuple(fc.constantFrom(...ADDRS), fc.constantFrom(...NAMES)).map(([p, d]) => ['ip', 'addr', 'del', p, 'dev', d]),
  fc.constantFrom(...NAMES).map((d) => ['ip', 'addr', 'flush', 'dev', d]),
  fc
    .tuple(fc.constantFrom('add', 'del', 'replace', 'append', 'change', 'prepend'), fc.constantFrom(...ADDRS), fc.constantFrom(...ADDRS), fc.constantFrom(...NAMES))
    .map(([v, p, gw, d]) => ['ip', 'route', v, p, 'via', gw, 'dev', d]),
  fc.tuple(fc.constantFrom(...ADDRS), fc.constantFrom(...NAMES)).map(([p, d]) => ['ip', 'route', 'add', p, 'dev', d, 'metric', '5']),
  fc.tuple(fc.constantFrom(...ADDRS), fc.constantFrom(...NAMES)).map(([p, d]) => ['ip', 'route', 'add', p, 'via', '10.0.0.2', 'dev', d, 'onlink']),
  fc.constantFrom(...NAMES).map((d) => ['ip', 'route', 'flush', 'dev', d]),
  fc.constantFrom(...NAMES).map((n) => ['ip', 'netns', 'add', n]),
  fc.constantFrom(...NAMES).map((n) => ['ip', 'netns', 'del', n]),
  fc.tuple(fc.constantFrom(...ADDRS), fc.constantFrom(...NAMES)).map(([a, d]) => ['ip', 'neigh', 'add', a, 'lladdr', '02:00:00:00:00:09', 'dev', d]),
  fc.tuple(fc.constantFrom(...ADDRS)).map(([a]) => ['ip', 'rule', 'add', 'from', a, 'table', '100']),
  fc.tuple(fc.constantFrom(...ADDRS)).map(([a]) => ['ip', 'rule', 'del', 'from', a]),
  fc.constantFrom(...NAMES).map((n) => ['ip', 'tuntap', 'add', 'dev', n, 'mode', 'tun']),
  fc.constantFrom(...NAMES).map((n) => ['ip', 'tuntap', 'del', 'dev', n, 'mode', 'tun']),
  fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...ADDRS)).map(([n, a]) => ['ip', 'link', 'add', n, 'type', 'vxlan', 'id', '7', 'dstport', '4789', 'remote', a]),
  fc
    .tuple(fc.constantFrom('add', 'append', 'replace', 'del'), fc.constantFrom('00:00:00:00:00:00', '02:00:00:00:00:01', 'zz'), fc.constantFrom(...NAMES), fc.constantFrom(...ADDRS))
    .map(([v, mac, d, a]) => ['bridge', 'fdb', v, mac, 'dev', d, 'dst', a]),
  fc.constantFrom(...NAMES).map((n) => ['ip', '-n', n, 'addr', 'add', '10.9.0.1/24', 'dev', 'v1']),
  fc.constant(['ip', 'route', 'show']),
  fc.constant(['ip', '-j', 'addr']),
  fc.constant(['bridge', 'link']),
];

/** A typo, a dropped or doubled word, two words swapped, or a word from elsewhere. */
function mutate(words: string[], kind: number, at: number, word: string): string[] {
  const w = [...words];
  if (w.length < 2) return w;
  const i = 1 + (at % (w.length - 1));
  switch (kind) {
    case 0:
      return w;
    case 1:
      w.splice(i, 1);
      return w;
    case 2:
      w.splice(i, 0, w[i]);
      return w;
    case 3:
      if (i + 1 < w.length) [w[i], w[i + 1]] = [w[i + 1], w[i]];
      return w;
    case 4:
      w[i] = word;
      return w;
    case 5:
      w.splice(i, 0, word);
      return w;
    case 6:
      return w.slice(0, i);
    default:
      // a typo inside a word: a character doubled (172.16.1.2 -> 172.16.1..2)
      w[i] = w[i].length > 1 ? w[i].slice(0, at % w[i].length) + w[i][at % w[i].length] + w[i].slice(at % w[i].length) : `${w[i]}.`;
      return w;
  }
}

const commandArb = fc
  .tuple(fc.oneof(...TEMPLATES), fc.integer({ min: 0, max: 7 }), fc.nat(), fc.constantFrom(...WORDS, ...NAMES, ...ADDRS))
  .map(([words, kind, at, word]) => mutate(words, kind, at, word));

describe('robustness of the iproute2 front end', () => {
  it('never throws, always answers, keeps the model sound, and changes nothing when it fails', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { minLength: 1, maxLength: 12 }), (cmds) => {
        const { lab, ctx } = smallLab();
        for (const words of cmds) {
          const line = words.map((w) => (w === '' || /\s/.test(w) ? `"${w}"` : w)).join(' ');
          const before = snapshot(lab);
          const r = runLine(ctx, line);
          expect(Number.isInteger(r.exit)).toBe(true);
          expect(r.exit).toBeGreaterThanOrEqual(0);
          expect(r.exit).toBeLessThanOrEqual(255);
          expect(typeof r.stdout).toBe('string');
          expect(typeof r.stderr).toBe('string');
          if (r.exit !== 0) expect(snapshot(lab), line).toEqual(before);
          expect(checkInvariants(lab), line).toEqual([]);
        }
      }),
      { numRuns: 600, seed: 20251126 },
    );
  });

  it('survives arbitrary words', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...WORDS, ...NAMES, ...ADDRS), fc.string({ maxLength: 8 })), { maxLength: 10 }), fc.constantFrom('ip', 'bridge', 'brctl'), (argv, prog) => {
        const { lab, ctx } = smallLab();
        const line = [prog, ...argv].map((w) => (w === '' || /\s|"/.test(w) ? `"${w.replace(/"/g, '')}"` : w)).join(' ');
        const r = runLine(ctx, line);
        expect(typeof r.exit).toBe('number');
        expect(checkInvariants(lab), line).toEqual([]);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});
