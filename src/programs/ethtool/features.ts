/**
 * `ethtool -k DEV` and `ethtool -K DEV NAME on|off …` (ethtool 6.1, netlink/features.c): the
 * legacy flags first (rx-checksumming, tx-checksumming, …: one line for a flag standing for one
 * feature, a header and its features indented when it stands for several), then the other
 * features in the kernel's order; a change prints what came out other than asked ("Actual
 * changes:") and fails with "Could not change any device features" when nothing it asked for
 * took. The state and the kernel's rules are src/model/netdev-features.ts.
 */
import { FEATURE_NAMES, NEVER_CHANGE, setFeatures, type NetdevFeatures } from '../../model/netdev-features.js';
import type { Link } from '../../model/link.js';

/** off_flag_def: short name, long name, the kernel names it stands for (one `*` at most). */
const LEGACY: ReadonlyArray<[string, string, string]> = [
  ['rx', 'rx-checksumming', 'rx-checksum'],
  ['tx', 'tx-checksumming', 'tx-checksum-*'],
  ['sg', 'scatter-gather', 'tx-scatter-gather*'],
  ['tso', 'tcp-segmentation-offload', 'tx-tcp*-segmentation'],
  ['ufo', 'udp-fragmentation-offload', 'tx-udp-fragmentation'],
  ['gso', 'generic-segmentation-offload', 'tx-generic-segmentation'],
  ['gro', 'generic-receive-offload', 'rx-gro'],
  ['lro', 'large-receive-offload', 'rx-lro'],
  ['rxvlan', 'rx-vlan-offload', 'rx-vlan-hw-parse'],
  ['txvlan', 'tx-vlan-offload', 'tx-vlan-hw-insert'],
  ['ntuple', 'ntuple-filters', 'rx-ntuple-filter'],
  ['rxhash', 'receive-hashing', 'rx-hashing'],
];

/** flag_pattern_match: a name against a pattern with at most one `*` (which may match nothing). */
function patternMatch(name: string, pattern: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return name === pattern;
  const head = pattern.slice(0, star);
  const tail = pattern.slice(star + 1);
  return name.length + 1 >= pattern.length && name.startsWith(head) && name.endsWith(tail);
}

/** dump_features: the `ethtool -k` listing. */
export function featuresText(l: Link, f: NetdevFeatures): string {
  const legacyOf = new Map<string, number>();
  for (const n of FEATURE_NAMES) {
    const i = LEGACY.findIndex(([, , p]) => patternMatch(n, p));
    if (i >= 0) legacyOf.set(n, i);
  }
  const line = (name: string, n: string, prefix: string): string => {
    const on = f.active.has(n);
    let suffix = '';
    if (!f.hw.has(n) || NEVER_CHANGE.has(n)) suffix = ' [fixed]';
    else if (on !== f.wanted.has(n)) suffix = f.wanted.has(n) ? ' [requested on]' : ' [requested off]';
    return `${prefix}${name}: ${on ? 'on' : 'off'}${suffix}\n`;
  };
  let out = `Features for ${l.name}:\n`;
  LEGACY.forEach(([short, long], i) => {
    if (short === 'ufo') return;
    const members = FEATURE_NAMES.filter((n) => legacyOf.get(n) === i);
    if (members.length !== 1) out += `${long}: ${members.some((n) => f.active.has(n)) ? 'on' : 'off'}\n`;
    for (const n of members) out += members.length === 1 ? line(long, n, '') : line(n, n, '\t');
  });
  for (const n of FEATURE_NAMES) if (!legacyOf.has(n)) out += line(n, n, '');
  return out;
}

/** What parsing -K's words gave: the bits asked for in message order, or ethtool's own refusal. */
export type FeatureRequest = { kind: 'bits'; bits: Array<[string, boolean]> } | { kind: 'error'; stderr: string };

/** fill_sfeatures_bitmap: NAME on|off pairs, a legacy name standing for every kernel name it matches. */
export function parseFeatureWords(words: readonly string[]): FeatureRequest {
  const bits: Array<[string, boolean]> = [];
  for (let i = 0; i < words.length; i += 2) {
    if (words[i] === '--') break;
    const v = words[i + 1];
    if (v !== 'on' && v !== 'off') return { kind: 'error', stderr: `ethtool (-K): flag '${v ?? '(null)'}' for parameter '(null)' is not followed by 'on' or 'off'\n` };
    const on = v === 'on';
    const legacy = LEGACY.find(([s, long]) => words[i] === s || words[i] === long);
    if (legacy) {
      for (const n of FEATURE_NAMES) if (patternMatch(n, legacy[2])) bits.push([n, on]);
    } else bits.push([words[i]!, on]);
  }
  return { kind: 'bits', bits };
}

const pad4 = (n: number): number => (n + 3) & ~3;
/** a netlink string attribute's length: header, text, NUL, padding */
const strAttr = (s: string): number => 4 + pad4(Buffer.byteLength(s) + 1);

/**
 * The offset of the first unknown name's attribute in the FEATURES_SET message, as the kernel's
 * extack names it: nlmsghdr and genlmsghdr, the header nest (device name, flags), the WANTED
 * and BITS nests, and each bit before it (its nest, its name, a VALUE flag when on).
 */
function unknownOffset(dev: string, bits: ReadonlyArray<[string, boolean]>, at: number): number {
  let off = 16 + 4 + 4 + strAttr(dev) + 8 + 4 + 4;
  for (let i = 0; i < at; i++) off += 4 + strAttr(bits[i]![0]) + (bits[i]![1] ? 4 : 0);
  return off + 4;
}

/** ethtool -K on the device: its output, the kernel's refusals and ethtool's exit status. */
export function changeFeatures(l: Link, bits: ReadonlyArray<[string, boolean]>): { exit: number; stdout: string; stderr: string } {
  const known = new Set<string>(FEATURE_NAMES);
  const bad = bits.findIndex(([n]) => !known.has(n));
  if (bad >= 0) return { exit: 92, stdout: '', stderr: `netlink error: bit name not found (offset ${unknownOffset(l.name, bits, bad)})\nnetlink error: Operation not supported\n` };
  if (bits.some(([n]) => NEVER_CHANGE.has(n))) return { exit: 92, stdout: '', stderr: 'netlink error: attempt to change non-ethtool features\nnetlink error: Invalid argument\n' };
  const req = new Map(bits);
  const c = setFeatures(l, req);
  const wantedMask = new Set([...c.reqMask].filter((n) => c.reqWanted.has(n) !== c.newActive.has(n)));
  const activeMask = new Set(FEATURE_NAMES.filter((n) => c.oldActive.has(n) !== c.newActive.has(n)));
  const nothingChanged = wantedMask.size === c.reqMask.size;
  const diff = wantedMask.size > 0 || [...activeMask].some((n) => !c.reqMask.has(n));
  let stdout = '';
  if (diff) {
    stdout = 'Actual changes:\n';
    for (const n of FEATURE_NAMES) {
      if (!wantedMask.has(n) && !activeMask.has(n)) continue;
      const onOff = (b: boolean): string => (b ? 'on' : 'off');
      if (wantedMask.has(n)) stdout += `${n}: ${onOff(!c.reqWanted.has(n))} [requested ${onOff(c.reqWanted.has(n))}]\n`;
      else if (!c.reqMask.has(n)) stdout += `${n}: ${onOff(c.newActive.has(n))} [not requested]\n`;
      else stdout += `${n}: ${onOff(c.newActive.has(n))}\n`;
    }
  }
  if (nothingChanged) return { exit: 1, stdout, stderr: 'Could not change any device features\n' };
  return { exit: 0, stdout, stderr: '' };
}
