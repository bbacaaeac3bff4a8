/** The settings of `ip link add … type geneve|bond` as ops carry them (op.ts's LinkAddOp). */
import type { Ip4 } from '../model/ip.js';

/** `type geneve` settings (IFLA_GENEVE_*); null: not given. */
export interface GeneveSpec {
  id: number | null;
  remote: Ip4 | null;
  ttl: number | null;
  dstport: number | null;
}

/** `type bond` settings (IFLA_BOND_*); null: not given (the kernel's default). */
export interface BondSpec {
  mode: 'balance-rr' | 'active-backup' | null;
  miimon: number | null;
  updelay: number | null;
  downdelay: number | null;
}
