/**
 * Ops to iproute2 command lines. Every command is an argv (never a shell string), and every
 * name that reaches one is checked first: a link name the kernel would refuse, or any name that
 * could change how a command line or an `ip -batch` line is read (a blank, a slash, a quote, a
 * leading `#` or `-`), stops compilation with a CompileError naming the culprit.
 *
 * @example
 * compileOp(build.veth('v0', 'v1', 'NS1'));
 * // { program: 'ip', argv: ['link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1', 'netns', 'NS1'] }
 */
import { ip4ToString, type Ip4 } from '../../src/model/ip.js';
import type { LinkKind } from '../../src/model/link.js';
import type { Op, RouteSpec } from '../../src/ops/op.js';
import { ip6PrefixText } from '../../src/model/ipv6/ip6.js';
import { formatEither } from '../../src/model/ipv6/either.js';
import { compileOp6 } from './compile6.js';
import { KIND_ADAPTERS, type KindAdapter } from './kinds/index.js';

import { bridgeArgs } from './kinds/bridge.js';
import { vlanArgs } from './kinds/vlan.js';
import { ipTunnelArgs } from './kinds/iptnl.js';

export { vxlanArgs } from './kinds/vxlan.js';

/**
 * Thrown when an Op or a model cannot be turned into safe command lines.
 *
 * @example
 * try { compileOp({ op: 'netns.add', name: 'a b' }); } catch (e) { e instanceof CompileError; } // true
 */
export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}

/**
 * One command for the kernel: the program and its arguments (without the program).
 *
 * @example
 * const c: Command = { program: 'ip', argv: ['link', 'set', 'dev', 'v0', 'up'] };
 */
export interface Command {
  program: 'ip' | 'bridge' | 'sysctl';
  argv: string[];
}

/** Characters that would change how a command or batch line is split or read. */
const UNSAFE = /[\s/"'\\\0]/;

/**
 * Why `name` cannot be a link name, or null when it can: at most 15 bytes (IFNAMSIZ - 1), not
 * empty, no slash, colon, blank or quote, not `.`/`..`, not starting with `-` or `#`.
 *
 * @example
 * linkNameProblem('veth-pod1');         // null
 * linkNameProblem('a-very-long-name0'); // 'link name "a-very-long-name0" is longer than 15 bytes'
 */
export function linkNameProblem(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'a link name must not be empty';
  if (Buffer.byteLength(name) > 15) return `link name "${name}" is longer than 15 bytes`;
  if (name === '.' || name === '..') return `link name "${name}" is not allowed`;
  if (UNSAFE.test(name) || name.includes(':')) return `link name ${JSON.stringify(name)} contains a slash, colon, blank or quote`;
  if (name.startsWith('-') || name.startsWith('#')) return `link name "${name}" starts with "${name[0]}"`;
  return null;
}

/**
 * Why `name` cannot be a namespace name, or null when it can: 1 to 64 bytes, no slash, blank or
 * quote, not `.`/`..`, not starting with `-` or `#`, and not all digits (ip would read a number
 * as a process id).
 *
 * @example
 * netnsNameProblem('NS1');     // null
 * netnsNameProblem('../etc');  // 'namespace name "../etc" contains a slash, blank or quote'
 */
export function netnsNameProblem(name: string): string | null {
  if (typeof name !== 'string' || name.length === 0) return 'a namespace name must not be empty';
  if (Buffer.byteLength(name) > 64) return `namespace name "${name}" is longer than 64 bytes`;
  if (name === '.' || name === '..') return `namespace name "${name}" is not allowed`;
  if (UNSAFE.test(name)) return `namespace name ${JSON.stringify(name)} contains a slash, blank or quote`;
  if (name.startsWith('-') || name.startsWith('#')) return `namespace name "${name}" starts with "${name[0]}"`;
  if (/^\d+$/.test(name)) return `namespace name "${name}" is all digits (ip would take it for a process id)`;
  return null;
}

export function checkLinkName(name: string): string {
  const p = linkNameProblem(name);
  if (p) throw new CompileError(p);
  return name;
}

export function checkNetnsName(name: string): string {
  const p = netnsNameProblem(name);
  if (p) throw new CompileError(p);
  return name;
}

/** An address label: a link name, optionally followed by `:` and more (eth0:1), 15 bytes at most. */
function checkLabel(label: string): string {
  if (Buffer.byteLength(label) > 15 || label.length === 0 || UNSAFE.test(label) || /^[-#]/.test(label)) {
    throw new CompileError(`address label ${JSON.stringify(label)} is not a valid label`);
  }
  return label;
}

export function checkMac(mac: string): string {
  if (!/^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/.test(mac)) throw new CompileError(`"${mac}" is not a MAC address`);
  return mac.toLowerCase();
}

export function checkInt(n: number, what: string): string {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new CompileError(`${what} ${n} is not an unsigned integer`);
  return String(n);
}

/** An interface alias as IFLA_IFALIAS takes it: text under 256 bytes, no NUL (one argv word: nothing reads it as a path). */
export function checkAlias(text: string): string {
  if (text.includes('\0') || Buffer.byteLength(text) >= 256) throw new CompileError(`alias ${JSON.stringify(text)} is not an interface alias`);
  return text;
}

/** A sysctl key in slash form (net/ipv4/conf/eth0.100/rp_filter), so dotted link names survive. */
export function sysctlKeyPath(key: string): string {
  const parts = key.includes('/') ? key.split('/') : splitDottedKey(key);
  for (const p of parts) {
    if (!p || UNSAFE.test(p) || p === '.' || p === '..' || p.startsWith('-')) throw new CompileError(`sysctl key "${key}" is not safe`);
  }
  if (parts[0] !== 'net') throw new CompileError(`sysctl key "${key}" is outside net.*`);
  return parts.join('/');
}

/** net.ipv4.conf.IFACE.key: IFACE may itself contain dots. */
function splitDottedKey(key: string): string[] {
  const m = /^net\.ipv4\.conf\.(.+)\.([a-z_]+)$/.exec(key);
  if (m) return ['net', 'ipv4', 'conf', m[1], m[2]];
  return key.split('.');
}

const prefix = (a: Ip4, len: number) => `${ip4ToString(a)}/${len}`;

function linkAdd(op: Extract<Op, { op: 'link.add' }>): string[] {
  const out = ['link', 'add'];
  if (op.name !== null) out.push(checkLinkName(op.name));
  if (op.netns !== null) out.push('netns', checkNetnsName(op.netns));
  if (op.mtu !== null) out.push('mtu', checkInt(op.mtu, 'mtu'));
  if (op.address !== null) out.push('address', checkMac(op.address));
  if (op.txqlen !== null) out.push('txqlen', checkInt(op.txqlen, 'txqlen'));
  if (op.master !== null) out.push('master', checkLinkName(op.master));
  if (op.up) out.push('up');
  out.push('type', kindWord(op.kind));
  const kind = KIND_ADAPTERS[op.kind as LinkKind] as KindAdapter | undefined;
  if (kind) out.push(...kind.opArgs(op));
  return out;
}

function kindWord(kind: string): string {
  if (!/^[a-z0-9_]+$/.test(kind)) throw new CompileError(`link kind "${kind}" is not safe`);
  return kind;
}

/** The words of a route after the verb: `[TYPE] DST [tos] [table] [proto] [scope] [metric] [dev] [via] [src] [onlink] [mtu]`. */
export function routeArgs(r: Partial<Omit<RouteSpec, 'type'>> & { dst: Ip4; dstLen: number; type: RouteSpec['type'] | null }): string[] {
  const out: string[] = [];
  if (r.type !== null && r.type !== 'unicast') out.push(r.type);
  out.push(r.dstLen === 0 && r.dst === 0 ? 'default' : prefix(r.dst, r.dstLen));
  if (r.tos) out.push('tos', checkInt(r.tos, 'tos'));
  if (r.table !== null && r.table !== undefined) out.push('table', checkInt(r.table, 'table'));
  if (r.protocol !== null && r.protocol !== undefined) out.push('proto', checkInt(r.protocol, 'proto'));
  if (r.scope !== null && r.scope !== undefined) out.push('scope', checkInt(r.scope, 'scope'));
  if (r.metric !== null && r.metric !== undefined) out.push('metric', checkInt(r.metric, 'metric'));
  if (r.dev !== null && r.dev !== undefined) out.push('dev', checkLinkName(r.dev));
  if (r.gateway !== null && r.gateway !== undefined) out.push('via', ip4ToString(r.gateway));
  if (r.prefsrc !== null && r.prefsrc !== undefined) out.push('src', ip4ToString(r.prefsrc));
  if (r.onlink) out.push('onlink');
  if (r.mtu !== null && r.mtu !== undefined) out.push('mtu', checkInt(r.mtu, 'mtu'));
  if (r.nhid !== undefined) out.push('nhid', checkInt(r.nhid, 'nhid'));
  // `nexthop` takes every word after it: last
  for (const h of r.hops ?? []) {
    out.push('nexthop');
    if (h.gateway !== null) out.push('via', ip4ToString(h.gateway));
    if (h.dev !== null) out.push('dev', checkLinkName(h.dev));
    out.push('weight', checkInt(h.weight, 'weight'));
    if (h.onlink) out.push('onlink');
  }
  return out;
}

/**
 * The iproute2 command for one Op. Throws CompileError when a name is not safe.
 *
 * @example
 * compileOp({ op: 'netns.add', name: 'NS1' }); // { program: 'ip', argv: ['netns', 'add', 'NS1'] }
 */
export function compileOp(op: Op): Command {
  switch (op.op) {
    case 'link.add':
      return { program: 'ip', argv: linkAdd(op) };
    case 'link.set': {
      const out = ['link', 'set', 'dev', checkLinkName(op.dev)];
      if (op.name !== null) out.push('name', checkLinkName(op.name));
      if (op.netns !== null) out.push('netns', checkNetnsName(op.netns));
      if (op.mtu !== null) out.push('mtu', checkInt(op.mtu, 'mtu'));
      if (op.address !== null) out.push('address', checkMac(op.address));
      if (op.txqlen !== null) out.push('txqlen', checkInt(op.txqlen, 'txqlen'));
      if (op.alias !== undefined) out.push('alias', checkAlias(op.alias));
      if (op.master !== null) out.push(...(op.master === '' ? ['nomaster'] : ['master', checkLinkName(op.master)]));
      if (op.up !== null) out.push(op.up ? 'up' : 'down');
      if (op.bridge) out.push('type', 'bridge', ...bridgeArgs(op.bridge));
      if (op.macvlan?.mode) out.push('type', 'macvlan', 'mode', op.macvlan.mode);
      if (op.vlan) out.push('type', 'vlan', ...vlanArgs(op.vlan));
      if (op.iptnl?.kind) out.push('type', op.iptnl.kind, ...ipTunnelArgs(op.iptnl.kind, op.iptnl));
      if (op.bridgePort?.hairpin != null) out.push('type', 'bridge_slave', 'hairpin', op.bridgePort.hairpin ? 'on' : 'off');
      return { program: 'ip', argv: out };
    }
    case 'link.del':
      return { program: 'ip', argv: ['link', 'del', 'dev', checkLinkName(op.dev), ...(op.kind ? ['type', kindWord(op.kind)] : [])] };
    case 'addr.add': {
      const out = ['addr', op.mode, op.peer !== null ? ip4ToString(op.local) : prefix(op.local, op.prefixLen)];
      if (op.peer !== null) out.push('peer', prefix(op.peer, op.prefixLen));
      if (op.broadcast !== null) out.push('broadcast', typeof op.broadcast === 'number' ? ip4ToString(op.broadcast) : op.broadcast);
      if (op.scope !== null) out.push('scope', checkInt(op.scope, 'scope'));
      if (op.label !== null) out.push('label', checkLabel(op.label));
      if (op.noprefixroute) out.push('noprefixroute');
      if (op.metric !== null) out.push('metric', checkInt(op.metric, 'metric'));
      out.push('dev', checkLinkName(op.dev));
      return { program: 'ip', argv: out };
    }
    case 'addr.del': {
      const out = ['addr', 'del', op.prefixLen === null || op.peer !== null ? ip4ToString(op.local) : prefix(op.local, op.prefixLen)];
      if (op.peer !== null) out.push('peer', op.prefixLen === null ? ip4ToString(op.peer) : prefix(op.peer, op.prefixLen));
      out.push('dev', checkLinkName(op.dev));
      return { program: 'ip', argv: out };
    }
    case 'addr.flush': {
      const out = ['addr', 'flush'];
      if (op.dev !== null) out.push('dev', checkLinkName(op.dev));
      if (op.scope !== null) out.push('scope', checkInt(op.scope, 'scope'));
      if (op.to !== null) out.push('to', op.to.addr6 !== undefined ? ip6PrefixText(op.to.addr6, op.to.len) : prefix(op.to.addr, op.to.len));
      if (op.family) out.unshift(op.family === 'inet6' ? '-6' : '-4');
      return { program: 'ip', argv: out };
    }
    case 'route.add':
      return { program: 'ip', argv: ['route', op.mode, ...routeArgs(op.route)] };
    case 'route.del': {
      const r = op.route;
      return { program: 'ip', argv: ['route', 'del', ...routeArgs({ ...r, type: r.typeGiven ? r.type : null })] };
    }
    case 'route.flush': {
      const out = ['route', 'flush'];
      if (op.root !== null) out.push('root', prefix(op.root.addr, op.root.len));
      if (op.table !== null) out.push('table', checkInt(op.table, 'table'));
      if (op.dev !== null) out.push('dev', checkLinkName(op.dev));
      if (op.protocol !== null) out.push('proto', checkInt(op.protocol, 'proto'));
      if (out.length === 2) out.push('table', 'main');
      return { program: 'ip', argv: out };
    }
    case 'route.flushCache':
      return { program: 'ip', argv: ['route', 'flush', 'cache'] };
    case 'nexthop.add': {
      const out = ['nexthop', op.replace ? 'replace' : 'add'];
      if (op.id !== null) out.push('id', checkInt(op.id, 'id'));
      if (op.group) out.push('group', op.group.map((m) => `${checkInt(m.id, 'id')},${checkInt(m.weight, 'weight')}`).join('/'));
      if (op.blackhole) out.push('blackhole');
      if (op.gateway !== null) out.push('via', ip4ToString(op.gateway));
      if (op.dev !== null) out.push('dev', checkLinkName(op.dev));
      if (op.onlink) out.push('onlink');
      if (op.protocol) out.push('protocol', checkInt(op.protocol, 'protocol'));
      return { program: 'ip', argv: out };
    }
    case 'nexthop.del':
      return { program: 'ip', argv: op.id === null ? ['nexthop', 'del'] : ['nexthop', 'del', 'id', checkInt(op.id, 'id')] };
    case 'netns.add':
      return { program: 'ip', argv: ['netns', 'add', checkNetnsName(op.name)] };
    case 'netns.del':
      return { program: 'ip', argv: ['netns', 'del', checkNetnsName(op.name)] };
    case 'netns.setid':
      return { program: 'ip', argv: ['netns', 'set', checkNetnsName(op.name), op.nsid === null ? 'auto' : checkInt(op.nsid, 'nsid')] };
    case 'sysctl.set': {
      if (!/^-?\d+$/.test(op.value)) throw new CompileError(`sysctl value "${op.value}" is not an integer`);
      return { program: 'sysctl', argv: ['-q', '-w', `${sysctlKeyPath(op.key)}=${op.value}`] };
    }
    case 'tuntap.add':
      return { program: 'ip', argv: ['tuntap', 'add', 'dev', checkLinkName(op.name), 'mode', op.mode, ...(op.pi ? ['pi'] : [])] };
    case 'tuntap.del':
      return { program: 'ip', argv: ['tuntap', 'del', 'dev', checkLinkName(op.name), 'mode', op.mode] };
    case 'fdb.add': {
      const out = ['fdb', op.mode, checkMac(op.mac), 'dev', checkLinkName(op.dev)];
      if (op.dst !== null) out.push('dst', formatEither(op.dst));
      if (op.master) out.push('master');
      if (op.self) out.push('self');
      if (op.permanent) out.push('permanent');
      else if (op.master) out.push('static');
      return { program: 'bridge', argv: out };
    }
    case 'bridge.vlan': {
      const vid = op.vidEnd === null ? checkInt(op.vid, 'vid') : `${checkInt(op.vid, 'vid')}-${checkInt(op.vidEnd, 'vid')}`;
      const out = ['vlan', op.mode, 'vid', vid, 'dev', checkLinkName(op.dev)];
      for (const f of ['pvid', 'untagged', 'self', 'master'] as const) if (op[f]) out.push(f);
      return { program: 'bridge', argv: out };
    }
    case 'rule.add': {
      const out = ['rule', op.del ? 'del' : 'add'];
      if (op.priority !== null) out.push('priority', checkInt(op.priority, 'priority'));
      out.push('from', op.src ? prefix(op.src.addr, op.src.len) : 'all');
      if (op.dst) out.push('to', prefix(op.dst.addr, op.dst.len));
      if (op.iif !== null) out.push('iif', checkLinkName(op.iif));
      if (op.oif !== null) out.push('oif', checkLinkName(op.oif));
      if (op.action === 'lookup') {
        if (op.table !== null) out.push('lookup', checkInt(op.table, 'table'));
      } else out.push(op.action);
      if (op.suppressPrefixlen !== undefined) out.push('suppress_prefixlength', checkInt(op.suppressPrefixlen, 'suppress_prefixlength'));
      return { program: 'ip', argv: out };
    }
    case 'neigh.add': {
      const out = ['neigh', op.mode, ip4ToString(op.dst)];
      if (op.lladdr !== null) out.push('lladdr', checkMac(op.lladdr));
      if (op.mode !== 'del') out.push('nud', op.state);
      out.push('dev', checkLinkName(op.dev));
      return { program: 'ip', argv: out };
    }
    case 'addr6.add':
    case 'addr6.del':
    case 'route6.add':
    case 'route6.del':
    case 'rule6.add':
    case 'neigh6.add':
      return compileOp6(op);
    case 'neigh.proxy': {
      const out = ['neigh', op.mode, 'proxy', ip4ToString(op.dst)];
      if (op.dev !== null) out.push('dev', checkLinkName(op.dev));
      if (op.router) out.push('router');
      return { program: 'ip', argv: out };
    }
    case 'nf.xt':
    case 'nf.nft':
      // a script's iptables/nft lines reach the kernel as the commands themselves (with their
      // stdin); a model's rules are not yet materialized in a sandbox (that would be
      // iptables-restore / nft -f input, never argv)
      throw new CompileError('netfilter rules are not materialized from a model yet (run the iptables/nft commands instead)');
  }
}

/**
 * One `ip -batch` / `bridge -batch` line. iproute2 splits batch lines on blanks, honours quotes
 * and backslashes and drops everything after a `#`, so a word containing any of those (or
 * nothing) is refused rather than quoted.
 *
 * @example
 * batchLine(['link', 'set', 'dev', 'v0', 'up']); // 'link set dev v0 up'
 */
export function batchLine(argv: string[]): string {
  for (const w of argv) {
    if (w.length === 0 || /[\s"'\\#\0]/.test(w)) throw new CompileError(`"${w}" cannot be written in a batch line`);
  }
  return argv.join(' ');
}
