/**
 * A named nf_tables set (`nft add set FAMILY TABLE NAME { type T; [flags interval;] }`): its
 * key type, whether it holds intervals (prefixes and ranges), and its elements, kept sorted by
 * key as nft lists them. Rules test membership by name at packet time (`ip saddr @NAME`), so
 * adding or deleting an element changes what matches without touching a rule.
 */

/** The key types nettwin models (nft's datatype names). */
export type NftSetType = 'ipv4_addr' | 'inet_service' | 'inet_proto' | 'mark' | 'ifname';

/** One element: a key (an ifname is a string), or with `flags interval` a range [lo, hi]. */
export interface NftSetElem {
  lo: number | string;
  hi: number | string;
}

export interface NftSet {
  name: string;
  type: NftSetType;
  interval: boolean;
  handle: number;
  /** sorted by key (elemCompare) */
  elems: NftSetElem[];
  /** rules of the table that refer to it (a set in use cannot be deleted: EBUSY) — counted when asked */
}

/**
 * The order nft lists elements in: by their value as the kernel stores it — numbers by value,
 * an interface name as a little-endian number (so a shorter name first, then by its last
 * characters), which is how nft's sort compares the key bytes.
 */
export function elemCompare(a: NftSetElem, b: NftSetElem): number {
  if (typeof a.lo === 'number' && typeof b.lo === 'number') return a.lo - b.lo;
  const x = String(a.lo);
  const y = String(b.lo);
  if (x.length !== y.length) return x.length - y.length;
  for (let i = x.length - 1; i >= 0; i--) if (x.charCodeAt(i) !== y.charCodeAt(i)) return x.charCodeAt(i) - y.charCodeAt(i);
  return 0;
}

/** Whether `key` is in the set (in one of its ranges). */
export function setHas(s: NftSet, key: number | string): boolean {
  for (const e of s.elems) {
    if (typeof key === 'number' && typeof e.lo === 'number') {
      if (key >= e.lo && key <= (e.hi as number)) return true;
    } else if (key === e.lo) return true;
  }
  return false;
}

/** The element equal to `e`, if the set has it. */
export function findElem(s: NftSet, e: NftSetElem): number {
  return s.elems.findIndex((x) => x.lo === e.lo && x.hi === e.hi);
}

/** Whether `e` overlaps an element of the set other than itself. */
export function overlaps(s: NftSet, e: NftSetElem): boolean {
  if (typeof e.lo !== 'number') return false;
  const lo = e.lo;
  return s.elems.some((x) => typeof x.lo === 'number' && !(x.lo === lo && x.hi === e.hi) && x.lo <= (e.hi as number) && (x.hi as number) >= lo);
}

/** A deep copy (nft transactions work on copies of tables). */
export function cloneSet(s: NftSet): NftSet {
  return { ...s, elems: s.elems.map((e) => ({ ...e })) };
}
