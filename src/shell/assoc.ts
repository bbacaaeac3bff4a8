/**
 * An associative array (`declare -A`) that lists its keys in the order bash 5.2 does: bash keeps
 * one in a chained hash table (hashlib.c) and walks it bucket by bucket, each chain from its
 * head, so `${!a[@]}`, `${a[@]}` and `declare -p` show that order, not the order of assignment.
 * What decides it, reproduced here (the code is our own):
 * - the hash is 32-bit FNV-1 over the key's bytes, each byte a *signed* char (x86), so a byte
 *   ≥ 0x80 is XORed sign-extended;
 * - the bucket is `hash & (buckets - 1)`; a new key goes to the head of its bucket's chain;
 *   assigning an existing key keeps its place; unsetting one unlinks it;
 * - before a new key is added to a table holding ≥ 2 × buckets keys, the table grows to 4 ×
 *   buckets, moving the old chains bucket by bucket, each item to the head of its new chain;
 * - `declare -A` / `local -A` of a new name makes 1024 buckets, converting an existing scalar
 *   128 (the scalar becomes key "0"), and `a=(…)` a fresh table as large as the old one.
 */

interface Item {
  key: string;
  hash: number;
  value: string;
}

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;
const encoder = new TextEncoder();

/** bash's hash_string of a key, over its UTF-8 bytes taken as signed chars */
export function bashHash(key: string): number {
  let h = FNV_OFFSET;
  for (const b of encoder.encode(key)) {
    h = Math.imul(h, FNV_PRIME) >>> 0;
    h = (h ^ (b >= 0x80 ? b - 0x100 : b)) >>> 0;
  }
  return h;
}

/** buckets of `declare -A NAME` for a new name (bash's ASSOC_HASH_BUCKETS) */
export const NEW_ASSOC_BUCKETS = 1024;
/** buckets when an existing scalar is converted (bash's DEFAULT_HASH_BUCKETS) */
export const CONVERTED_ASSOC_BUCKETS = 128;

export class AssocArray {
  private buckets: Item[][];
  private count = 0;

  constructor(size: number = NEW_ASSOC_BUCKETS) {
    this.buckets = Array.from({ length: size }, () => []);
  }

  get size(): number {
    return this.count;
  }

  /** the number of buckets (a compound assignment makes a fresh table of this size) */
  get width(): number {
    return this.buckets.length;
  }

  private chain(hash: number): Item[] {
    return this.buckets[hash & (this.buckets.length - 1)]!;
  }

  get(key: string): string | undefined {
    const h = bashHash(key);
    return this.chain(h).find((i) => i.hash === h && i.key === key)?.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, value: string): void {
    const h = bashHash(key);
    const found = this.chain(h).find((i) => i.hash === h && i.key === key);
    if (found) {
      found.value = value;
      return;
    }
    if (this.count >= this.buckets.length * 2) this.grow();
    this.chain(h).unshift({ key, hash: h, value });
    this.count++;
  }

  delete(key: string): boolean {
    const h = bashHash(key);
    const c = this.chain(h);
    const at = c.findIndex((i) => i.hash === h && i.key === key);
    if (at === -1) return false;
    c.splice(at, 1);
    this.count--;
    return true;
  }

  private grow(): void {
    const old = this.buckets;
    this.buckets = Array.from({ length: old.length * 4 }, () => []);
    for (const c of old) for (const i of c) this.chain(i.hash).unshift(i);
  }

  /** [key, value] in bash's walking order */
  entries(): [string, string][] {
    const out: [string, string][] = [];
    for (const c of this.buckets) for (const i of c) out.push([i.key, i.value]);
    return out;
  }

  keys(): string[] {
    return this.entries().map(([k]) => k);
  }

  values(): string[] {
    return this.entries().map(([, v]) => v);
  }

  /** a copy with the same buckets and chains (a subshell's, as bash's hash_copy) */
  copy(): AssocArray {
    const a = new AssocArray(this.buckets.length);
    a.buckets = this.buckets.map((c) => c.map((i) => ({ ...i })));
    a.count = this.count;
    return a;
  }
}
