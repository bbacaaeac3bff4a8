/**
 * `ifconfig` of net-tools 2.10 (Debian 12), its setting forms as tutorials write them:
 * `ifconfig IF ADDR[/LEN] [netmask MASK] [up|down] [[-]promisc] [mtu N]`. Each word is one ioctl, in order:
 * an address is SIOCSIFADDR (it replaces the device's first address, with the classful prefix
 * and broadcast) and then brings the device up; `netmask` is SIOCSIFNETMASK on that address, and
 * so is `/LEN`, once every other word is done. Listings are ifconfig-list.ts's. Aliases (`eth0:1`), `broadcast`, `hw` and the rest are reported
 * as not modelled. Messages are net-tools' perror()s; a failed flag change exits 255, any
 * other failure 1.
 */
import { apply } from '../ops/apply.js';
import { OpError } from '../ops/errors.js';
import type { Op } from '../ops/op.js';
import type { Addr } from '../model/address.js';
import { parseIp4, type Ip4 } from '../model/ip.js';
import type { Link } from '../model/link.js';
import { listInterfaces } from './ifconfig-list.js';
import { unsupported, type CmdContext, type CommandResult } from '../iproute2/types.js';

/** inet_abc_len(): the classful prefix SIOCSIFADDR gives a new address, null where not modelled (0/8, multicast, class E). */
function classfulLen(a: Ip4): number | null {
  const top = a >>> 24;
  if (top === 0 || top >= 224) return null;
  return top < 128 ? 8 : top < 192 ? 16 : 24;
}

const maskOf = (len: number): number => (len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0);

/** A contiguous netmask's length, or null (bad_mask). */
function maskLen(mask: Ip4): number | null {
  for (let len = 0; len <= 32; len++) if (maskOf(len) === mask) return len;
  return null;
}

type Word = { kind: 'addr'; addr: Ip4; len: number | null } | { kind: 'netmask'; mask: Ip4 } | { kind: 'up' | 'down' } | { kind: 'mtu'; mtu: number } | { kind: 'promisc'; on: boolean };

/** The words, or why the line is not modelled. */
function parseWords(argv: string[]): Word[] | string {
  const words: Word[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === 'up' || w === 'down') words.push({ kind: w });
    else if (w === 'promisc' || w === '-promisc') words.push({ kind: 'promisc', on: w === 'promisc' });
    else if (w === 'netmask' || w === 'mtu') {
      const v = argv[++i];
      if (v === undefined) return `ifconfig ${w} without a value`;
      if (w === 'mtu') {
        if (!/^\d{1,9}$/.test(v)) return 'ifconfig mtu value';
        words.push({ kind: 'mtu', mtu: Number(v) });
      } else {
        const m = parseIp4(v);
        if (m === null) return 'ifconfig netmask value';
        words.push({ kind: 'netmask', mask: m });
      }
    } else {
      const m = /^(\d+\.\d+\.\d+\.\d+)(?:\/(\d{1,2}))?$/.exec(w);
      const addr = m ? parseIp4(m[1]!) : null;
      if (addr === null || words.some((x) => x.kind === 'addr')) return `ifconfig ${w}`;
      const len = m![2] === undefined ? null : Number(m![2]);
      if (len !== null && len > 32) return 'ifconfig prefix length over 32';
      if (addr !== 0 && classfulLen(addr) === null) return `ifconfig address ${m![1]}`;
      words.push({ kind: 'addr', addr, len });
    }
  }
  return words;
}

function run(ctx: CmdContext, op: Op): OpError | null {
  try {
    apply(ctx, op);
    return null;
  } catch (e) {
    if (e instanceof OpError) return e;
    throw e;
  }
}

const linkSet = (dev: string, up: boolean | null, mtu: number | null, promisc?: boolean): Op => ({
  op: 'link.set',
  dev,
  up,
  mtu,
  address: null,
  name: null,
  master: null,
  netns: null,
  txqlen: null,
  bridge: null,
  ...(promisc !== undefined ? { promisc } : {}),
});

/** The address SIOCSIF* acts on: the first one whose label is the name given. */
const firstAddr = (l: Link, name: string): Addr | undefined => l.addrs.find((a) => a.label === name);

/** Replaces the device's first address by `local`/`len` with broadcast `brd` (what inet_del_ifa + inet_insert_ifa leave). */
function replaceAddr(ctx: CmdContext, l: Link, old: Addr | undefined, local: Ip4, len: number, brd: Ip4 | null): void {
  if (old) run(ctx, { op: 'addr.del', dev: l.name, local: old.local, prefixLen: old.prefixLen, peer: old.address });
  if (local === 0) return;
  run(ctx, { op: 'addr.add', mode: 'add', dev: l.name, local, prefixLen: len, peer: null, broadcast: brd, scope: null, label: null, noprefixroute: false, metric: null });
}

/**
 * Runs `ifconfig ARGV` in the namespace.
 *
 * @example
 * runIfconfig(ctx, ['veth0', '10.0.0.1/24']); // veth0 gets 10.0.0.1/24 brd 10.0.0.255 and is up
 */
export function runIfconfig(ctx: CmdContext, argv: string[]): CommandResult {
  const [name, ...rest] = argv;
  if (name === undefined) return listInterfaces(ctx, { all: false });
  if (name === '-a' && rest.length === 0) return listInterfaces(ctx, { all: true });
  if (name.startsWith('-')) return unsupported(`ifconfig ${name}`);
  if (rest.length === 0) return listInterfaces(ctx, { one: name });
  if (name.includes(':')) return unsupported('ifconfig alias');
  const words = parseWords(rest);
  if (typeof words === 'string') return unsupported(words);
  const l = ctx.ns.linkByName(name);
  // the classful broadcast is the one of a device with IFF_BROADCAST: not lo's, not a tun's
  const addressing = words.some((w) => w.kind === 'addr' || w.kind === 'netmask');
  if (l && addressing && !['veth', 'bridge', 'macvlan', 'vxlan', 'ipvlan'].includes(l.kind)) return unsupported(`ifconfig address on a ${l.kind} device`);
  let stderr = '';
  let status = 0;
  const noDevice = `${name}: ERROR while getting interface flags: No such device\n`;
  for (const w of words) {
    if (w.kind === 'up' || w.kind === 'down') {
      if (!l) {
        stderr += noDevice;
        status = 255;
      } else run(ctx, linkSet(name, w.kind === 'up', null));
    } else if (w.kind === 'promisc') {
      // set_flag/clr_flag(IFF_PROMISC): SIOCGIFFLAGS first, as for up and down; -promisc then
      // test_flag()s whether the flag is still set (it is not: only the user's flag is reported)
      if (!l) {
        stderr += noDevice + (w.on ? '' : `${name}: ERROR while testing interface flags: No such device\n`);
        status = 255;
      } else run(ctx, linkSet(name, null, null, w.on));
    } else if (w.kind === 'mtu') {
      const e = l ? run(ctx, linkSet(name, null, w.mtu)) : null;
      if (!l || e) {
        stderr += `SIOCSIFMTU: ${l ? 'Invalid argument' : 'No such device'}\n`;
        status ||= 1;
      }
    } else if (w.kind === 'addr') {
      if (!l) {
        stderr += `SIOCSIFADDR: No such device\n${noDevice}`;
        status = 255;
        continue;
      }
      const old = firstAddr(l, name);
      if (!old || old.local !== w.addr) {
        const len = w.addr === 0 ? 0 : classfulLen(w.addr)!;
        replaceAddr(ctx, l, old, w.addr, len, (w.addr | ~maskOf(len)) >>> 0);
      }
      run(ctx, linkSet(name, true, null));
    } else if (w.kind === 'netmask') {
      if (!l) {
        stderr += 'SIOCSIFNETMASK: No such device\n';
        status ||= 1;
      } else if (setNetmask(ctx, l, name, w.mask, (m) => (stderr += m))) status ||= 1;
    }
  }
  // ADDR/LEN's mask is set once every other word is done (its SIOCSIFNETMASK error comes last)
  const len = words.find((w) => w.kind === 'addr')?.len ?? null;
  if (len !== null) {
    if (!l) {
      stderr += 'SIOCSIFNETMASK: No such device\n';
      status ||= 1;
    } else if (setNetmask(ctx, l, name, maskOf(len), (m) => (stderr += m))) status ||= 1;
  }
  return { exit: status, stdout: '', stderr };
}

/** SIOCSIFNETMASK: the broadcast follows the mask only while it is the default one. */
function setNetmask(ctx: CmdContext, l: Link, name: string, mask: Ip4, err: (m: string) => void): number {
  const len = maskLen(mask);
  const cur = firstAddr(l, name);
  if (!cur) {
    err('SIOCSIFNETMASK: Cannot assign requested address\n');
    return 1;
  }
  if (len === null) {
    err('SIOCSIFNETMASK: Invalid argument\n');
    return 1;
  }
  if (len === cur.prefixLen) return 0;
  const oldBrd = (cur.local | ~maskOf(cur.prefixLen)) >>> 0;
  const brd = len < 31 && cur.broadcast === oldBrd ? (cur.local | ~mask) >>> 0 : cur.broadcast;
  replaceAddr(ctx, l, cur, cur.local, len, brd);
  return 0;
}
