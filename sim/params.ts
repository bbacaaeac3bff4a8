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
    /** retrans_time_ms = 1000 */
    retransUs: 1_000_000,
    /**
     * A retransmit timer of 250 jiffies lands on the timer wheel's 8-jiffy (32 ms) grid, so it fires
     * 4–32 ms late; measured: ARP gives up ~3.05 s after the first probe. The fixed slack keeps
     * `ping -W 3` silent and `ping -W 3.1` reporting, as the kernel does.
     */
    timerSlackUs: 18_000,
    /** base_reachable_time_ms = 30000 (the kernel randomizes 0.5–1.5×; the mean is used) */
    reachableUs: 30_000_000,
    /** delay_first_probe_time = 5 s */
    delayProbeUs: 5_000_000,
    /** locktime = 1 s: a second, different ARP answer within it does not override the first */
    locktimeUs: 1_000_000,
    /** unres_qlen_bytes = 212992, about 101 echo packets */
    queueLen: 101,
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
