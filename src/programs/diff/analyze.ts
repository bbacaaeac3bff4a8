/**
 * GNU diff's choice of changed lines (diffutils 3.8 analyze.c and gnulib diffseq.h), ported so
 * that the hunks are the ones diff prints, not merely a minimal edit script: the identical
 * prefix and suffix set aside, lines that match nothing in the other file discarded first
 * (discard_confusing_lines), Myers' middle-snake search on the rest (compareseq/diag), then
 * each run of changes slid to where diff puts it (shift_boundaries).
 */

export interface Changed {
  /** changed[f][i]: line i of file f (0-based, whole file) is deleted (f 0) or inserted (f 1) */
  changed: [boolean[], boolean[]];
}

/** Equivalence classes: equal lines share a number (from 1; as diff's hashing gives them). */
function classes(a: string[], b: string[]): [number[], number[]] {
  const ids = new Map<string, number>();
  const id = (s: string): number => {
    let n = ids.get(s);
    if (n === undefined) ids.set(s, (n = ids.size + 1));
    return n;
  };
  return [a.map(id), b.map(id)];
}

/** discard_confusing_lines: 1 discard, 2 provisional, 0 keep — then the provisional ones settled. */
function discards(equivs: [number[], number[]]): [Uint8Array, Uint8Array] {
  const count: [Map<number, number>, Map<number, number>] = [new Map(), new Map()];
  for (const f of [0, 1] as const) for (const e of equivs[f]) count[f].set(e, (count[f].get(e) ?? 0) + 1);
  const out: [Uint8Array, Uint8Array] = [new Uint8Array(equivs[0].length), new Uint8Array(equivs[1].length)];
  for (const f of [0, 1] as const) {
    const end = equivs[f].length;
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem >>= 2) > 0) many *= 2;
    for (let i = 0; i < end; i++) {
      const n = count[1 - f]!.get(equivs[f][i]!) ?? 0;
      if (n === 0) out[f][i] = 1;
      else if (n > many) out[f][i] = 2;
    }
  }
  for (const f of [0, 1] as const) settle(out[f]);
  return out;
}

/** Provisional discards stand only inside a run of discards that starts and ends with real ones. */
function settle(d: Uint8Array): void {
  const end = d.length;
  for (let i = 0; i < end; i++) {
    if (d[i] === 2) {
      d[i] = 0;
      continue;
    }
    if (d[i] === 0) continue;
    let j = i;
    let provisional = 0;
    for (; j < end; j++) {
      if (d[j] === 0) break;
      if (d[j] === 2) provisional++;
    }
    while (j > i && d[j - 1] === 2) {
      d[--j] = 0;
      provisional--;
    }
    const length = j - i;
    if (provisional * 4 > length) {
      while (j > i) if (d[--j] === 2) d[j] = 0;
    } else {
      let minimum = 1;
      let tem = length >> 2;
      while (0 < (tem >>= 2)) minimum <<= 1;
      minimum++;
      for (let k = 0, consec = 0; k < length; k++) {
        if (d[i + k] !== 2) consec = 0;
        else if (minimum === ++consec) k -= consec;
        else if (minimum < consec) d[i + k] = 0;
      }
      for (let k = 0, consec = 0; k < length; k++) {
        if (k >= 8 && d[i + k] === 1) break;
        if (d[i + k] === 2) {
          consec = 0;
          d[i + k] = 0;
        } else if (d[i + k] === 0) consec = 0;
        else consec++;
        if (consec === 3) break;
      }
      i += length - 1;
      for (let k = 0, consec = 0; k < length; k++) {
        if (k >= 8 && d[i - k] === 1) break;
        if (d[i - k] === 2) {
          consec = 0;
          d[i - k] = 0;
        } else if (d[i - k] === 0) consec = 0;
        else consec++;
        if (consec === 3) break;
      }
    }
  }
}

/** compareseq and diag over the undiscarded lines (xv, yv), marking through note(). */
function compareseq(xv: number[], yv: number[], noteDel: (x: number) => void, noteIns: (y: number) => void): void {
  const fd = new Map<number, number>();
  const bd = new Map<number, number>();
  const get = (m: Map<number, number>, k: number, dflt: number): number => m.get(k) ?? dflt;

  const diag = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    fd.clear();
    bd.clear();
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    fd.set(fmid, xoff);
    bd.set(bmid, xlim);
    for (;;) {
      if (fmin > dmin) fd.set(--fmin - 1, -1);
      else ++fmin;
      if (fmax < dmax) fd.set(++fmax + 1, -1);
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = get(fd, d - 1, -1);
        const thi = get(fd, d + 1, -1);
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        fd.set(d, x);
        if (odd && bmin <= d && d <= bmax && get(bd, d, Number.MAX_SAFE_INTEGER) <= x) return [x, y];
      }
      if (bmin > dmin) bd.set(--bmin - 1, Number.MAX_SAFE_INTEGER);
      else ++bmin;
      if (bmax < dmax) bd.set(++bmax + 1, Number.MAX_SAFE_INTEGER);
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = get(bd, d - 1, Number.MAX_SAFE_INTEGER);
        const thi = get(bd, d + 1, Number.MAX_SAFE_INTEGER);
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        bd.set(d, x);
        if (!odd && fmin <= d && d <= fmax && x <= get(fd, d, -1)) return [x, y];
      }
    }
  };

  const rec = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) while (yoff < ylim) noteIns(yoff++);
    else if (yoff === ylim) while (xoff < xlim) noteDel(xoff++);
    else {
      const [xmid, ymid] = diag(xoff, xlim, yoff, ylim);
      rec(xoff, xmid, yoff, ymid);
      rec(xmid, xlim, ymid, ylim);
    }
  };
  rec(0, xv.length, 0, yv.length);
}

/** shift_boundaries: each run of changes moved as far down as it goes, then back to meet one in the other file. */
function shiftBoundaries(changed: [Uint8Array, Uint8Array], equivs: [number[], number[]]): void {
  for (const f of [0, 1] as const) {
    // index k of the file is k + 1 here: 0 and end + 1 are the unchanged sentinels diff has
    const ch = changed[f];
    const other = changed[1 - f]!;
    const eq = equivs[f];
    const iEnd = eq.length;
    const c = (k: number): number => ch[k + 1]!;
    const setC = (k: number, v: number): void => {
      ch[k + 1] = v;
    };
    const o = (k: number): number => other[k + 1]!;
    let i = 0;
    let j = 0;
    for (;;) {
      while (i < iEnd && !c(i)) {
        while (o(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (c(++i));
      while (o(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start && eq[start - 1] === eq[i - 1]) {
          setC(--start, 1);
          setC(--i, 0);
          while (c(start - 1)) start--;
          while (o(--j));
        }
        corresponding = o(j - 1) ? i : iEnd;
        while (i !== iEnd && eq[start] === eq[i]) {
          setC(start++, 0);
          setC(i++, 1);
          while (c(i)) i++;
          while (o(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        setC(--start, 1);
        setC(--i, 0);
        while (o(--j));
      }
    }
  }
}

/**
 * The changed lines of two files' middles (what is left between their identical prefix and
 * suffix), as diff marks them.
 */
export function analyze(a: string[], b: string[]): [boolean[], boolean[]] {
  const equivs = classes(a, b);
  const disc = discards(equivs);
  // the changed flags with a sentinel 0 on each side (diff's flag_space)
  const changed: [Uint8Array, Uint8Array] = [new Uint8Array(a.length + 2), new Uint8Array(b.length + 2)];
  const real: [number[], number[]] = [[], []];
  const kept: [number[], number[]] = [[], []];
  for (const f of [0, 1] as const) {
    equivs[f].forEach((e, i) => {
      if (disc[f][i] === 0) {
        kept[f].push(e);
        real[f].push(i);
      } else changed[f][i + 1] = 1;
    });
  }
  compareseq(
    kept[0],
    kept[1],
    (x) => {
      changed[0][real[0][x]! + 1] = 1;
    },
    (y) => {
      changed[1][real[1][y]! + 1] = 1;
    },
  );
  shiftBoundaries(changed, equivs);
  return [Array.from(changed[0].subarray(1, a.length + 1), Boolean), Array.from(changed[1].subarray(1, b.length + 1), Boolean)];
}
