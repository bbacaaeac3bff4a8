/**
 * How a user names a namespace of a lab, the one rule every command follows (explain's
 * `--from`, verify's intents, graph's `--trace`, exec's `HOST/NS`):
 *
 * - a path as the lab has it: `node1` (a host's own namespace) or `node1/NS1` (a named one);
 * - `NS1` alone, when exactly one host has a namespace of that name (a script's single host is
 *   `host`, so `h1` names `host/h1`);
 * - where a list is taken (all-reach's `among`, no-blackholes' `from`), also `all` (every
 *   namespace) and globs, `*` and `?` within one part of a path: `node1/*` (node1's named
 *   namespaces), `*\/NS1` (every host's NS1), `*` (every host's own namespace).
 *
 * A name that fails says why, and suggests the names meant: the paths ending the same way, or
 * those a typo or two away.
 */

/**
 * What one namespace name resolves to: its path, or why none (with suggestions).
 *
 * @example resolveNsName(['node1', 'node1/NS1'], 'NS2') // { kind: 'error', message: 'unknown namespace "NS2" …' }
 */
export type NsName = { kind: 'ok'; path: string } | { kind: 'error'; message: string };
/**
 * What a name or pattern (`all`, globs) resolves to: the paths, or why none.
 *
 * @example expandNsNames(['a', 'a/X'], 'all') // { kind: 'ok', paths: ['a', 'a/X'] }
 */
export type NsNames = { kind: 'ok'; paths: string[] } | { kind: 'error'; message: string };

/** The word that stands for every namespace of the lab. */
export const ALL_NAMESPACES = 'all';

/** Whether `name` is a pattern (all, or a glob) rather than one name. */
export function isNsPattern(name: string): boolean {
  return name === ALL_NAMESPACES || /[*?]/.test(name);
}

/**
 * The path `name` stands for among `known` (the lab's paths), or why there is none.
 *
 * @example resolveNsName(['node1', 'node1/NS1'], 'NS1') // { kind: 'ok', path: 'node1/NS1' }
 */
export function resolveNsName(known: readonly string[], name: string): NsName {
  if (known.includes(name)) return { kind: 'ok', path: name };
  if (!name.includes('/')) {
    const found = known.filter((k) => k.endsWith(`/${name}`));
    if (found.length === 1) return { kind: 'ok', path: found[0]! };
    if (found.length > 1) return { kind: 'error', message: `namespace "${name}" is on several hosts (${found.join(', ')}): say which, as HOST/${name}` };
  }
  return { kind: 'error', message: `unknown namespace "${name}"${hint(known, name)}` };
}

/**
 * The paths a name or pattern stands for, in the lab's order; a pattern that matches nothing is
 * an error, as is a name that does not resolve.
 *
 * @example expandNsNames(['a', 'a/X', 'b', 'b/X'], '*\/X') // { kind: 'ok', paths: ['a/X', 'b/X'] }
 */
export function expandNsNames(known: readonly string[], name: string): NsNames {
  if (name === ALL_NAMESPACES) return known.length ? { kind: 'ok', paths: [...known] } : { kind: 'error', message: 'the lab has no namespace' };
  if (!isNsPattern(name)) {
    const r = resolveNsName(known, name);
    return r.kind === 'ok' ? { kind: 'ok', paths: [r.path] } : r;
  }
  const re = globRegExp(name);
  const paths = known.filter((k) => re.test(k));
  if (paths.length === 0) return { kind: 'error', message: `"${name}" matches no namespace (the lab has ${listed(known)})` };
  return { kind: 'ok', paths };
}

/** A glob as a regular expression: `*` and `?` never cross a `/`. */
function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/**
 * Paths a user may have meant by `name`: those with the same last part, else the closest within
 * an edit or two (of the whole path, or of its last part for a name without a host; none for a
 * name of one or two letters).
 *
 * @example nsSuggestions(['node1', 'node1/NS1'], 'nod1/NS1') // ['node1/NS1']
 */
export function nsSuggestions(known: readonly string[], name: string): string[] {
  const tail = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const same = known.filter((k) => k.includes('/') && tail(k) === tail(name) && k !== name);
  if (same.length) return same;
  const distance = (k: string) => Math.min(editDistance(k, name), !name.includes('/') && k.includes('/') ? editDistance(tail(k), name) : 9);
  // one letter off a one- or two-letter name is any other name: no guess there
  const most = name.length <= 2 ? 0 : Math.min(2, Math.ceil(name.length / 4));
  const best = Math.min(3, ...known.map(distance));
  return best <= most ? known.filter((k) => distance(k) === best) : [];
}

function hint(known: readonly string[], name: string): string {
  const like = nsSuggestions(known, name);
  return like.length ? ` (did you mean ${like.slice(0, 4).join(' or ')}?)` : ` (the lab has ${listed(known)})`;
}

function listed(known: readonly string[]): string {
  if (!known.length) return 'none';
  return `${known.slice(0, 12).join(', ')}${known.length > 12 ? `, … ${known.length - 12} more` : ''}`;
}

/** Levenshtein distance, stopping early past 3 (only small distances matter here). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 4;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length]!;
}
