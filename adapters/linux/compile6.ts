/**
 * IPv6 Ops to `ip -6` command lines (the IPv6 half of compile.ts). Addresses are written by
 * inet_ntop, so nothing in them can change how a line is read; device names are checked as
 * compile.ts checks them.
 */
import { formatIp6, ip6PrefixText } from '../../src/model/ipv6/ip6.js';
import { IFA6 } from '../../src/model/ipv6/inet6-dev.js';
import type { Addr6AddOp, Addr6DelOp, Neigh6Op, Route6AddOp, Route6DelOp, Route6Spec, Rule6Op } from '../../src/ops/op.js';
import { checkLinkName, checkMac, CompileError, type Command } from './compile.js';

const FLAG_WORDS: [number, string][] = [
  [IFA6.NODAD, 'nodad'],
  [IFA6.HOMEADDRESS, 'home'],
  [IFA6.MANAGETEMPADDR, 'mngtmpaddr'],
  [IFA6.NOPREFIXROUTE, 'noprefixroute'],
  [IFA6.OPTIMISTIC, 'optimistic'],
];

function int(n: number, what: string): string {
  if (!Number.isInteger(n) || n < 0) throw new CompileError(`${what} ${n} is not a non-negative integer`);
  return String(n);
}

function lft(n: number): string {
  return n === 0xffffffff ? 'forever' : int(n, 'lifetime');
}

function routeArgs(r: Route6Spec, del: boolean): string[] {
  const out: string[] = [];
  if (r.type !== 'unicast' || !del) out.push(r.type);
  out.push(r.dstLen === 0 ? 'default' : ip6PrefixText(r.dst, r.dstLen));
  if (r.gateway !== null) out.push('via', formatIp6(r.gateway));
  if (r.dev !== null) out.push('dev', checkLinkName(r.dev));
  if (r.table !== null) out.push('table', int(r.table, 'table'));
  if (r.metric !== null) out.push('metric', int(r.metric, 'metric'));
  if (r.protocol !== null) out.push('proto', int(r.protocol, 'proto'));
  if (r.prefsrc !== null) out.push('src', formatIp6(r.prefsrc));
  if (r.onlink) out.push('onlink');
  if (r.mtu !== null) out.push('mtu', int(r.mtu, 'mtu'));
  if (r.hoplimit !== null) out.push('hoplimit', int(r.hoplimit, 'hoplimit'));
  if (r.pref !== null) out.push('pref', r.pref);
  if (r.expires !== null) out.push('expires', int(r.expires, 'expires'));
  return out;
}

/** The `ip -6` command of an IPv6 Op. */
export function compileOp6(op: Addr6AddOp | Addr6DelOp | Route6AddOp | Route6DelOp | Rule6Op | Neigh6Op): Command {
  switch (op.op) {
    case 'addr6.add': {
      const out = ['-6', 'addr', op.mode, op.peer !== null ? formatIp6(op.addr) : `${formatIp6(op.addr)}/${op.prefixLen}`];
      if (op.peer !== null) out.push('peer', `${formatIp6(op.peer)}/${op.prefixLen}`);
      for (const [bit, word] of FLAG_WORDS) if (op.flags & bit) out.push(word);
      if (op.validLft !== 0xffffffff || op.preferredLft !== 0xffffffff) out.push('valid_lft', lft(op.validLft), 'preferred_lft', lft(op.preferredLft));
      if (op.metric !== null) out.push('metric', int(op.metric, 'metric'));
      out.push('dev', checkLinkName(op.dev));
      return { program: 'ip', argv: out };
    }
    case 'addr6.del':
      return { program: 'ip', argv: ['-6', 'addr', 'del', `${formatIp6(op.addr)}/${op.prefixLen}`, 'dev', checkLinkName(op.dev)] };
    case 'route6.add':
      return { program: 'ip', argv: ['-6', 'route', op.mode, ...routeArgs(op.route, false)] };
    case 'route6.del':
      return { program: 'ip', argv: ['-6', 'route', 'del', ...routeArgs(op.route, true)] };
    case 'rule6.add': {
      const out = ['-6', 'rule', op.del ? 'del' : 'add'];
      if (op.priority !== null) out.push('priority', int(op.priority, 'priority'));
      out.push('from', op.src ? ip6PrefixText(op.src.addr, op.src.len) : 'all');
      if (op.dst) out.push('to', ip6PrefixText(op.dst.addr, op.dst.len));
      if (op.iif !== null) out.push('iif', checkLinkName(op.iif));
      if (op.oif !== null) out.push('oif', checkLinkName(op.oif));
      if (op.action === 'lookup') {
        if (op.table !== null) out.push('lookup', int(op.table, 'table'));
      } else out.push(op.action);
      return { program: 'ip', argv: out };
    }
    case 'neigh6.add': {
      const out = ['-6', 'neigh', op.mode];
      if (op.proxy) out.push('proxy');
      out.push(formatIp6(op.dst));
      if (!op.proxy) {
        if (op.lladdr !== null) out.push('lladdr', checkMac(op.lladdr));
        if (op.mode !== 'del') out.push('nud', op.state);
      }
      out.push('dev', checkLinkName(op.dev));
      return { program: 'ip', argv: out };
    }
  }
}
