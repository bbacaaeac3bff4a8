/**
 * Colour as people with the common colour-vision deficiencies see it (Machado, Oliveira and
 * Fernandes 2009, full severity, applied in linear sRGB), and the CIE76 difference between two
 * colours in CIELAB: what the palette test measures the web view's colours with.
 */
type Rgb = [number, number, number];

const MATRICES: Record<'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia', number[][]> = {
  normal: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
export type Vision = keyof typeof MATRICES;
export const VISIONS = Object.keys(MATRICES) as Vision[];

/** `#rrggbb` or `rgb(r, g, b)` */
export function parseColour(s: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(s.trim());
  if (hex) return [1, 2, 3].map((i) => Number.parseInt(hex[i]!, 16)) as Rgb;
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(s.trim());
  if (rgb) return [1, 2, 3].map((i) => Number(rgb[i])) as Rgb;
  throw new Error(`not a colour: ${JSON.stringify(s)}`);
}

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};

function lab(lin: Rgb): Rgb {
  const [r, g, b] = lin.map((v) => Math.min(1, Math.max(0, v))) as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** How different two colours look to someone with `vision` (CIE76 ΔE; about 2 is just noticeable). */
export function deltaE(a: string, b: string, vision: Vision): number {
  const m = MATRICES[vision];
  const seen = (c: string) => {
    const l = parseColour(c).map(toLinear) as Rgb;
    return lab(m.map((row) => row[0]! * l[0] + row[1]! * l[1] + row[2]! * l[2]) as Rgb);
  };
  const [p, q] = [seen(a), seen(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
