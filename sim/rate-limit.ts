/**
 * Per-destination token buckets of the namespace's inet_peer entries (net/ipv4/inetpeer.c
 * inet_peer_xrlim_allow, route.c ip_error and ip_rt_send_redirect). One peer per destination
 * address holds `rate_tokens`/`rate_last`, shared by ICMP error rate limiting and ip_error's own
 * bucket, which is why a router's "net unreachable" burst is shorter than its "time exceeded" one
 * (2 vs 7 for pings 200 ms apart, measured).
 */
import type { Ip4 } from '../src/model/ip.js';
import type { Ip6 } from '../src/model/ipv6/ip6.js';
import { PARAMS } from './params.js';

export interface Peer {
  tokens: number;
  last: number;
  redirects: number;
}

export class Peers {
  /** IPv4 and IPv6 peers share one table (inet_peer has one per family; their keys never collide here) */
  private readonly map = new Map<Ip4 | Ip6, Peer>();

  get(addr: Ip4 | Ip6, now: number): Peer {
    let p = this.map.get(addr);
    if (!p) {
      // rate_last starts 60 s back so the first computation gives a full bucket
      p = { tokens: 0, last: now - 60_000_000, redirects: 0 };
      this.map.set(addr, p);
    }
    return p;
  }

  /** inet_peer_xrlim_allow(peer, timeout): burst of 6 × timeout, one per timeout. */
  xrlimAllow(addr: Ip4 | Ip6, now: number, timeout: number = PARAMS.icmp.ratelimitUs): boolean {
    const p = this.get(addr, now);
    let token = p.tokens + (now - p.last);
    p.last = now;
    const cap = PARAMS.icmp.burstFactor * timeout;
    if (token > cap) token = cap;
    let ok = false;
    if (token >= timeout) {
      token -= timeout;
      ok = true;
    }
    p.tokens = token;
    return ok;
  }

  /** ip_error's own bucket (cost 1 s, burst 5 s) on the same peer fields. */
  errorAllow(addr: Ip4, now: number): boolean {
    const p = this.get(addr, now);
    p.tokens += now - p.last;
    if (p.tokens > PARAMS.icmp.errorBurstUs) p.tokens = PARAMS.icmp.errorBurstUs;
    p.last = now;
    if (p.tokens >= PARAMS.icmp.errorCostUs) {
      p.tokens -= PARAMS.icmp.errorCostUs;
      return true;
    }
    return false;
  }

  clone(): Peers {
    const c = new Peers();
    for (const [k, v] of this.map) c.map.set(k, { ...v });
    return c;
  }
}
