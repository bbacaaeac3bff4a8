/**
 * print_nexthop (ip/ipnexthop.c of iproute2 6.1.0) over a nexthop object: `ip nexthop show`,
 * `get`, and the `nh_info` of `ip -d route show`.
 */
import { ip4ToString } from '../../model/ip.js';
import { nexthopLinkdown, type Nexthop } from '../../model/nexthop.js';
import { protoName, scopeName } from '../names.js';
import type { Printer } from '../print.js';

/** The fields of one nexthop, inside an object the caller opened. */
export function printNexthopFields(p: Printer, nh: Nexthop, details: number): void {
  p.any('id', `id ${nh.id} `, nh.id);
  if (nh.group) {
    p.openArray('group');
    p.text('group ');
    nh.group.forEach((m, i) => {
      p.openObject();
      if (i) p.text('/');
      p.any('id', `${m.nh.id}`, m.nh.id);
      if (m.weight > 1) p.any('weight', `,${m.weight}`, m.weight);
      p.closeObject();
    });
    p.text(' ');
    p.closeArray();
  }
  if (nh.gateway !== null) {
    p.text('via ');
    p.colored('inet', 'gateway', `${ip4ToString(nh.gateway)} `, ip4ToString(nh.gateway));
  }
  if (nh.dev) {
    p.text('dev ');
    p.colored('ifname', 'dev', `${nh.dev.name} `, nh.dev.name);
  }
  if (nh.scope !== 0 || details > 0) {
    const s = scopeName(nh.scope);
    p.any('scope', `scope ${s} `, s);
  }
  if (nh.blackhole) p.any('blackhole', 'blackhole ', null);
  if (nh.protocol !== 0 || details > 0) {
    const pr = protoName(nh.protocol);
    p.any('protocol', `proto ${pr} `, pr);
  }
  p.openArray('flags');
  if (nh.onlink) p.any(null, 'onlink ', 'onlink');
  if (!nh.group && !nh.blackhole && nexthopLinkdown(nh)) p.any(null, 'linkdown ', 'linkdown');
  p.closeArray();
}

/** One nexthop as a line of `ip nexthop show`. */
export function printNexthop(p: Printer, nh: Nexthop, details: number): void {
  p.openObject();
  printNexthopFields(p, nh, details);
  p.text('\n');
  p.closeObject();
}
