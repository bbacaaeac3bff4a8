/**
 * IPv4 longest-prefix match: the core of the simulator's FIB.
 *
 * Two representations live behind the one class and are switched automatically:
 *
 * - **small** (the default, and whenever `size <= denseThreshold`): one sorted array of keys
 *   `prefix * 64 + len` (a double, exact below 2^38) plus a parallel value array, and a bitmap of
 *   the prefix lengths present. A lookup scans linearly for tiny tables and otherwise does one
 *   binary search per present length, longest first. A table of a handful of routes costs a few
 *   hundred bytes, so thousands of simulated namespaces stay cheap.
 *
 * - **dense** (once `size > denseThreshold`, default 4096): DIR-24-8.
 *   - `t24`: Int32Array(2^24), indexed by the top 24 address bits, holding either 0 (no prefix of
 *     length 8..24 covers the slot), an encoded route `rid * 64 + len` (len 8..24), or
 *     `0x80000000 | block` pointing at a 256-entry block in `t8`.
 *   - `t8`: 256-entry blocks for /24s that contain prefixes longer than /24; entries are 0 or an
 *     encoded route of len 8..32.
 *   - `t0`: Int32Array(256) indexed by the top 8 bits, for prefixes /0../7 (incl. the default
 *     route). A 0 from `t24`/`t8` falls back to it, so inserting or removing a short prefix never
 *     touches more than 256 slots and no insert touches more than 2^16 slots (a /8).
 *   - per-length Maps (prefix key -> rid) hold the authoritative route set; a removal looks up
 *     the next-shorter covering prefix there and writes it back into exactly the slots the removed
 *     prefix owned. Updates are incremental; no rebuild.
 *   - Because a slot stores its prefix length, an insert overwrites a slot only when the slot's
 *     current length is <= the new one, which makes the tables independent of insertion order.
 *   The top table is 64 MiB, plus 1 KiB per /24 holding a longer-than-/24 prefix.
 *
 * The dense tables are dropped again (back to small) when `size * 4 < denseThreshold`
 * (hysteresis), and by `clear()`.
 *
 * Addresses and prefixes are unsigned 32-bit numbers in host order (`0x0a000001` = 10.0.0.1).
 * Signed 32-bit values (e.g. the result of `|`) are accepted too and mean the same bits.
 */

/** Network masks as int32, indexed by prefix length (MASK[0] = 0, MASK[32] = -1). */
const MASK = new Int32Array(33);
for (let l = 1; l <= 32; l++) MASK[l] = -1 << (32 - l);

/** Bit 31 of a `t24` entry: the low bits are a `t8` block index. */
const BLOCK_FLAG = -0x80000000;
/** Route ids are packed as `rid * 64 + len` into a non-negative int32. */
const MAX_RID = (1 << 25) - 1;
/** Small tables with at most this many entries are scanned linearly. */
const LINEAR_MAX = 8;
const DEFAULT_DENSE_THRESHOLD = 4096;
/** Up to this many entries the small arrays are kept at exact capacity. */
const EXACT_MAX = 32;
const INITIAL_BLOCKS = 64;

export interface LpmOptions {
  /**
   * Switch to the DIR-24-8 representation (64 MiB top table) when the table holds more than this
   * many prefixes; switch back when it drops below a quarter of it. Default 4096. `0` means dense
   * as soon as there is one entry; `Infinity` means never.
   */
  denseThreshold?: number;
}

export interface LpmEntry<T> {
  prefix: number;
  len: number;
  value: T;
}

export interface LpmStats {
  representation: 'small' | 'dense';
  size: number;
  /** Live 256-entry second-level blocks (dense only). */
  blocks: number;
  /** Bytes held in typed arrays (top table, blocks, per-block counters); 0 when small. */
  tableBytes: number;
}

function checkLen(len: number): void {
  if (!Number.isInteger(len) || len < 0 || len > 32) {
    throw new RangeError(`Lpm: prefix length must be an integer in 0..32, got ${len}`);
  }
}

/** Validate, clear host bits, return as unsigned. */
function normPrefix(prefix: number, len: number): number {
  checkLen(len);
  if (!Number.isInteger(prefix) || prefix < -0x80000000 || prefix > 0xffffffff) {
    throw new RangeError(`Lpm: prefix must be a 32-bit integer, got ${prefix}`);
  }
  return (prefix & MASK[len]!) >>> 0;
}

/** Key for the per-length maps: the top `len` bits, as a small integer (Smi for len <= 31). */
function mapKey(prefix: number, len: number): number {
  return len === 0 ? 0 : prefix >> (32 - len);
}

function mapKeyToPrefix(key: number, len: number): number {
  return len === 0 ? 0 : (key << (32 - len)) >>> 0;
}

class Dense<T> {
  readonly t24 = new Int32Array(1 << 24);
  readonly t0 = new Int32Array(256);
  t8 = new Int32Array(INITIAL_BLOCKS << 8);
  /** Per block: number of prefixes longer than /24 inside it. */
  blkCnt = new Int32Array(INITIAL_BLOCKS);
  blkHigh = 0;
  blkFree: number[] = [];
  blocks = 0;
  readonly maps: Map<number, number>[] = [];
  /** Route values by rid; rid 0 is never used so that `vals[0]` is the miss result. */
  vals: (T | undefined)[] = [undefined];
  ridFree: number[] = [];
  size = 0;

  constructor() {
    for (let l = 0; l <= 32; l++) this.maps.push(new Map());
  }

  get(p: number, l: number): T | undefined {
    const rid = this.maps[l]!.get(mapKey(p, l));
    return rid === undefined ? undefined : this.vals[rid];
  }

  private allocBlock(fill: number): number {
    let b: number;
    if (this.blkFree.length !== 0) {
      b = this.blkFree.pop()!;
    } else {
      b = this.blkHigh++;
      if (b >= this.blkCnt.length) {
        // Grow by 1.5x: each block is 1 KiB and large tables hold tens of thousands of them.
        const cap = Math.min(1 << 23, this.blkCnt.length + (this.blkCnt.length >> 1));
        if (b >= cap) throw new RangeError('Lpm: too many second-level blocks');
        const t8 = new Int32Array(cap << 8);
        t8.set(this.t8);
        this.t8 = t8;
        const cnt = new Int32Array(cap);
        cnt.set(this.blkCnt);
        this.blkCnt = cnt;
      }
    }
    this.t8.fill(fill, b << 8, (b << 8) + 256);
    this.blkCnt[b] = 0;
    this.blocks++;
    return b;
  }

  /** Returns true if a new entry was created, false if an existing one was replaced. */
  insert(p: number, l: number, value: T): boolean {
    const m = this.maps[l]!;
    const key = mapKey(p, l);
    const old = m.get(key);
    if (old !== undefined) {
      this.vals[old] = value;
      return false;
    }
    let rid: number;
    if (this.ridFree.length !== 0) {
      rid = this.ridFree.pop()!;
      this.vals[rid] = value;
    } else {
      rid = this.vals.length;
      if (rid > MAX_RID) throw new RangeError('Lpm: too many routes');
      this.vals.push(value);
    }
    m.set(key, rid);
    this.size++;
    const enc = rid * 64 + l;

    if (l <= 7) {
      const t0 = this.t0;
      const s = p >>> 24;
      const e = s + (1 << (8 - l));
      for (let i = s; i < e; i++) if ((t0[i]! & 63) <= l) t0[i] = enc;
    } else if (l <= 24) {
      const t24 = this.t24;
      const t8 = this.t8;
      const s = p >>> 8;
      const e = s + (1 << (24 - l));
      for (let i = s; i < e; i++) {
        const x = t24[i]!;
        if (x < 0) {
          const b = (x & 0x7fffffff) << 8;
          for (let j = b; j < b + 256; j++) if ((t8[j]! & 63) <= l) t8[j] = enc;
        } else if ((x & 63) <= l) {
          t24[i] = enc;
        }
      }
    } else {
      const i = p >>> 8;
      const x = this.t24[i]!;
      let b: number;
      if (x >= 0) {
        b = this.allocBlock(x);
        this.t24[i] = BLOCK_FLAG | b;
      } else {
        b = x & 0x7fffffff;
      }
      this.blkCnt[b]!++;
      const t8 = this.t8;
      const s = (b << 8) | (p & 255);
      const e = s + (1 << (32 - l));
      for (let j = s; j < e; j++) if ((t8[j]! & 63) <= l) t8[j] = enc;
    }
    return true;
  }

  remove(p: number, l: number): boolean {
    const m = this.maps[l]!;
    const key = mapKey(p, l);
    const rid = m.get(key);
    if (rid === undefined) return false;
    m.delete(key);
    this.vals[rid] = undefined;
    this.ridFree.push(rid);
    this.size--;
    const enc = rid * 64 + l;

    // Next-shorter covering prefix. t24/t8 only ever hold lengths >= 8 (shorter ones live in t0).
    let repl = 0;
    const floor = l <= 7 ? 0 : 8;
    for (let k = l - 1; k >= floor; k--) {
      const mk = this.maps[k]!;
      if (mk.size === 0) continue;
      const r = mk.get(mapKey(p, k));
      if (r !== undefined) {
        repl = r * 64 + k;
        break;
      }
    }

    if (l <= 7) {
      const t0 = this.t0;
      const s = p >>> 24;
      const e = s + (1 << (8 - l));
      for (let i = s; i < e; i++) if (t0[i] === enc) t0[i] = repl;
    } else if (l <= 24) {
      const t24 = this.t24;
      const t8 = this.t8;
      const s = p >>> 8;
      const e = s + (1 << (24 - l));
      for (let i = s; i < e; i++) {
        const x = t24[i]!;
        if (x < 0) {
          const b = (x & 0x7fffffff) << 8;
          for (let j = b; j < b + 256; j++) if (t8[j] === enc) t8[j] = repl;
        } else if (x === enc) {
          t24[i] = repl;
        }
      }
    } else {
      const i = p >>> 8;
      const b = this.t24[i]! & 0x7fffffff;
      const t8 = this.t8;
      const s = (b << 8) | (p & 255);
      const e = s + (1 << (32 - l));
      for (let j = s; j < e; j++) if (t8[j] === enc) t8[j] = repl;
      if (--this.blkCnt[b]! === 0) {
        // Only the covering <= /24 route (or 0) is left, and it fills the whole block.
        this.t24[i] = t8[b << 8]!;
        this.blkFree.push(b);
        this.blocks--;
      }
    }
    return true;
  }

  /** Sorted `prefix * 64 + len` keys and the matching values. */
  snapshot(): { keys: Float64Array; vals: T[] } {
    const keys = new Float64Array(this.size);
    let n = 0;
    for (let l = 0; l <= 32; l++) {
      for (const key of this.maps[l]!.keys()) keys[n++] = mapKeyToPrefix(key, l) * 64 + l;
    }
    keys.sort();
    const vals = new Array<T>(n);
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      const l = k & 63;
      vals[i] = this.get((k - l) / 64, l) as T;
    }
    return { keys, vals };
  }

  tableBytes(): number {
    return this.t24.byteLength + this.t0.byteLength + this.t8.byteLength + this.blkCnt.byteLength;
  }
}

/** Longest-prefix match over IPv4 prefixes (addresses are unsigned 32-bit numbers, host order). */
export class Lpm<T> {
  /** Small representation: sorted keys `prefix * 64 + len`, i.e. ascending by prefix then len. */
  private sk: number[] = [];
  private sv: T[] = [];
  /** Bit (len - 1) set iff some entry has that length (1..32); the default route is `sk[0] === 0`. */
  private lenBits = 0;
  private d: Dense<T> | null = null;
  private readonly threshold: number;

  constructor(options?: LpmOptions) {
    const t = options?.denseThreshold ?? DEFAULT_DENSE_THRESHOLD;
    if (!(t >= 0) || (!Number.isInteger(t) && t !== Infinity)) {
      throw new RangeError(`Lpm: denseThreshold must be a non-negative integer or Infinity, got ${t}`);
    }
    this.threshold = t;
  }

  get size(): number {
    return this.d !== null ? this.d.size : this.sk.length;
  }

  /** Which representation is currently in use. */
  get representation(): 'small' | 'dense' {
    return this.d !== null ? 'dense' : 'small';
  }

  /**
   * Add `prefix/len` -> `value`, replacing the value of an existing entry for the same prefix and
   * length. Host bits of `prefix` beyond `len` are cleared. Throws RangeError on a length outside
   * 0..32 or a prefix that is not a 32-bit integer.
   */
  insert(prefix: number, len: number, value: T): void {
    const p = normPrefix(prefix, len);
    if (this.d !== null) {
      this.d.insert(p, len, value);
      return;
    }
    const sk = this.sk;
    const key = p * 64 + len;
    const i = lowerBound(sk, key);
    if (i < sk.length && sk[i] === key) {
      this.sv[i] = value;
      return;
    }
    if (i === sk.length) {
      sk.push(key);
      this.sv.push(value);
    } else {
      sk.splice(i, 0, key);
      this.sv.splice(i, 0, value);
    }
    if (sk.length <= EXACT_MAX) {
      // Growing arrays over-allocate (by ~16 slots); namespace-sized tables keep exact copies.
      this.sk = sk.slice();
      this.sv = this.sv.slice();
    }
    if (len > 0) this.lenBits |= 1 << (len - 1);
    if (this.sk.length > this.threshold) this.toDense();
  }

  /** Remove `prefix/len` (host bits cleared first); false if there was no such entry. */
  remove(prefix: number, len: number): boolean {
    const p = normPrefix(prefix, len);
    const d = this.d;
    if (d !== null) {
      if (!d.remove(p, len)) return false;
      if (d.size * 4 < this.threshold) this.toSmall();
      return true;
    }
    const sk = this.sk;
    const key = p * 64 + len;
    const i = lowerBound(sk, key);
    if (i >= sk.length || sk[i] !== key) return false;
    sk.splice(i, 1);
    this.sv.splice(i, 1);
    if (len > 0) {
      let still = false;
      for (let j = 0; j < sk.length; j++) {
        if ((sk[j]! & 63) === len) {
          still = true;
          break;
        }
      }
      if (!still) this.lenBits &= ~(1 << (len - 1));
    }
    return true;
  }

  /** Exact-match lookup of `prefix/len` (host bits cleared first). */
  get(prefix: number, len: number): T | undefined {
    const p = normPrefix(prefix, len);
    if (this.d !== null) return this.d.get(p, len);
    const sk = this.sk;
    const key = p * 64 + len;
    const i = lowerBound(sk, key);
    return i < sk.length && sk[i] === key ? this.sv[i] : undefined;
  }

  /** Value of the longest prefix containing `addr`, or undefined. */
  lookup(addr: number): T | undefined {
    const d = this.d;
    if (d !== null) {
      let e = d.t24[addr >>> 8]!;
      if (e < 0) e = d.t8[((e & 0x7fffffff) << 8) | (addr & 255)]!;
      if (e === 0) e = d.t0[addr >>> 24]!;
      return d.vals[e >>> 6];
    }
    const i = this.smallFind(addr);
    return i < 0 ? undefined : this.sv[i];
  }

  /** Length of the longest prefix containing `addr`, or -1. Does not allocate. */
  lookupLen(addr: number): number {
    const d = this.d;
    if (d !== null) {
      let e = d.t24[addr >>> 8]!;
      if (e < 0) e = d.t8[((e & 0x7fffffff) << 8) | (addr & 255)]!;
      if (e === 0) e = d.t0[addr >>> 24]!;
      return e === 0 ? -1 : e & 63;
    }
    const i = this.smallFind(addr);
    return i < 0 ? -1 : this.sk[i]! & 63;
  }

  /** Index into `sk` of the longest match, or -1. */
  private smallFind(addr: number): number {
    const sk = this.sk;
    const n = sk.length;
    if (n <= LINEAR_MAX) {
      let best = -1;
      let bestLen = -1;
      for (let i = 0; i < n; i++) {
        const k = sk[i]!;
        const l = k & 63;
        if (l > bestLen && ((addr ^ ((k - l) / 64)) & MASK[l]!) === 0) {
          best = i;
          bestLen = l;
        }
      }
      return best;
    }
    // One binary search per present length, longest first. The target key only decreases as the
    // length decreases, so each search can stop where the previous one ended.
    let bits = this.lenBits;
    let hi = n - 1;
    while (bits !== 0) {
      const b = 31 - Math.clz32(bits);
      bits ^= 1 << b;
      const l = b + 1;
      const target = ((addr & MASK[l]!) >>> 0) * 64 + l;
      let lo = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const k = sk[mid]!;
        if (k < target) lo = mid + 1;
        else if (k > target) hi = mid - 1;
        else return mid;
      }
    }
    return n !== 0 && sk[0] === 0 ? 0 : -1;
  }

  /** Snapshot of all entries, ascending by prefix then length. */
  *entries(): IterableIterator<LpmEntry<T>> {
    let keys: ArrayLike<number>;
    let vals: T[];
    if (this.d !== null) {
      ({ keys, vals } = this.d.snapshot());
    } else {
      keys = this.sk.slice();
      vals = this.sv.slice();
    }
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const len = k & 63;
      yield { prefix: (k - len) / 64, len, value: vals[i]! };
    }
  }

  [Symbol.iterator](): IterableIterator<LpmEntry<T>> {
    return this.entries();
  }

  /** Remove everything and release the dense tables. */
  clear(): void {
    this.sk = [];
    this.sv = [];
    this.lenBits = 0;
    this.d = null;
  }

  /** Diagnostics: representation, size, second-level blocks, typed-array bytes. */
  stats(): LpmStats {
    const d = this.d;
    return {
      representation: this.representation,
      size: this.size,
      blocks: d !== null ? d.blocks : 0,
      tableBytes: d !== null ? d.tableBytes() : 0,
    };
  }

  private toDense(): void {
    const d = new Dense<T>();
    const sk = this.sk;
    const sv = this.sv;
    for (let i = 0; i < sk.length; i++) {
      const k = sk[i]!;
      const l = k & 63;
      d.insert((k - l) / 64, l, sv[i]!);
    }
    this.d = d;
    this.sk = [];
    this.sv = [];
    this.lenBits = 0;
  }

  private toSmall(): void {
    const { keys, vals } = this.d!.snapshot();
    const sk: number[] = [];
    let bits = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      sk.push(k);
      const l = k & 63;
      if (l > 0) bits |= 1 << (l - 1);
    }
    this.sk = sk;
    this.sv = vals;
    this.lenBits = bits;
    this.d = null;
  }
}

function lowerBound(a: number[], key: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
