/**
 * `route` of net-tools 2.10 (Debian 12), the forms tutorials write: `route -n` (the main table,
 * read from /proc/net/route as net-tools does) and `route add|del {-net|-host} TARGET[/LEN]
 * [netmask M] [gw G] [metric N] [[dev] IF]` / `route add default gw G [IF]`. A change is one
 * SIOCADDRT/SIOCDELRT ioctl, which the kernel turns into a fib_config (fib_frontend.c
 * rtentry_to_fib_config): table main, proto boot, metric N, scope universe behind a unicast
 * gateway and link otherwise; an add creates without NLM_F_EXCL (like `ip route prepend`); a
 * delete matches its metric exactly. Refusals are `SIOCADDRT: <strerror>`, exit 7; a netmask
 * with host bits is net-tools' own usage error, exit 3. Names (no -n), other families, `reject`,
 * `mss`/`window`/`irtt`, `-net` without a mask and metrics over 32766 are not modelled.
 */
import { apply } from '../ops/apply.js';
import { ERRNO, OpError } from '../ops/errors.js';
import { addrType } from '../model/fib-lookup.js';
import { ip4ToString, parseIp4, type Ip4 } from '../model/ip.js';
import { PROTO, TABLE } from '../model/route.js';
import { SCOPE } from '../model/address.js';
import { procNetRoute } from './kernel-files/proc-net-route.js';
import { unsupported, type CmdContext, type CommandResult } from '../iproute2/types.js';

const ROUTE_USAGE = `Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]
                              [netmask N] [mss Mss] [window W] [irtt I]
                              [mod] [dyn] [reinstate] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject
       inet_route [-FC] flush      NOT supported
`;

/** What the kernel's refusals are as an ioctl's errno (the netlink path words them as extack). */
const EXTACK_ERRNO: Readonly<Record<string, string>> = {
  'Device for nexthop is not up': ERRNO.ENETDOWN,
  'Nexthop device is not up': ERRNO.ENETDOWN,
  'Invalid prefix for given prefix length': ERRNO.EINVAL,
  'Nexthop has invalid scope': ERRNO.EINVAL,
  'Nexthop has invalid gateway': ERRNO.EINVAL,
  'No egress device for nexthop gateway': ERRNO.EINVAL,
  'FIB table does not exist': ERRNO.ESRCH,
};

/** The strerror an OpError is as an ioctl's errno, or null where it is not known. */
function errnoOf(e: OpError): string | null {
  const rt = /^RTNETLINK answers: (.*)\n$/.exec(e.stderr);
  if (rt) return rt[1]!;
  if (e.reason === 'no-device') return ERRNO.ENODEV;
  // fib_check_nh_v4_gw: the gateway's lookup failed (no route to it) — fib_lookup's ENETUNREACH
  if (e.reason === 'gw-lookup') return ERRNO.ENETUNREACH;
  const k = /^Error: (.*?)\.?\n$/.exec(e.stderr);
  return k ? (EXTACK_ERRNO[k[1]!] ?? null) : null;
}

const maskOf = (len: number): number => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);

function maskLen(mask: Ip4): number | null {
  for (let len = 0; len <= 32; len++) if (maskOf(len) === mask) return len;
  return null;
}

interface Change {
  del: boolean;
  dst: Ip4;
  len: number;
  gw: Ip4 | null;
  metric: number;
  dev: string | null;
}

/** inet_setroute's words, or why the line is not modelled, or its usage error. */
function parseChange(del: boolean, args: string[]): Change | { notModelled: string } | { usage: string } {
  let i = 0;
  let host: boolean | null = null;
  if (args[i] === '-net' || args[i] === '-host') host = args[i++] === '-host';
  const target = args[i++];
  if (target === undefined) return { usage: ROUTE_USAGE };
  let dst: Ip4;
  let len: number | null = null;
  if (target === 'default') {
    if (host) return { notModelled: 'route -host default' };
    dst = 0;
    len = 0;
  } else {
    const m = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d{1,2}))?$/.exec(target);
    const a = m ? parseIp4(m[1]!) : null;
    if (a === null || host === null) return { notModelled: `route target ${target}${host === null ? ' without -net or -host' : ''}` };
    dst = a;
    if (m![2] !== undefined) {
      if (host || Number(m![2]) > 32) return { notModelled: `route target ${target}` };
      len = Number(m![2]);
    } else if (host) len = 32;
  }
  const c: Change = { del, dst, len: len ?? 0, gw: null, metric: 0, dev: null };
  let mask: Ip4 | null = null;
  for (; i < args.length; i++) {
    const w = args[i]!;
    const v = args[i + 1];
    if ((w === 'gw' || w === 'gateway' || w === 'netmask' || w === 'metric' || w === 'dev' || w === 'device') && v === undefined) return { usage: ROUTE_USAGE };
    if (w === 'gw' || w === 'gateway') {
      const g = parseIp4(v!);
      if (g === null || !/^\d+\.\d+\.\d+\.\d+$/.test(v!)) return { notModelled: `route gw ${v}` };
      c.gw = g;
      i++;
    } else if (w === 'netmask') {
      const mk = /^\d+\.\d+\.\d+\.\d+$/.test(v!) ? parseIp4(v!) : null;
      if (mk === null || host || len !== null || maskLen(mk) === null) return { notModelled: `route netmask ${v}` };
      mask = mk;
      i++;
    } else if (w === 'metric') {
      if (!/^\d{1,5}$/.test(v!) || Number(v) > 32766) return { notModelled: `route metric ${v}` };
      c.metric = Number(v);
      i++;
    } else if (w === 'dev' || w === 'device') {
      c.dev = v!;
      i++;
    } else if (i === args.length - 1 && !w.startsWith('-') && c.dev === null) {
      c.dev = w;
    } else return { notModelled: `route ${w}` };
  }
  if (mask !== null) {
    if ((dst & ~mask) >>> 0) return { usage: `route: netmask doesn't match route address\n${ROUTE_USAGE}` };
    c.len = maskLen(mask)!;
  } else if (len === null && dst !== 0) return { notModelled: 'route -net without a netmask' };
  if (c.dev !== null && c.dev.includes(':')) return { notModelled: 'route on an alias device' };
  return c;
}

/** The ioctl: a fib_config of table main, added or deleted. */
function change(ctx: CmdContext, c: Change): CommandResult {
  const name = c.del ? 'SIOCDELRT' : 'SIOCADDRT';
  const scope = c.gw !== null && addrType(ctx.ns, c.gw, null, TABLE.main) === 'unicast' ? SCOPE.global : null;
  try {
    if (c.del) {
      apply(ctx, {
        op: 'route.del',
        route: {
          type: 'unicast',
          typeGiven: true,
          dst: c.dst,
          dstLen: c.len,
          table: TABLE.main,
          dev: c.dev,
          gateway: c.gw,
          prefsrc: null,
          metric: c.metric,
          protocol: null,
          scope,
          onlink: false,
          tos: 0,
          mtu: null,
        },
      });
    } else {
      const route = {
        type: 'unicast' as const,
        dst: c.dst,
        dstLen: c.len,
        table: TABLE.main,
        dev: c.dev,
        gateway: c.gw,
        prefsrc: null,
        metric: c.metric,
        protocol: PROTO.boot,
        scope: scope ?? SCOPE.link,
        onlink: false,
        tos: 0,
        mtu: null,
      };
      apply(ctx, { op: 'route.add', mode: 'prepend', route });
    }
  } catch (e) {
    if (!(e instanceof OpError)) throw e;
    const errno = errnoOf(e);
    if (errno === null) return unsupported(`route: the kernel's errno for "${e.stderr.trim()}"`);
    return { exit: 7, stdout: '', stderr: `${name}: ${errno}\n` };
  }
  return { exit: 0, stdout: '', stderr: '' };
}

/** `route -n`: /proc/net/route's lines, as net-tools' rprint_fib prints them. */
function list(ctx: CmdContext): CommandResult {
  let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  const hex = (h: string): string => ip4ToString(Number.parseInt(h.match(/../g)!.reverse().join(''), 16) >>> 0);
  for (const line of procNetRoute(ctx.ns).split('\n').slice(1)) {
    const f = line.trimEnd().split('\t');
    if (f.length < 11) continue;
    const [iface, dst, gw, flagsHex, , , metric, mask] = f as [string, string, string, string, string, string, string, string];
    const flags = Number.parseInt(flagsHex, 16);
    const col = (s: string): string => s.padEnd(15);
    if (flags & 0x200) {
      out += `${col(hex(dst))} ${col('-')} ${col(hex(mask))} ${'!'.padEnd(6)}${metric.padEnd(6)} ${'-'.padEnd(2)} ${'0'.padStart(7)} -\n`;
      continue;
    }
    let fl = '';
    if (flags & 0x1) fl += 'U';
    if (flags & 0x2) fl += 'G';
    if (flags & 0x4) fl += 'H';
    out += `${col(hex(dst))} ${col(hex(gw))} ${col(hex(mask))} ${fl.padEnd(6)}${metric.padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${iface}\n`;
  }
  return { exit: 0, stdout: out, stderr: '' };
}

/**
 * Runs `route ARGV` in the namespace.
 *
 * @example
 * runRoute(ctx, ['add', 'default', 'gw', '10.0.1.1', 'veth1']); // default via 10.0.1.1 dev veth1 proto boot
 */
export function runRoute(ctx: CmdContext, argv: string[]): CommandResult {
  let i = 0;
  let numeric = false;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const o = argv[i]!;
    if (o === '-n' || o === '--numeric') numeric = true;
    else if (o === '-4' || o === '--inet' || o === '-v' || o === '--verbose' || o === '-F' || o === '--fib') continue;
    else if (o === '-A' && argv[i + 1] === 'inet') i++;
    else return unsupported(`route option ${o}`);
  }
  const verb = argv[i];
  if (verb === undefined) return numeric ? list(ctx) : unsupported('route listing with names (without -n)');
  if (verb !== 'add' && verb !== 'del') return unsupported(`route ${verb}`);
  const c = parseChange(verb === 'del', argv.slice(i + 1));
  if ('notModelled' in c) return unsupported(c.notModelled);
  if ('usage' in c) return { exit: 3, stdout: '', stderr: c.usage };
  return change(ctx, c);
}
