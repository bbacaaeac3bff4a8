/**
 * The netfilter engine's rate: packets walked through a chain of N rules (default 10 000) per
 * second, no wall clock in the simulation.
 *
 *   npx tsx bench/netfilter-engine.bench.ts [RULES] [PACKETS]
 *
 * The rules are written by the iptables front end (iptables-restore's input, in a namespace),
 * then the FORWARD chain of the filter table is walked directly (walkChain, what
 * the FORWARD hook runs) with PACKETS UDP packets, timed 5 times. Two rulesets:
 * - `by-address`: every rule tests a destination /32 (and a port), as kube-proxy's
 *   KUBE-SERVICES or an allow list does; half the packets hit a rule, half fall to the policy (DROP);
 * - `linear`: every rule tests only an input interface, so every packet is tested against
 *   every rule (the kernel's own cost model; the index cannot help).
 * Rates are per CPU-second of this process (the machine is shared). Prints one JSON line:
 * { name, rules, packets, byAddressPps, linearPps (medians) }.
 */
import { Lab } from '../src/lab.js';
import { runIptablesRestore } from '../src/programs/iptables/restore.js';
import type { Netns } from '../src/model/netns.js';
import { findChain } from '../src/model/netfilter/table.js';
import { walkChain, type WalkState } from '../sim/netfilter/chain.js';
import { PrivateRuntime } from '../sim/netfilter/runtime.js';
import { nfMeta } from '../sim/netfilter/skb.js';
import type { IpPacket } from '../sim/packet.js';

const RULES = Number(process.argv[2] ?? 10_000);
const PACKETS = Number(process.argv[3] ?? 1_000_000);
const RUNS = 5;

/** CPU time (user + system) since `t0`: the machine is shared, so wall time would measure the others' load */
function cpuSecs(t0: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
}

/** every address unicast (no rule here asks) */
const unicast = (): number => 1;

const svc = (i: number) => `10.96.${(i >> 8) & 255}.${i & 255}`;
const svcAddr = (i: number) => ((10 << 24) | (96 << 16) | (((i >> 8) & 255) << 8) | (i & 255)) >>> 0;

function namespaceWith(policy: 'ACCEPT' | 'DROP', rule: (i: number) => string): Netns {
  const lab = new Lab();
  const steps = lab.host('h').sh('ip netns add r\nip -n r link add va type veth peer name vb\nip -n r link set va up\nip -n r link set vb up');
  const bad = steps.find((s) => s.exit !== 0);
  if (bad) throw new Error(`${bad.command}: ${bad.stderr}`);
  const ns = lab.model.hosts.get('h')!.namespaces.get('r')!;
  // the rules as iptables-restore reads them (what `iptables-restore <<EOF` in a script hands it)
  const text = ['*filter', `:FORWARD ${policy} [0:0]`, ...Array.from({ length: RULES }, (_, i) => `-A FORWARD ${rule(i)}`), 'COMMIT', ''].join('\n');
  const r = runIptablesRestore({ ns }, [], 'iptables-restore', text);
  if (r.exit !== 0) throw new Error(`iptables-restore: ${r.stderr}`);
  return ns;
}

function rate(ns: Netns, packet: (k: number) => IpPacket, expectAccepted: number): number {
  const nf = ns.nf!;
  const table = nf.tables.find((t) => t.name === 'filter')!;
  const chain = findChain(table, 'FORWARD')!;
  if (chain.rules.length !== RULES) throw new Error(`${chain.rules.length} rules, not ${RULES}`);
  const inDev = ns.linkByName('va')!;
  const outDev = ns.linkByName('vb')!;
  const pkts = Array.from({ length: 4096 }, (_, k) => packet(k));
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const runtime = new PrivateRuntime();
    let accepted = 0;
    const t0 = process.cpuUsage();
    for (let k = 0; k < PACKETS; k++) {
      const pkt = pkts[k & 4095]!;
      const s: WalkState = { pkt, meta: nfMeta(pkt, ns), in: inDev, out: outDev, runtime, addrType: unicast, bytes: 28, version: nf.version, onHit: null };
      if (walkChain(s, table, chain).verdict === 'accept') accepted++;
    }
    const secs = cpuSecs(t0);
    // the answer is checked, so the bench cannot measure a walk that decides nothing
    if (accepted !== expectAccepted) throw new Error(`${accepted} of ${PACKETS} accepted, expected ${expectAccepted}`);
    times.push(PACKETS / secs);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[RUNS >> 1]!);
}

const udp = (dst: number, dport: number, iface = 0): IpPacket => ({
  ip: { src: 0x0a000001 + iface, dst, ttl: 64, protocol: 17, id: 0, tos: 0, df: false, payloadLen: 8 },
  icmp: null,
  udp: { srcPort: 40000, dstPort: dport, payloadLen: 0 },
  inner: null,
});

// by-address: rule i accepts UDP to service i on port 53; even packets hit a service, odd ones miss every rule
const byAddr = namespaceWith('DROP', (i) => `-d ${svc(i)}/32 -p udp --dport 53 -j ACCEPT`);
const byAddressPps = rate(byAddr, (k) => (k % 2 === 0 ? udp(svcAddr((k * 7919) % RULES), 53) : udp(0xc0a80001 + k, 53)), PACKETS / 2);

// linear: rule i drops what comes in by interface `xi` (no packet does), so every packet passes all of them to the policy (ACCEPT)
const linear = namespaceWith('ACCEPT', (i) => `-i x${i} -j DROP`);
// fewer packets: each costs RULES tests
const LINEAR_PACKETS = Math.max(1, Math.floor(PACKETS / 1000));
const linearPps = rateN(linear, LINEAR_PACKETS);

function rateN(ns: Netns, n: number): number {
  const nf = ns.nf!;
  const table = nf.tables.find((t) => t.name === 'filter')!;
  const chain = findChain(table, 'FORWARD')!;
  const inDev = ns.linkByName('va')!;
  const runtime = new PrivateRuntime();
  const pkt = udp(0x08080808, 53);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const t0 = process.cpuUsage();
    for (let k = 0; k < n; k++) {
      const s: WalkState = { pkt, meta: nfMeta(pkt, ns), in: inDev, out: null, runtime, addrType: unicast, bytes: 28, version: nf.version, onHit: null };
      if (walkChain(s, table, chain).verdict !== 'accept') throw new Error('a linear walk did not reach the policy');
    }
    times.push(n / cpuSecs(t0));
  }
  times.sort((a, b) => a - b);
  return Math.round(times[RUNS >> 1]!);
}

console.log(JSON.stringify({ name: 'netfilter-engine', rules: RULES, packets: PACKETS, byAddressPps, linearPps, linearPackets: LINEAR_PACKETS }));
