/**
 * The shell's variables: scalars, indexed arrays (sparse, as bash's: `unset 'a[1]'` leaves a
 * hole) and associative arrays (in bash's hash order, see assoc.ts), global or local to a
 * function call (`local` makes one in the innermost call, dynamic scoping as bash has it), with
 * `readonly`.
 */
import { AssocArray, CONVERTED_ASSOC_BUCKETS, NEW_ASSOC_BUCKETS } from './assoc.js';

/** an indexed array: its elements by index */
export class IndexedArray {
  constructor(readonly items = new Map<number, string>()) {}

  static of(values: string[]): IndexedArray {
    return new IndexedArray(new Map(values.map((v, i) => [i, v])));
  }

  indices(): number[] {
    return [...this.items.keys()].sort((a, b) => a - b);
  }

  values(): string[] {
    return this.indices().map((i) => this.items.get(i)!);
  }

  /** one past the highest index (where `a+=(x)` goes) */
  get end(): number {
    let max = -1;
    for (const i of this.items.keys()) if (i > max) max = i;
    return max + 1;
  }
}

export type Value = string | IndexedArray | AssocArray;

function copyValue(v: Value | undefined): Value | undefined {
  if (v instanceof IndexedArray) return new IndexedArray(new Map(v.items));
  if (v instanceof AssocArray) return v.copy();
  return v;
}

/** why `declare -A`/`-a` could not change a variable (bash's words after `NAME: `) */
export type ConvertError = 'cannot convert indexed to associative array' | 'cannot convert associative to indexed array';

export class Vars {
  private readonly scopes: Map<string, Value | undefined>[] = [new Map()];
  private readonly readonly = new Set<string>();
  readonly exported = new Set<string>();
  /** `declare -i`: assignments evaluate arithmetic */
  readonly integer = new Set<string>();
  /** arrays declared (`declare -a e`) and not assigned yet: `declare -p` shows no value */
  private readonly unassigned = new Set<string>();

  constructor(init: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(init)) this.scopes[0]!.set(k, v);
  }

  private scopeOf(name: string): Map<string, Value | undefined> | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i];
    return undefined;
  }

  private value(name: string): Value | undefined {
    return this.scopeOf(name)?.get(name);
  }

  /** A scalar's value, or an array's element 0 (an associative array's key "0"). */
  get(name: string): string | undefined {
    const v = this.value(name);
    if (v instanceof IndexedArray) return v.items.get(0);
    if (v instanceof AssocArray) return v.get('0');
    return v;
  }

  /** An array's values in order (a scalar: itself alone). */
  array(name: string): string[] | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    return typeof v === 'string' ? [v] : v.values();
  }

  /** `${!a[@]}`: an array's indices or keys (a scalar: 0). */
  keys(name: string): string[] | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (v instanceof IndexedArray) return v.indices().map(String);
    if (v instanceof AssocArray) return v.keys();
    return ['0'];
  }

  isArray(name: string): boolean {
    const v = this.value(name);
    return v instanceof IndexedArray || v instanceof AssocArray;
  }

  isAssoc(name: string): boolean {
    return this.value(name) instanceof AssocArray;
  }

  /** `${a[k]}`: an associative array's element `key`, or an indexed one's (negative: from the end). */
  element(name: string, key: string | number): string | undefined {
    const v = this.value(name);
    if (v instanceof AssocArray) return v.get(String(key));
    const i = Number(key);
    if (v instanceof IndexedArray) return v.items.get(i < 0 ? v.end + i : i);
    return i === 0 || i === -1 ? v : undefined;
  }

  isReadonly(name: string): boolean {
    return this.readonly.has(name);
  }

  /**
   * Sets a variable where it lives (or globally); false when it is read-only. A string given to
   * an array sets its element 0 (key "0"), as bash does; a list makes a new indexed array, or
   * for an associative array a new table of key/value pairs (bash 5.2's `a=(k1 v1 k2 v2)`).
   */
  set(name: string, value: string | string[]): boolean {
    if (this.readonly.has(name)) return false;
    this.unassigned.delete(name);
    const cur = this.value(name);
    let next: Value;
    if (typeof value === 'string') {
      if (cur instanceof IndexedArray) {
        cur.items.set(0, value);
        return true;
      }
      if (cur instanceof AssocArray) {
        cur.set('0', value);
        return true;
      }
      next = value;
    } else if (cur instanceof AssocArray) {
      const a = new AssocArray(cur.width);
      for (let i = 0; i < value.length; i += 2) a.set(value[i]!, value[i + 1] ?? '');
      next = a;
    } else next = IndexedArray.of(value);
    (this.scopeOf(name) ?? this.scopes[0]!).set(name, next);
    return true;
  }

  /** Puts back what `raw` returned (after a command's temporary assignments). */
  restore(name: string, raw: Value | undefined): void {
    const s = this.scopeOf(name) ?? this.scopes[0]!;
    if (raw === undefined && s === this.scopes[0]) s.delete(name);
    else s.set(name, raw);
  }

  /** a copy of a variable's value, for `restore` */
  raw(name: string): Value | undefined {
    return copyValue(this.value(name));
  }

  /** `a[i]=v` of an indexed array (or of a scalar, which becomes one); false when read-only. */
  setIndex(name: string, index: number, value: string): boolean {
    if (this.readonly.has(name)) return false;
    this.unassigned.delete(name);
    const cur = this.value(name);
    const arr = cur instanceof IndexedArray ? cur : new IndexedArray(cur === undefined ? new Map() : new Map([[0, cur as string]]));
    arr.items.set(index < 0 ? arr.end + index : index, value);
    if (arr !== cur) (this.scopeOf(name) ?? this.scopes[0]!).set(name, arr);
    return true;
  }

  /** `a[k]=v` of an associative array; false when read-only. */
  setKey(name: string, key: string, value: string): boolean {
    if (this.readonly.has(name)) return false;
    this.unassigned.delete(name);
    (this.value(name) as AssocArray).set(key, value);
    return true;
  }

  /** `unset 'a[k]'`: false when read-only. */
  unsetElement(name: string, key: string | number): boolean {
    if (this.readonly.has(name)) return false;
    const v = this.value(name);
    if (v instanceof AssocArray) v.delete(String(key));
    else if (v instanceof IndexedArray) {
      const i = Number(key);
      v.items.delete(i < 0 ? v.end + i : i);
    } else if (v !== undefined && Number(key) === 0) this.unset(name);
    return true;
  }

  /** `declare -A NAME`: a new table, or an existing scalar converted (its value as key "0"). */
  declareAssoc(name: string): ConvertError | null {
    const cur = this.value(name);
    if (cur instanceof AssocArray) return null;
    if (cur instanceof IndexedArray) return 'cannot convert indexed to associative array';
    const a = new AssocArray(cur === undefined ? NEW_ASSOC_BUCKETS : CONVERTED_ASSOC_BUCKETS);
    if (cur !== undefined) a.set('0', cur);
    else this.unassigned.add(name);
    (this.scopeOf(name) ?? this.scopes[0]!).set(name, a);
    return null;
  }

  /** `declare -a NAME`: an empty indexed array, or an existing scalar as its element 0. */
  declareIndexed(name: string): ConvertError | null {
    const cur = this.value(name);
    if (cur instanceof IndexedArray) return null;
    if (cur instanceof AssocArray) return 'cannot convert associative to indexed array';
    if (cur === undefined) this.unassigned.add(name);
    (this.scopeOf(name) ?? this.scopes[0]!).set(name, new IndexedArray(cur === undefined ? new Map() : new Map([[0, cur]])));
    return null;
  }

  /** `declare NAME` of a name nothing holds: declared, with no value (`declare -p` shows `declare -- NAME`) */
  declareName(name: string): void {
    if (!this.scopeOf(name)) this.scopes[0]!.set(name, undefined);
  }

  /** What `declare -p NAME` shows: null when no scope holds the name; `value` undefined when it has none. */
  declared(name: string): { value: Value | undefined; unassigned: boolean; readonly: boolean; exported: boolean; integer: boolean } | null {
    const s = this.scopeOf(name);
    if (!s) return null;
    const value = s.get(name);
    return { value, unassigned: value === undefined || this.unassigned.has(name), readonly: this.readonly.has(name), exported: this.exported.has(name), integer: this.integer.has(name) };
  }

  markReadonly(name: string): void {
    this.readonly.add(name);
  }

  /** `local NAME`: a variable of the innermost function call (unset until assigned). */
  local(name: string): void {
    const top = this.scopes[this.scopes.length - 1]!;
    if (!top.has(name)) top.set(name, this.scopes.length > 1 ? undefined : this.value(name));
  }

  unset(name: string): boolean {
    if (this.readonly.has(name)) return false;
    this.unassigned.delete(name);
    this.integer.delete(name);
    const s = this.scopeOf(name);
    if (s === this.scopes[0]) s!.delete(name);
    else s?.set(name, undefined);
    return true;
  }

  get depth(): number {
    return this.scopes.length - 1;
  }

  push(): void {
    this.scopes.push(new Map());
  }

  pop(): void {
    if (this.scopes.length > 1) this.scopes.pop();
  }

  /** A copy for a subshell: what it changes is not seen after it. */
  snapshot(): Vars {
    const v = new Vars();
    v.scopes.length = 0;
    for (const s of this.scopes) v.scopes.push(new Map([...s].map(([k, x]) => [k, copyValue(x)])));
    for (const r of this.readonly) v.readonly.add(r);
    for (const e of this.exported) v.exported.add(e);
    for (const e of this.integer) v.integer.add(e);
    for (const e of this.unassigned) v.unassigned.add(e);
    return v;
  }
}
