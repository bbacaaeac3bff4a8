/**
 * /proc/net/arp (arp_seq_show): the namespace's IPv4 neighbours but NOARP ones, with ATF_COM
 * for a valid entry and ATF_PERM|ATF_COM for a permanent one; an unresolved entry shows zeros.
 * The kernel lists its hash table's order: nettwin lists the entries as the model holds them.
 */
import type { DynamicNeighbour } from '../../iproute2/types.js';
import type { Netns } from '../../model/netns.js';
import { ip4ToString } from '../../model/ip.js';

export function procNetArp(ns: Netns, learnt: DynamicNeighbour[]): string {
  let out = 'IP address       HW type     Flags       HW address            Mask     Device\n';
  const row = (ip: number, mac: string | null, flags: number, dev: string) => {
    out += `${ip4ToString(ip).padEnd(16)} 0x${(1).toString(16).padEnd(10)}0x${flags.toString(16).padEnd(10)}${(mac ?? '00:00:00:00:00:00').padEnd(17)}     ${'*'.padEnd(8)} ${dev}\n`;
  };
  for (const e of ns.staticNeigh.values()) {
    if (e.state === 'noarp') continue;
    row(e.ip, e.lladdr, e.state === 'permanent' ? 0x6 : 0x2, e.dev.name);
  }
  for (const n of learnt) {
    if (typeof n.ip !== 'number') continue;
    const valid = n.state === 'reachable' || n.state === 'stale' || n.state === 'delay' || n.state === 'probe';
    row(n.ip, valid ? n.lladdr : null, valid ? 0x2 : 0, n.dev.name);
  }
  return out;
}
