/**
 * nft's "did you mean" (nftables 1.0.6 src/misspell.c), including its quirks: the distance
 * compares each string's next character and lays its table out one column short, so its
 * numbers are not the textbook edit distance — and nft's suggestions are what they give.
 */

function stringDistance(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  const d = new Array<number>((la + 1) * (lb + 1)).fill(0);
  const at = (i: number, j: number) => i * lb + j;
  for (let i = 0; i <= la; i++) d[at(i, 0)] = i;
  for (let j = 0; j <= lb; j++) d[at(0, j)] = j;
  for (let i = 1; i <= la; i++) {
    for (let j = 1; j <= lb; j++) {
      const sub = a[i] === b[j] ? 0 : 1;
      let v = Math.min(d[at(i - 1, j)]! + 1, d[at(i, j - 1)]! + 1, d[at(i - 1, j - 1)]! + sub);
      if (i > 1 && j > 1 && a[i] === b[j - 1] && a[i - 1] === b[j]) v = Math.min(v, d[at(i - 2, j - 2)]! + sub);
      d[at(i, j)] = v;
    }
  }
  return d[at(la, lb)]!;
}

/** string_misspell_update's test: the distance of `candidate` from `typed`, or null when too far. */
export function misspellDistance(candidate: string, typed: string): number | null {
  const maxLen = Math.max(candidate.length, typed.length);
  const minLen = Math.min(candidate.length, typed.length);
  if (maxLen <= 1) return null;
  const threshold = maxLen - minLen <= 1 ? Math.max(Math.ceil(maxLen / 3), 1) : Math.ceil((maxLen + 2) / 3);
  const dist = stringDistance(candidate, typed);
  return dist > threshold ? null : dist;
}

/**
 * The candidate nft would suggest for a misspelt `name` (string_misspell_update over them in
 * order), or null.
 *
 * @example
 * misspelt('filtr', ['nat', 'filter']); // 'filter'
 */
export function misspelt(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let min = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dist = misspellDistance(c, name);
    if (dist === null) continue;
    if (dist < min) {
      min = dist;
      best = c;
    }
  }
  return best;
}
