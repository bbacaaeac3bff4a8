/**
 * Which namespace each recent lab version belongs to: every `Netns.touch`/`touchRoutes` bumps
 * the lab's version by one and notes its namespace here, so a cache that remembers a lab
 * version finds the namespaces changed since without looking at every namespace. Bounded:
 * the oldest notes are dropped. A version bumped without a note (a namespace made or deleted)
 * shows as a gap: fewer notes than versions.
 */
import type { Netns } from './netns.js';

/**
 * A ring of the last `capacity` (lab version, namespace) notes.
 *
 * @example
 * const v = lab.version;
 * lab.host('h').sh('ip route add 10.1.0.0/16 dev eth0');
 * lab.nsChanges.since(v, lab.version); // [h's root namespace]
 */
export class NsChanges {
  private readonly nss: Netns[] = [];
  private readonly versions: number[] = [];
  private head = 0;
  /** every note of a version ≥ floor is still kept */
  private floor = 0;

  constructor(readonly capacity = 4096) {}

  /** Notes that `ns` changed while the lab was at `version` (Netns does this). */
  record(ns: Netns, version: number): void {
    if (this.nss.length < this.capacity) {
      this.nss.push(ns);
      this.versions.push(version);
      return;
    }
    this.floor = this.versions[this.head]! + 1;
    this.nss[this.head] = ns;
    this.versions[this.head] = version;
    this.head = (this.head + 1) % this.capacity;
  }

  /**
   * The namespaces changed from lab version `from` to `to`, one per version; null when that
   * is not known (notes dropped, or a version bumped without one).
   */
  since(from: number, to: number): Netns[] | null {
    if (from < this.floor) return null;
    const n = this.nss.length;
    const cap = this.capacity;
    let k = n;
    while (k > 0 && this.versions[(this.head + k - 1) % cap]! >= from) k--;
    if (n - k !== to - from) return null;
    const out: Netns[] = [];
    for (let i = k; i < n; i++) out.push(this.nss[(this.head + i) % cap]!);
    return out;
  }
}
