/**
 * `ip neigh` (ip/ipneigh.c of iproute2 6.1.0): static entries through ipneigh_modify(), and
 * show. Kernel refusals end with exit(2), as iproute2 calls it directly.
 */
import type { Neigh6Op, NeighOp, NeighProxyOp } from '../../ops/op.js';
import {
  Argv,
  duparg,
  duparg2,
  exitWith,
  formatLladdr,
  getAddr,
  getPrefix,
  getUnsigned,
  invarg,
  llAddrA2n,
  llNameToIndex,
  matches,
  nodevText,
  notModelled,
  type Family,
  type InetPrefix,
} from '../args.js';
import { rtprotA2n } from '../names.js';
import { emptyNeighFilter } from '../filters.js';
import { Gaps, donePlan, opsPlan, showPlan, type IpPlan } from '../plan.js';
import { renderNeigh } from '../renderers.js';
import { flushPlan } from './flush.js';
import { flushProxyOps } from './proxy.js';
import { learntNeighbour, renderNeighGet } from './render.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { NEIGH_USAGE } from '../usage.js';

/** NUD_* states by value. */
const NUD: Record<string, number> = {
  incomplete: 0x01,
  reachable: 0x02,
  stale: 0x04,
  delay: 0x08,
  probe: 0x10,
  failed: 0x20,
  noarp: 0x40,
  permanent: 0x80,
  none: 0x00,
};

/** nud_state_a2n(): a state name (some abbreviated) or a single-bit number; null if neither. */
function nudStateA2n(arg: string): string | number | null {
  if (matches(arg, 'permanent')) return 'permanent';
  if (matches(arg, 'reachable')) return 'reachable';
  if (arg === 'noarp' || arg === 'none' || arg === 'stale' || arg === 'incomplete' || arg === 'delay' || arg === 'probe') return arg;
  if (matches(arg, 'failed')) return 'failed';
  const n = getUnsigned(arg);
  if (n === null || n >= 0x100 || (n & (n - 1)) !== 0) return null;
  const name = Object.keys(NUD).find((k) => NUD[k] === n);
  return name ?? n;
}

/** ipneigh_modify(). */
function neighModify(ctx: CmdContext, g: IpGlobals, argv: string[], mode: NeighOp['mode']): IpPlan {
  const gaps = new Gaps();
  const family: Family = g.family;
  let lla: string | null = null;
  let state: string | number = 'permanent';
  let dev: string | null = null;
  let devOk = false;
  let dst: InetPrefix | null = null;
  let proxy = false;
  let router = false;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'lladdr')) {
      const v = a.next();
      if (lla !== null) duparg('lladdr', v);
      lla = v;
    } else if (arg === 'nud') {
      const v = a.next();
      const s = nudStateA2n(v);
      if (s === null) invarg('nud state is bad', v);
      state = s;
    } else if (matches(arg, 'proxy')) {
      const v = a.next();
      if (matches(v, 'help')) exitWith(NEIGH_USAGE, 255);
      if (dst) duparg('address', v);
      dst = getAddr(v, family, { v6: true });
      devOk = true;
      proxy = true;
    } else if (arg === 'router') {
      router = true;
    } else if (arg === 'use' || arg === 'managed' || matches(arg, 'extern_learn')) {
      gaps.add(`neigh ${arg}`);
    } else if (arg === 'dev') {
      dev = a.next();
      devOk = true;
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      if (rtprotA2n(v) === null) invarg('"protocol" value is invalid\n', v);
      gaps.add('neigh protocol');
    } else {
      let v = arg;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) v = a.next();
      if (dst) duparg2('to', v);
      dst = getAddr(v, family, { v6: true });
    }
    a.step();
  }
  if (!devOk || !dst || (dst.keyword && dst.family === null)) exitWith('Device and destination are required arguments.\n', 255);
  let lladdr: string | null = null;
  if (lla !== null && lla !== 'null') {
    const r = llAddrA2n(lla, 20);
    if (!Array.isArray(r)) exitWith(r.error, 1);
    lladdr = formatLladdr(r);
    if (r.length !== 6) gaps.add('link-layer address that is not 6 bytes');
  }
  let devName = '';
  let learnt: { lladdr: string | null } | undefined;
  if (dev !== null) {
    const l = llNameToIndex(ctx.ns, dev);
    if (!l) exitWith(nodevText(dev), 1);
    devName = l.name;
    if (!proxy) learnt = learntNeighbour(ctx, l, dst.family === 'inet6' ? (dst.addr6 ?? 0n) : dst.addr);
  } else if (!proxy) {
    gaps.add('neighbour without a device');
  }
  if (proxy && dst.family !== 'inet6') {
    // an IPv4 proxy entry (pneigh) keeps only its address, device and flags: lladdr and nud are not looked at
    if (gaps.any) notModelled(`ip neigh ${mode} proxy: ${gaps.text()}`);
    const op: NeighProxyOp = { op: 'neigh.proxy', mode: mode === 'del' ? 'del' : 'add', dst: dst.addr, dev: dev === null ? null : devName, router };
    return opsPlan([op]);
  }
  if (router) gaps.add('neigh router');
  if (state !== 'permanent' && state !== 'noarp' && state !== 'reachable' && state !== 'stale') gaps.add(`nud ${state}`);
  if (gaps.any) notModelled(`ip neigh ${mode}: ${gaps.text()}`);
  // an entry the system learnt keeps its link-layer address when a change gives none
  if (learnt && lladdr === null && lla === null) lladdr = learnt.lladdr;
  const seen = learnt ? { learnt: true } : {};
  if (dst.family === 'inet6') {
    const op6: Neigh6Op = { op: 'neigh6.add', mode, dst: dst.addr6 ?? 0n, dev: devName, lladdr, state: state as Neigh6Op['state'], proxy, ...seen };
    return opsPlan([op6]);
  }
  const op: NeighOp = {
    op: 'neigh.add',
    mode,
    dst: dst.addr,
    dev: devName,
    lladdr,
    state: state as NeighOp['state'],
    ...seen,
  };
  return opsPlan([op]);
}

/** do_show_or_flush(): `ip neigh show`, and `ip neigh flush proxy` (other flushes are not modelled). */
function neighShow(ctx: CmdContext, g: IpGlobals, argv: string[], flush = false): IpPlan {
  const gaps = new Gaps();
  const f = emptyNeighFilter();
  let family: Family = g.family;
  let filterDev: string | null = null;
  let stateGiven = false;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'dev') {
      const v = a.next();
      if (filterDev !== null) duparg('dev', v);
      filterDev = v;
    } else if (arg === 'master') {
      const v = a.next();
      const m = llNameToIndex(ctx.ns, v);
      if (!m) invarg('Device does not exist\n', v);
      f.master = m.name;
    } else if (arg === 'vrf') {
      a.next();
      notModelled('VRF');
    } else if (arg === 'nomaster') {
      gaps.add('neigh show nomaster');
    } else if (arg === 'unused') {
      f.unused = true;
    } else if (arg === 'nud') {
      const v = a.next();
      if (!stateGiven) {
        stateGiven = true;
        f.states = [];
      }
      const s = nudStateA2n(v);
      if (s === null) {
        if (v !== 'all') invarg('nud state is bad', v);
        f.states?.push('all');
        // a show lists the NOARP multicast entries too, which are not modelled; a flush leaves them
        if (!flush) gaps.add('nud all');
      } else if (typeof s === 'number') {
        gaps.add(`nud ${s}`);
      } else if (f.states) {
        f.states.push(s);
      }
    } else if (arg === 'proxy') {
      f.proxy = true;
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      if (rtprotA2n(v) === null && v !== 'all') invarg('invalid "protocol"\n', v);
      gaps.add('neigh show protocol');
    } else {
      let v = arg;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) exitWith(NEIGH_USAGE, 255);
      const p = getPrefix(v, family, { v6: true });
      if (family === null) family = p.family;
      f.to = p.keyword && !p.lenGiven && p.family === null ? null : p.addr6 !== undefined ? { addr: 0, len: p.len, addr6: p.addr6 } : { addr: p.addr, len: p.len };
    }
    a.step();
  }
  if (filterDev !== null) {
    const l = llNameToIndex(ctx.ns, filterDev);
    if (!l) exitWith(nodevText(filterDev), 1);
    f.dev = l.name;
  }
  if (g.color && flush) gaps.add('colored output');
  // `ref N used A/B/C probes P` (render.ts): the simulator keeps them for the entries it learnt
  if (!flush && g.stats && g.json) gaps.add('ip -s -j neigh');
  if (flush && f.proxy && g.stats) gaps.add('ip -s neigh flush proxy');
  if (flush && f.unused) gaps.add('ip neigh flush unused');
  if (gaps.any) notModelled(`ip neigh ${flush ? 'flush' : 'show'}: ${gaps.text()}`);
  if (flush) {
    const dev = f.dev === null ? null : (ctx.ns.linkByName(f.dev) ?? null);
    const master = f.master === null ? null : (ctx.ns.linkByName(f.master) ?? null);
    if (f.proxy) return opsPlan(flushProxyOps(ctx, g, f, dev, master));
    return flushPlan(ctx, g, f, dev, master);
  }
  return showPlan(() => renderNeigh(ctx, g, f));
}

/** ipneigh_get(): one entry by address and device, `proxy` for a proxy entry. */
function neighGet(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  let d: string | null = null;
  let dst: ReturnType<typeof getAddr> | null = null;
  let proxy = false;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'dev') d = a.next();
    else if (matches(arg, 'proxy')) proxy = true;
    else {
      let v = arg;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) exitWith(NEIGH_USAGE, 255);
      if (dst !== null) duparg2('to', v);
      dst = getAddr(v, g.family, { v6: true });
    }
    a.step();
  }
  if (d === null || dst === null || dst.family === null) exitWith('Device and address are required arguments.\n', 1);
  const l = llNameToIndex(ctx.ns, d);
  if (!l) exitWith(nodevText(d), 1);
  const ip = dst.family === 'inet6' ? (dst.addr6 ?? 0n) : dst.addr;
  return showPlan(() => renderNeighGet(ctx, l, ip, proxy));
}

/** do_ipneigh(). */
export function parseNeigh(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return neighShow(ctx, g, []);
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'add')) return neighModify(ctx, g, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return neighModify(ctx, g, rest, 'change');
  if (matches(cmd, 'replace')) return neighModify(ctx, g, rest, 'replace');
  if (matches(cmd, 'delete')) return neighModify(ctx, g, rest, 'del');
  if (matches(cmd, 'get')) return neighGet(ctx, g, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return neighShow(ctx, g, rest);
  if (matches(cmd, 'flush')) {
    if (rest.length === 0) exitWith('Flush requires arguments.\n', 1);
    return neighShow(ctx, g, rest, true);
  }
  if (matches(cmd, 'help')) exitWith(NEIGH_USAGE, 255);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip neigh help".\n` });
}
