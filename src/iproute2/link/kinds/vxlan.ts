/** ip/iplink_vxlan.c: `type vxlan` options (link/parse-vxlan.ts) and vxlan_print_opt. */
import type { Link } from '../../../model/link.js';
import { formatEither, isEitherMulticast } from '../../../model/ipv6/either.js';
import { parseVxlanOpts } from '../parse-vxlan.js';
import { indexName, type ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

/** vxlan_print_opt. */
function vxlanOpts(c: ShowCtx, l: Link): void {
  const p = c.p;
  const v = l.vxlan;
  if (!v) return;
  p.any('id', `id ${v.id} `, v.id);
  // one attribute (IFLA_VXLAN_GROUP) holds the remote or the group; a multicast one is a group
  const dst = v.remote ?? v.group;
  // an IPv6 underlay's addresses are IFLA_VXLAN_GROUP6 / LOCAL6: JSON keys remote6, group6, local6
  const six = (a: unknown) => (typeof a === 'bigint' ? '6' : '');
  if (dst) {
    const key = isEitherMulticast(dst) ? 'group' : 'remote';
    p.any(`${key}${six(dst)}`, `${key} ${formatEither(dst)} `, formatEither(dst));
  }
  if (v.local) p.any(`local${six(v.local)}`, `local ${formatEither(v.local)} `, formatEither(v.local));
  if (v.dev) {
    // the lower device lives in the namespace the VXLAN was made in; its index is shown as this namespace names it
    const lower = (v.net ?? l.ns).linkByName(v.dev);
    const name = lower ? indexName(l.ns, lower.ifindex) : v.dev;
    p.any('link', `dev ${name} `, name);
  }
  if (p.json) {
    p.openObject('port_range');
    p.jsonOnly('low', v.srcportMin);
    p.jsonOnly('high', v.srcportMax);
    p.closeObject();
  } else {
    p.text(`srcport ${v.srcportMin} ${v.srcportMax} `);
  }
  p.any('port', `dstport ${v.dstport} `, v.dstport);
  p.jsonOnly('learning', v.learning);
  if (!v.learning) p.text('nolearning ');
  if (v.proxy) p.any('proxy', 'proxy ', true);
  if (v.l2miss) p.any('l2miss', 'l2miss ', true);
  if (v.l3miss) p.any('l3miss', 'l3miss ', true);
  if (p.json || v.ttl) p.any('ttl', `ttl ${v.ttl} `, v.ttl);
  else p.text('ttl auto ');
  p.jsonOnly('df', 'unset');
  p.any('ageing', 'ageing 300 ', 300);
  const csum = v.udpCsum !== false;
  const tx = v.zeroCsum6Tx === true;
  const rx = v.zeroCsum6Rx === true;
  p.any('udp_csum', `${csum ? '' : 'no'}udpcsum `, csum);
  p.any('udp_zero_csum6_tx', `${tx ? '' : 'no'}udp6zerocsumtx `, tx);
  p.any('udp_zero_csum6_rx', `${rx ? '' : 'no'}udp6zerocsumrx `, rx);
}

export const vxlanUtil: LinkUtil = {
  type: 'vxlan',
  parseAdd(ctx, args, op, gaps) {
    const v = parseVxlanOpts(ctx, args, false, gaps);
    op.vxlan = v.spec;
    return v.warn;
  },
  addDefaults(op) {
    op.vxlan = { id: null, dstport: null, local: null, remote: null, group: null, dev: null, learning: null, ttl: null };
  },
  parseSet(ctx, args, _op, _l, gaps) {
    parseVxlanOpts(ctx, args, true, gaps);
    gaps.add('changing a vxlan device');
  },
  parseDel(ctx, args, gaps) {
    parseVxlanOpts(ctx, args, false, gaps);
  },
  printOpt: vxlanOpts,
};
