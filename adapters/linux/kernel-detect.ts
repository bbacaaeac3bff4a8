/**
 * `--kernel auto`: the profile of the kernel this machine runs (src/model/kernel-profile.ts),
 * read from its config where it is readable (/proc/config.gz, /boot/config-RELEASE); else from
 * a probe in a throwaway sandbox (root and bubblewrap needed), which asks the kernel itself
 * (`ip link add … type KIND`, `tc qdisc add … KIND`, `nft list tables`) and is cached per
 * kernel release in $XDG_CACHE_HOME/nettwin (or ~/.cache/nettwin); else, with a warning, the
 * stock profile. Off Linux `auto` is the stock profile.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { KERNEL_PROFILES, KNOWN_LINK_KINDS, profileFromConfig, STOCK_PROFILE, type KernelProfile } from '../../src/model/kernel-profile.js';
import { CONF_KEYS, KERNEL_DEFAULT_CONF, KERNEL_DEFAULT_DFLT_CONF } from '../../src/model/sysctl.js';
import type { Sandbox } from './sandbox.js';

/**
 * A profile, and what a user should know about how it was chosen.
 *
 * @example
 * const { profile, warnings } = await resolveKernelProfile('auto');
 */
export interface ResolvedProfile {
  profile: KernelProfile;
  warnings: string[];
}

/** The names `--kernel` takes. */
export function kernelProfileNames(): string[] {
  return ['auto', ...Object.keys(KERNEL_PROFILES)];
}

/** The kernel's compiled-in net.ipv4 defaults (devinet.c): the same on every kernel the profiles name. */
function compiledSysctl(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of CONF_KEYS) out[`net.ipv4.conf.all.${k}`] = KERNEL_DEFAULT_CONF[k];
  for (const k of CONF_KEYS) out[`net.ipv4.conf.default.${k}`] = KERNEL_DEFAULT_DFLT_CONF[k];
  out['net.ipv4.ip_forward'] = KERNEL_DEFAULT_CONF.forwarding;
  return out;
}

/**
 * net.ipv4.tcp_syn_linear_timeouts exists on this kernel (6.12+): every new namespace starts it
 * at 4 (the machine's own value does not carry over), which the profile records.
 */
function synLinear(): { synLinearTimeouts?: number } {
  return fs.existsSync('/proc/sys/net/ipv4/tcp_syn_linear_timeouts') ? { synLinearTimeouts: 4 } : {};
}

/** This kernel's config text, or null when it cannot be read. */
export function readKernelConfig(release = os.release()): { text: string; file: string } | null {
  for (const file of ['/proc/config.gz', `/boot/config-${release}`]) {
    try {
      const raw = fs.readFileSync(file);
      return { text: file.endsWith('.gz') ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8'), file };
    } catch {
      // next
    }
  }
  return null;
}

/** The profile read from this kernel's config, or null. */
export function profileFromRunningConfig(release = os.release()): KernelProfile | null {
  const c = readKernelConfig(release);
  if (!c) return null;
  return profileFromConfig(c.text, { name: `auto:${release}`, release, description: `this machine's kernel ${release}`, source: `kernel config ${c.file}`, sysctl: compiledSysctl(), ...synLinear() });
}

/** The cache folder: $XDG_CACHE_HOME/nettwin or ~/.cache/nettwin. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'nettwin');
}

/** A release as a file name. */
function cacheFile(release: string, env?: NodeJS.ProcessEnv): string {
  return path.join(cacheDir(env), `kernel-${release.replace(/[^\w.-]/g, '_')}.json`);
}

/** A probed profile cached for this release, or null. */
export function cachedProfile(release = os.release(), env?: NodeJS.ProcessEnv): KernelProfile | null {
  try {
    const p = JSON.parse(fs.readFileSync(cacheFile(release, env), 'utf8')) as KernelProfile;
    return p.release === release && Array.isArray(p.linkKinds) ? p : null;
  } catch {
    return null;
  }
}

/** The arguments that get each kind's request past iproute2 to the kernel (the kernel then answers for the kind). */
const PROBE_ARGS: Readonly<Record<string, { before?: string[]; after?: string[] }>> = {
  veth: { after: ['peer', 'name', 'ntprobe1'] },
  vxlan: { after: ['id', '1', 'dstport', '4789'] },
  vlan: { before: ['link', 'lo'], after: ['id', '1'] },
  macvlan: { before: ['link', 'lo'] },
  macvtap: { before: ['link', 'lo'] },
  ipvlan: { before: ['link', 'lo'] },
  ipvtap: { before: ['link', 'lo'] },
  macsec: { before: ['link', 'lo'] },
  geneve: { after: ['id', '1', 'remote', '127.0.0.2'] },
  bareudp: { after: ['dstport', '6635', 'ethertype', 'ipv4'] },
  vrf: { after: ['table', '10'] },
  xfrm: { after: ['if_id', '1'] },
};

/** Kinds whose request iproute2 cannot send without hardware or peers a sandbox does not have: not probed. */
const NOT_PROBED = new Set(['gtp', 'amt', 'hsr', 'ipoib', 'wwan', 'rmnet', 'virt_wifi', 'netdevsim', 'erspan', 'ip6erspan']);

/** The qdiscs a probe asks about, with arguments that satisfy tc. */
const PROBE_QDISCS: Readonly<Record<string, string[]>> = {
  htb: [],
  tbf: ['rate', '1mbit', 'burst', '10kb', 'latency', '10ms'],
  netem: [],
  sfq: [],
  fq_codel: [],
  fq: [],
  codel: [],
  prio: [],
  pie: [],
  cake: [],
  drr: [],
  hfsc: [],
  multiq: [],
  qfq: [],
  ets: ['bands', '2'],
};

/** Which link kinds the kernel in `sb` can create (its own answer to `ip link add`). */
export async function probeLinkKinds(sb: Sandbox, host: string): Promise<string[]> {
  const out: string[] = [];
  for (const kind of KNOWN_LINK_KINDS) {
    if (NOT_PROBED.has(kind)) continue;
    const a = PROBE_ARGS[kind] ?? {};
    const r = await sb.exec(host, ['ip', 'link', 'add', ...(a.before ?? []), 'ntprobe0', 'type', kind, ...(a.after ?? [])]);
    if (/Unknown device type/.test(r.stderr)) continue;
    out.push(kind);
    if (r.exit === 0) await sb.exec(host, ['ip', 'link', 'del', 'ntprobe0']);
  }
  return out;
}

/** Which qdiscs the kernel in `sb` has (`tc qdisc add dev lo root KIND`). */
export async function probeQdiscs(sb: Sandbox, host: string): Promise<string[]> {
  const out: string[] = [];
  for (const [q, args] of Object.entries(PROBE_QDISCS)) {
    const r = await sb.exec(host, ['tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', q, ...args]);
    if (/qdisc kind is unknown|Unknown qdisc/.test(r.stderr)) continue;
    out.push(q);
    if (r.exit === 0) await sb.exec(host, ['tc', 'qdisc', 'del', 'dev', 'lo', 'root']);
  }
  return out;
}

/** Netfilter features as the kernel in `sb` shows them (/proc/net files of its namespace, `nft`). */
export async function probeNetfilter(sb: Sandbox, host: string): Promise<string[]> {
  const out: string[] = [];
  const exists = async (p: string) => (await sb.exec(host, ['test', '-e', p])).exit === 0;
  if (await exists('/proc/net/ip_tables_names')) out.push('iptables');
  if (await exists('/proc/net/ip6_tables_names')) out.push('ip6tables');
  if ((await sb.exec(host, ['nft', 'list', 'tables'])).exit === 0) out.push('nf_tables');
  if (await exists('/proc/net/nf_conntrack')) out.push('conntrack');
  if (await exists('/proc/sys/net/bridge/bridge-nf-call-iptables')) out.push('br_netfilter');
  if (await exists('/proc/net/arp_tables_names')) out.push('arptables');
  return out;
}

/** Asks the kernel itself, in a sandbox of its own (closed after). */
export async function probeKernelProfile(release = os.release()): Promise<KernelProfile> {
  const { Sandbox } = await import('./sandbox.js');
  const sb = await Sandbox.open({ hosts: ['probe'] });
  try {
    const qdiscs = ['pfifo_fast', 'noqueue', 'pfifo', 'bfifo', 'pfifo_head_drop', 'mq', ...(await probeQdiscs(sb, 'probe'))];
    return {
      name: `auto:${release}`,
      release,
      description: `this machine's kernel ${release}`,
      source: 'a probe in a sandbox',
      linkKinds: await probeLinkKinds(sb, 'probe'),
      qdiscs: [...new Set(qdiscs)].sort(),
      netfilter: await probeNetfilter(sb, 'probe'),
      sysctl: compiledSysctl(),
    };
  } finally {
    await sb.close();
  }
}

/**
 * The profile `--kernel NAME` names: a recorded one, or `auto`.
 *
 * @example
 * (await resolveKernelProfile('debian-12')).profile.linkKinds.includes('dummy'); // true
 * (await resolveKernelProfile('auto')).profile.name; // 'auto:6.18.44-…' on this machine
 */
export async function resolveKernelProfile(name: string): Promise<ResolvedProfile> {
  if (name !== 'auto') {
    const p = Object.hasOwn(KERNEL_PROFILES, name) ? KERNEL_PROFILES[name] : undefined;
    if (!p) throw new Error(`unknown kernel profile ${JSON.stringify(name)} (known: ${kernelProfileNames().join(', ')})`);
    return { profile: p, warnings: [] };
  }
  if (process.platform !== 'linux') return { profile: STOCK_PROFILE, warnings: [] };
  const release = os.release();
  const fromConfig = profileFromRunningConfig(release);
  if (fromConfig) return { profile: fromConfig, warnings: [] };
  const cached = cachedProfile(release);
  if (cached) return { profile: cached, warnings: [] };
  try {
    const probed = await probeKernelProfile(release);
    try {
      fs.mkdirSync(cacheDir(), { recursive: true });
      fs.writeFileSync(cacheFile(release), `${JSON.stringify(probed, null, 2)}\n`);
    } catch {
      // no cache: the next run probes again
    }
    return { profile: probed, warnings: [] };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { profile: STOCK_PROFILE, warnings: [`this kernel's config is not readable and it could not be probed (${why}): modelling ${STOCK_PROFILE.name} (${STOCK_PROFILE.description})`] };
  }
}
