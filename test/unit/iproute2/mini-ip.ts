/**
 * A tiny `ip` for the renderer tests: turns the probe scripts' command lines (the subset they
 * use) into Ops, so each test reads like the shell session it was recorded from. Not the
 * project's parser — no abbreviations, no error messages of its own.
 */
import { LabModel } from '../../../src/model/lab-model.js';
import type { Netns } from '../../../src/model/netns.js';
import { parseIp4, parsePrefix } from '../../../src/model/ip.js';
import { apply } from '../../../src/ops/apply.js';
import type { Op, RouteAddOp, RouteDelOp } from '../../../src/ops/op.js';
import { rtprotA2n as protoId, rtscopeA2n as scopeId, rttableA2n as tableId, dsfieldA2n as dsfieldId } from '../../../src/iproute2/names.js';
import type { RouteType } from '../../../src/model/route.js';

function ip4(s: string): number {
  const a = parseIp4(s);
  if (a === null) throw new Error(`bad address ${s}`);
  return a;
}

const TYPES = ['unicast', 'local', 'broadcast', 'blackhole', 'unreachable', 'prohibit', 'throw', 'multicast', 'anycast'];

function routeOp(verb: string, w: string[]): RouteAddOp | RouteDelOp {
  let type: RouteType = 'unicast';
  let typeGiven = false;
  if (TYPES.includes(w[0])) {
    type = w.shift() as RouteType;
    typeGiven = true;
  }
  const p = parsePrefix(w.shift()!)!;
  const spec = {
    type,
    dst: p.addr,
    dstLen: p.len,
    table: null as number | null,
    dev: null as string | null,
    gateway: null as number | null,
    prefsrc: null as number | null,
    metric: null as number | null,
    protocol: null as number | null,
    scope: null as number | null,
    onlink: false,
    tos: 0,
    mtu: null as number | null,
  };
  while (w.length) {
    const k = w.shift()!;
    if (k === 'onlink') spec.onlink = true;
    else {
      const v = w.shift()!;
      if (k === 'via') spec.gateway = ip4(v);
      else if (k === 'dev') spec.dev = v;
      else if (k === 'src') spec.prefsrc = ip4(v);
      else if (k === 'metric') spec.metric = Number(v);
      else if (k === 'table') spec.table = tableId(v);
      else if (k === 'proto') spec.protocol = protoId(v);
      else if (k === 'scope') spec.scope = scopeId(v);
      else if (k === 'tos') spec.tos = dsfieldId(v)!;
      else if (k === 'mtu') spec.mtu = Number(v);
      else throw new Error(`route: ${k}?`);
    }
  }
  if (verb === 'del') return { op: 'route.del', route: { ...spec, type: typeGiven ? type : null, typeGiven } };
  return { op: 'route.add', mode: verb as RouteAddOp['mode'], route: spec };
}

/** One command line (without the leading `ip`) as an Op. */
export function toOp(line: string): Op {
  const w = line.trim().split(/\s+/);
  const obj = w.shift()!;
  const verb = w.shift()!;
  if (obj === 'netns') return { op: verb === 'add' ? 'netns.add' : 'netns.del', name: w[0] } as Op;
  if (obj === 'link' && verb === 'add') {
    // link add NAME type veth peer name PEER [netns NS]
    const peerNs = w.indexOf('netns');
    return {
      op: 'link.add',
      name: w[0],
      kind: w[2],
      netns: null,
      mtu: null,
      address: null,
      up: false,
      master: null,
      txqlen: null,
      peer: w[2] === 'veth' ? { name: w[5], netns: peerNs >= 0 ? w[peerNs + 1] : null, mtu: null, address: null } : null,
      vxlan: null,
      bridge: null,
    };
  }
  if (obj === 'link' && verb === 'del') return { op: 'link.del', dev: w[0], kind: null };
  if (obj === 'link' && verb === 'set') {
    const dev = w.shift()!;
    const o = { op: 'link.set', dev, up: null, mtu: null, address: null, name: null, master: null, netns: null, txqlen: null, bridge: null } as Record<string, unknown>;
    while (w.length) {
      const k = w.shift()!;
      if (k === 'up') o.up = true;
      else if (k === 'down') o.up = false;
      else if (k === 'netns') o.netns = w.shift();
      else if (k === 'master') o.master = w.shift();
      else throw new Error(`link set: ${k}?`);
    }
    return o as unknown as Op;
  }
  if (obj === 'addr') {
    if (verb === 'flush') return { op: 'addr.flush', dev: w[w.indexOf('dev') + 1], scope: null, to: null };
    const p = parsePrefix(w.shift()!)!;
    const o = {
      op: 'addr.add',
      mode: 'add',
      dev: '',
      local: p.addr,
      prefixLen: p.len,
      peer: null as number | null,
      broadcast: null as number | '+' | '-' | null,
      scope: null as number | null,
      label: null,
      noprefixroute: false,
      metric: null as number | null,
    };
    while (w.length) {
      const k = w.shift()!;
      if (k === 'noprefixroute') o.noprefixroute = true;
      else {
        const v = w.shift()!;
        if (k === 'dev') o.dev = v;
        else if (k === 'peer') {
          const q = parsePrefix(v)!;
          o.peer = q.addr;
          if (q.lenGiven) o.prefixLen = q.len;
        } else if (k === 'brd' || k === 'broadcast') o.broadcast = v === '+' || v === '-' ? v : ip4(v);
        else if (k === 'scope') o.scope = scopeId(v);
        else if (k === 'metric') o.metric = Number(v);
        else throw new Error(`addr: ${k}?`);
      }
    }
    if (verb === 'del') return { op: 'addr.del', dev: o.dev, local: p.addr, prefixLen: p.lenGiven ? p.len : null, peer: o.peer };
    return o as Op;
  }
  if (obj === 'route') return routeOp(verb, w);
  if (obj === 'rule') {
    const o = { op: 'rule.add', del: verb === 'del', priority: null, table: null, src: null, dst: null, iif: null, oif: null, action: 'lookup' } as Record<string, unknown>;
    while (w.length) {
      const k = w.shift()!;
      if (['blackhole', 'unreachable', 'prohibit'].includes(k)) o.action = k;
      else {
        const v = w.shift()!;
        if (k === 'from' || k === 'to') {
          const p = v === 'all' ? null : parsePrefix(v)!;
          o[k === 'from' ? 'src' : 'dst'] = p ? { addr: p.addr, len: p.len } : null;
        } else if (k === 'table' || k === 'lookup') o.table = tableId(v);
        else if (k === 'priority' || k === 'pref') o.priority = Number(v);
        else if (k === 'iif' || k === 'oif') o[k] = v;
        else throw new Error(`rule: ${k}?`);
      }
    }
    return o as unknown as Op;
  }
  if (obj === 'neigh') {
    const dst = ip4(w[0]);
    const lladdr = w.includes('lladdr') ? w[w.indexOf('lladdr') + 1] : null;
    const nud = w.includes('nud') ? w[w.indexOf('nud') + 1] : 'permanent';
    return { op: 'neigh.add', mode: verb as 'add', dst, dev: w[w.indexOf('dev') + 1], lladdr, state: nud as 'permanent' };
  }
  throw new Error(`mini-ip: ${line}`);
}

/** A host whose root namespace is the sandbox's: `lo` up. */
export function sandbox(): { lab: LabModel; ns: Netns } {
  const lab = new LabModel({ seed: 1 });
  const h = lab.addHost('h');
  return { lab, ns: h.root };
}

/** Runs command lines against a namespace (`-n NS ` prefix selects a named one); throws on refusal. */
export function run(ns: Netns, script: string): void {
  for (const raw of script.split('\n')) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    let target = ns;
    const m = /^-n (\S+) (.*)$/.exec(line);
    if (m) {
      target = ns.host.namespaces.get(m[1])!;
      line = m[2];
    }
    apply({ ns: target }, toOp(line));
  }
}
