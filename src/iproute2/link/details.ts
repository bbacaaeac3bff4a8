/**
 * What `-d` adds to a link (print_linkinfo's show_details block and print_linktype); the
 * kind's own line is its link_util's print_opt (link/kinds/). Values the model does not track
 * are the kernel's defaults for that kind on the reference machine (kernel 6.18, 2 possible
 * CPUs). Timers that run in real time (a bridge's gc_timer, a port's forward_delay_timer) are
 * printed at their start value; comparisons mask them.
 */
import { ADDR_GEN_MODE_NAMES } from '../../model/ipv6/conf6.js';
import { tsoMaxSize } from '../../model/link.js';
import { KINDS } from '../../model/kinds/index.js';
import { macvlanPromiscuity } from '../../model/kinds/macvlan.js';
import type { IfInfo } from './ifinfo.js';
import { LINK_UTILS } from './kinds/index.js';
import { printNl, type ShowCtx } from './show-ctx.js';

export { POSSIBLE_CPUS } from '../../model/kinds/kind.js';
export { bridgeIdMac } from './kinds/bridge.js';

/** The show_details block: promiscuity … gro_max_size. Only a full RTM_NEWLINK carries it. */
export function printDetails(c: ShowCtx, info: IfInfo): void {
  if (info.view !== 'full') return;
  const p = c.p;
  const l = info.link;
  const k = KINDS[l.kind];
  // br_add_if: dev_set_promiscuity(dev, 1) and, with it, allmulti
  const port = l.master !== null && l.master.kind === 'bridge' ? 1 : 0;
  const promisc = port + macvlanPromiscuity(l) + (l.promisc ? 1 : 0);
  p.any('promiscuity', ` promiscuity ${promisc} `, promisc);
  p.any('allmulti', ` allmulti ${port} `, port);
  p.any('min_mtu', `minmtu ${k.minMtu} `, k.minMtu);
  p.any('max_mtu', `maxmtu ${k.maxMtu} `, k.maxMtu);
  if (info.kind !== null || info.slaveKind !== null) printLinktype(c, info);
  if (c.doLink) {
    const mode = ADDR_GEN_MODE_NAMES[l.inet6.conf.addr_gen_mode] ?? 'eui64';
    p.any('inet6_addr_gen_mode', `addrgenmode ${mode} `, mode);
  }
  const queues = k.perCpuQueues ? (l.ns.host.lab.kernel.possibleCpus ?? k.queues) : k.queues;
  p.any('num_tx_queues', `numtxqueues ${queues} `, queues);
  // IFLA_NUM_RX_QUEUES is sent only by a kernel built with CONFIG_RPS (not UML's, which has no SMP)
  if (l.ns.host.lab.kernel.rps !== false) p.any('num_rx_queues', `numrxqueues ${queues} `, queues);
  p.any('gso_max_size', 'gso_max_size 65536 ', 65536);
  p.any('gso_max_segs', 'gso_max_segs 65535 ', 65535);
  const tso = tsoMaxSize(l);
  p.any('tso_max_size', `tso_max_size ${tso} `, tso);
  p.any('tso_max_segs', 'tso_max_segs 65535 ', 65535);
  p.any('gro_max_size', 'gro_max_size 65536 ', 65536);
}

/** print_linktype: `\n    veth ` / `\n    bridge …` / `\n    bridge_slave …`, the `linkinfo` object. */
function printLinktype(c: ShowCtx, info: IfInfo): void {
  const p = c.p;
  const l = info.link;
  p.openObject('linkinfo');
  if (info.kind !== null) {
    printNl(c);
    p.any('info_kind', `    ${info.kind} `, info.kind);
    const opt = LINK_UTILS[l.kind].printOpt;
    if (opt) {
      p.openObject('info_data');
      opt(c, l);
      p.closeObject();
    }
  }
  const slaveOpt = l.master ? LINK_UTILS[l.master.kind].printSlaveOpt : undefined;
  if (info.slaveKind !== null && slaveOpt) {
    printNl(c);
    p.any('info_slave_kind', `    ${info.slaveKind}_slave `, info.slaveKind);
    p.openObject('info_slave_data');
    slaveOpt(c, l);
    p.closeObject();
  }
  p.closeObject();
}
