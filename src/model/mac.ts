/**
 * Deterministic MAC addresses. The kernel draws random locally administered unicast MACs
 * (eth_random_addr) for veth, bridge, vxlan and tap; the model draws them from a seeded PRNG so
 * a run is reproducible byte for byte. Comparisons with the kernel mask MAC addresses.
 */
export class MacAllocator {
  private state: number;
  constructor(seed = 0x6e657474) {
    this.state = seed >>> 0 || 1;
  }
  private next(): number {
    // xorshift32: tiny, fast, good enough for distinct addresses
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }
  /** A random locally administered unicast address, as eth_random_addr makes. */
  allocate(): string {
    const a = this.next();
    const b = this.next();
    const bytes = [((a >>> 24) & 0xfe) | 0x02, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, (b >>> 24) & 255, (b >>> 16) & 255];
    return bytes.map((x) => x.toString(16).padStart(2, '0')).join(':');
  }
}

export const ZERO_MAC = '00:00:00:00:00:00';
export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
