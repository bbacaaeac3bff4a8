import type { Netns } from './netns.js';

/** for each namespace, the namespaces whose NsidMap has an id for it */
const holders = new WeakMap<Netns, Set<Netns>>();

/** The namespaces that have given `ns` an id (each owns an NsidMap with `ns` as a key). */
export function nsidHolders(ns: Netns): readonly Netns[] {
  const h = holders.get(ns);
  return h ? [...h] : [];
}

/**
 * The ids a namespace has given to others (peernet2id_alloc), as a Map that also knows its
 * lowest free id: the kernel's idr hands out the lowest one, and a root namespace with
 * thousands of peers must not rescan them all for every new one. It also keeps, for each
 * key, which namespaces hold an id for it (nsidHolders), so a deleted namespace is forgotten
 * without visiting every namespace.
 *
 * @example
 * const ids = new NsidMap(owner);
 * ids.set(a, 0).set(b, 1);
 * ids.delete(a);
 * ids.lowestFree(); // 0
 */
export class NsidMap extends Map<Netns, number> {
  /** how many keys hold each id (the kernel never gives one id twice; read-back may) */
  private held: Map<number, number> | undefined;
  /** every id below it is held */
  private low = 0;

  constructor(private readonly owner?: Netns) {
    super();
  }

  override set(key: Netns, id: number): this {
    const old = super.get(key);
    if (old !== undefined) this.release(old);
    else if (this.owner) {
      let h = holders.get(key);
      if (!h) holders.set(key, (h = new Set()));
      h.add(this.owner);
    }
    super.set(key, id);
    this.held ??= new Map();
    this.held.set(id, (this.held.get(id) ?? 0) + 1);
    return this;
  }

  override delete(key: Netns): boolean {
    const old = super.get(key);
    if (!super.delete(key)) return false;
    if (old !== undefined) this.release(old);
    if (this.owner) holders.get(key)?.delete(this.owner);
    return true;
  }

  override clear(): void {
    if (this.owner) for (const key of super.keys()) holders.get(key)?.delete(this.owner);
    super.clear();
    this.held?.clear();
    this.low = 0;
  }

  /** The lowest id no key holds. */
  lowestFree(): number {
    const held = this.held;
    if (!held) return this.low;
    while (held.has(this.low)) this.low++;
    return this.low;
  }

  private release(id: number): void {
    const held = this.held;
    const n = held?.get(id);
    if (!held || n === undefined) return;
    if (n > 1) held.set(id, n - 1);
    else {
      held.delete(id);
      if (Number.isInteger(id) && id >= 0 && id < this.low) this.low = id;
    }
  }
}
