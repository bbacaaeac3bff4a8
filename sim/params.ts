/**
 * Kernel defaults the engine runs on (Documentation/networking/ip-sysctl.rst, neighbour.c
 * arp_tbl, route.c, icmp.c), in µs, plus the simulator's own fixed costs. Values read off a
 * 6.18 kernel (`/proc/sys/net/ipv4/neigh/default/*`, HZ=250) where the kernel draws them at random.
 */
export const PARAMS = {
  /** virtual latency of one link traversal (veth, cable, loopback): makes RTTs deterministic */
  linkLatencyUs: 20,
  neigh: {
    /** mcast_solicit: broadcast probes while INCOMPLETE */
    mcastProbes: 3,
    /** ucast_solicit: unicast probes in PROBE */
    ucastProbes: 3,
    appProbes: 0,
    mcastReprobes: 0,
    /** retrans_time_ms = 1000 (fires ~18 ms late on the timer wheel: see `timerWheelUs`) */
    retransUs: 1_000_000,
    /** base_reachable_time_ms = 30000 (the kernel randomizes 0.5–1.5×; the mean is used) */
    reachableUs: 30_000_000,
    /** delay_first_probe_time = 5 s */
    delayProbeUs: 5_000_000,
    /** locktime = 1 s: a second, different ARP answer within it does not override the first */
    locktimeUs: 1_000_000,
    /** unres_qlen_bytes = 212992, about 101 echo packets */
    queueLen: 101,
    /** proxy_delay = 80 (0.8 s): a proxied answer to a broadcast request waits a random part of it (the mean is used) */
    proxyDelayUs: 800_000,
    /** proxy_qlen = 64 requests waiting per device */
    proxyQlen: 64,
  },
  icmp: {
    /** icmp_ratelimit = 1000 ms, with a burst of XRLIM_BURST_FACTOR (6) */
    ratelimitUs: 1_000_000,
    burstFactor: 6,
    /** icmp_ratemask 0x1818: dest unreachable, source quench, time exceeded, parameter problem */
    ratemask: 0x1818,
    /** ip_rt_error_cost = HZ, ip_rt_error_burst = 5 * HZ (route.c ip_error) */
    errorCostUs: 1_000_000,
    errorBurstUs: 5_000_000,
    /** ip_rt_redirect_load = HZ/50, number = 9, silence = load << 10 */
    redirectLoadUs: 20_000,
    redirectNumber: 9,
    redirectSilenceUs: 20_000 << 10,
    /** ip_rt_gc_timeout: lifetime of a learned redirect (nexthop exception) */
    redirectExpiresUs: 300_000_000,
    echoIgnoreBroadcasts: true,
    defaultTtl: 64,
  },
  /** bridges crossed before a frame is declared looping (no STP in the model) */
  maxBridgeHops: 32,
} as const;

/** HZ of the reference kernel: one jiffy is 4 ms. */
export const JIFFY_US = 4000;

/**
 * When a jiffies timer armed `us` from now really fires (kernel/time/timer.c): the timer wheel
 * rounds the expiry up to its level's granularity (1 jiffy below 64 jiffies, 8 up to 511, 64 up
 * to 4095, ×8 per level), so a 1 s timer (250 jiffies) fires 4–32 ms late; the mean is used.
 * This is why ARP gives up ~3.05 s after its first probe (measured; `ping -W 3` is still silent,
 * `-W 3.1` reports) and why ping's probes drift ~20 ms per second (it waits with SO_RCVTIMEO,
 * and iputils caps its token bucket, so the lateness is never caught up: `time 3066ms` for 4).
 */
export function timerWheelUs(us: number): number {
  const j = Math.ceil(us / JIFFY_US);
  let gran = 1;
  for (let limit = 64; j >= limit && gran < 8 ** 8; limit *= 8) gran *= 8;
  return us + ((gran + 1) / 2) * JIFFY_US;
}
