/**
 * The shell's variables: scalars and indexed arrays, global or local to a function call
 * (`local` makes one in the innermost call, dynamic scoping as bash has it), with `readonly`.
 */

type Value = string | string[];

export class Vars {
  private readonly scopes: Map<string, Value | undefined>[] = [new Map()];
  private readonly readonly = new Set<string>();
  readonly exported = new Set<string>();

  constructor(init: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(init)) this.scopes[0]!.set(k, v);
  }

  private scopeOf(name: string): Map<string, Value | undefined> | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) if (this.scopes[i]!.has(name)) return this.scopes[i];
    return undefined;
  }

  /** A scalar's value, or an array's first element. */
  get(name: string): string | undefined {
    const v = this.scopeOf(name)?.get(name);
    return Array.isArray(v) ? v[0] : v;
  }

  array(name: string): string[] | undefined {
    const v = this.scopeOf(name)?.get(name);
    return v === undefined ? undefined : Array.isArray(v) ? v : [v];
  }

  isArray(name: string): boolean {
    return Array.isArray(this.scopeOf(name)?.get(name));
  }

  isReadonly(name: string): boolean {
    return this.readonly.has(name);
  }

  /** Sets a variable where it lives (or globally); false when it is read-only. */
  set(name: string, value: Value): boolean {
    if (this.readonly.has(name)) return false;
    (this.scopeOf(name) ?? this.scopes[0]!).set(name, value);
    return true;
  }

  setIndex(name: string, index: number, value: string): boolean {
    if (this.readonly.has(name)) return false;
    const cur = this.array(name) ?? [];
    const next = [...cur];
    next[index] = value;
    for (let i = 0; i < next.length; i++) next[i] ??= '';
    return this.set(name, next);
  }

  markReadonly(name: string): void {
    this.readonly.add(name);
  }

  /** `local NAME`: a variable of the innermost function call (unset until assigned). */
  local(name: string): void {
    const top = this.scopes[this.scopes.length - 1]!;
    if (!top.has(name)) top.set(name, this.scopes.length > 1 ? undefined : this.get(name));
  }

  unset(name: string): boolean {
    if (this.readonly.has(name)) return false;
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
    for (const s of this.scopes) v.scopes.push(new Map([...s].map(([k, x]) => [k, Array.isArray(x) ? [...x] : x])));
    for (const r of this.readonly) v.readonly.add(r);
    for (const e of this.exported) v.exported.add(e);
    return v;
  }
}
