/**
 * Names for generated labs: namespaces named the way tutorials name them, and device names
 * derived from them. Every name is at most 15 bytes (IFNAMSIZ - 1), so the kernel takes it.
 */
import fc from 'fast-check';

/** The naming schemes of the tutorials the labs imitate. */
export type NameTheme = 'numbered' | 'colors' | 'roles';

const THEMES: Record<NameTheme, readonly string[]> = {
  numbered: ['ns1', 'ns2', 'ns3', 'ns4', 'ns5', 'ns6', 'ns7', 'ns8'],
  colors: ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'gray'],
  roles: ['client', 'router', 'server', 'gw', 'web', 'db', 'edge', 'core'],
};

/** The most namespaces a generated lab has (sandboxes stay quick). */
export const MAX_NAMESPACES = THEMES.numbered.length;

/** A naming scheme; shrinks toward `numbered`. */
export function nameTheme(): fc.Arbitrary<NameTheme> {
  return fc.constantFrom<NameTheme>('numbered', 'colors', 'roles');
}

/** The first `count` namespace names of a theme. */
export function namespaceNames(theme: NameTheme, count: number): string[] {
  return THEMES[theme].slice(0, Math.max(0, Math.min(count, MAX_NAMESPACES)));
}

/**
 * A namespace name as scripts write them.
 *
 * @example fc.sample(namespaceName(), 2) // ['blue', 'ns3']
 */
export function namespaceName(): fc.Arbitrary<string> {
  return fc.constantFrom(...THEMES.numbered, ...THEMES.colors, ...THEMES.roles);
}

/** A list of distinct namespace names (1 … max). */
export function namespaceList(opts: { min?: number; max?: number } = {}): fc.Arbitrary<string[]> {
  const min = Math.max(1, opts.min ?? 1);
  const max = Math.min(MAX_NAMESPACES, opts.max ?? MAX_NAMESPACES);
  return fc.tuple(nameTheme(), fc.integer({ min, max })).map(([t, n]) => namespaceNames(t, n));
}

/** A device name cut to 15 bytes (names here are ASCII). */
export function ifname(text: string): string {
  return text.slice(0, 15);
}
