/** ip/iplink_geneve.c: `type geneve` options (link/parse-geneve.ts) and geneve_print_opt, as iproute2 6.1.0 prints them. */
import { ip4ToString } from '../../../model/ip.js';
import type { Link } from '../../../model/link.js';
import { parseGeneveOpts } from '../parse-geneve.js';
import type { ShowCtx } from '../show-ctx.js';
import type { LinkUtil } from './util.js';

/** geneve_print_opt: id, remote, ttl (`auto` for 0), df (JSON only while unset), dstport and the checksum flags at their defaults. */
function geneveOpts(c: ShowCtx, l: Link): void {
  const g = l.geneve;
  if (!g) return;
  const p = c.p;
  p.any('id', `id ${g.id} `, g.id);
  const remote = ip4ToString(g.remote);
  p.any('remote', `remote ${remote} `, remote);
  if (g.ttl) p.any('ttl', `ttl ${g.ttl} `, g.ttl);
  else {
    p.jsonOnly('ttl', 0);
    p.text('ttl auto ');
  }
  p.jsonOnly('df', 'unset');
  p.any('port', `dstport ${g.dstport} `, g.dstport);
  p.any('udp_csum', 'noudpcsum ', false);
  p.any('udp_zero_csum6_rx', 'udp6zerocsumrx ', true);
}

export const geneveUtil: LinkUtil = {
  type: 'geneve',
  parseAdd(_ctx, args, op, gaps) {
    op.geneve = parseGeneveOpts(args, gaps);
    return '';
  },
  parseDel(_ctx, args, gaps) {
    parseGeneveOpts(args, gaps);
  },
  printOpt: geneveOpts,
};
