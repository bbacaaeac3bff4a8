/**
 * What a match or target extension is to the iptables front end (struct xtables_match /
 * xtables_target): its long options, which join getopt's list when the extension is loaded,
 * how it reads them into the model's match or target, its final check, and how it prints
 * itself in `-L` (print) and `-S` / iptables-save (save). The option checks of libxtables'
 * x6 framework (once, inversion, mandatory, exclusive) are here too, worded as it words them.
 */
import type { NfMatch } from '../../../model/netfilter/match.js';
import type { IpPart } from '../../../model/netfilter/rule.js';
import type { NfTarget } from '../../../model/netfilter/target.js';
import { PARAMETER_PROBLEM, xtError, type Flavour, type IptError } from '../errors.js';
import type { Getopt } from '../getopt.js';

/** One long option of an extension: getopt's entry and the x6 framework's flags. */
export interface ExtOption {
  name: string;
  /** 0 none, 1 required (the x6 types all take one) */
  hasArg: 0 | 1;
  /** the option's id within its extension (aliases share one) */
  id: string;
  /** XTOPT_INVERT: `!` may precede it */
  invert?: boolean;
  /** XTOPT_MAND: must be given */
  mand?: boolean;
  /** XTOPT_MULTI: may be given more than once */
  multi?: boolean;
  /** ids it cannot be used together with */
  excl?: string[];
  /** ids it needs */
  also?: string[];
}

/** What an extension's parser may read and refuse with. */
export interface ParseCtx {
  f: Flavour;
  /** the rule's IP part as parsed so far (`-p` decides what ports mean) */
  ip: IpPart;
  /** the restore line, -1 outside iptables-restore */
  line: number;
  /** getopt, for an option that reads one more word (--tcp-flags MASK COMP) */
  go: Getopt;
  /** the table the rule is for */
  table: string;
}

export function paramError(c: ParseCtx, msg: string): IptError {
  return xtError(c.f, PARAMETER_PROBLEM, msg, c.line);
}

interface ExtBase {
  name: string;
  options: ExtOption[];
  /** options parsed by the x6 framework (its checks and words) rather than by hand */
  x6: boolean;
}

export interface MatchExt extends ExtBase {
  init(c: ParseCtx): NfMatch;
  parse(c: ParseCtx, m: NfMatch, opt: ExtOption, arg: string | null, invert: boolean, seen: Set<string>): void;
  final(c: ParseCtx, m: NfMatch, seen: Set<string>): void;
  /** ` tcp dpt:80` for -L (numeric with -n); `ip` is the rule's (multiport names ports by its protocol) */
  print(m: NfMatch, numeric: boolean, ip: IpPart): string;
  /** ` --dport 80` for -S (without `-m NAME`) */
  save(m: NfMatch, ip: IpPart): string;
  /** what the model leaves out of this match as parsed (the command is then not modelled) */
  unmodelled?: (m: NfMatch) => string | null;
}

export interface TargetExt extends ExtBase {
  init(c: ParseCtx): NfTarget;
  parse(c: ParseCtx, t: NfTarget, opt: ExtOption, arg: string | null, invert: boolean, seen: Set<string>): void;
  final(c: ParseCtx, t: NfTarget, seen: Set<string>): void;
  print(t: NfTarget, numeric: boolean): string;
  save(t: NfTarget): string;
  /** what the model leaves out of this target as parsed (the command is then not modelled) */
  unmodelled?: (t: NfTarget) => string | null;
}

/** xtables_option_parse's checks before an x6 option's value is read. */
export function x6Parse(c: ParseCtx, ext: string, o: ExtOption, arg: string | null, invert: boolean, seen: Set<string>): void {
  if (seen.has(o.id) && !o.multi) throw paramError(c, `${ext}: option "--${o.name}" can only be used once.\n`);
  if (invert && !o.invert) throw paramError(c, `${ext}: option "--${o.name}" cannot be inverted.\n`);
  if (o.hasArg && arg === null) throw paramError(c, `${ext}: option "--${o.name}" requires an argument.\n`);
  seen.add(o.id);
}

/** xtables_options_fcheck: mandatory options, exclusions and requirements. */
export function x6Final(c: ParseCtx, ext: string, options: ExtOption[], seen: Set<string>): void {
  const first = new Map<string, ExtOption>();
  for (const o of options) if (!first.has(o.id)) first.set(o.id, o);
  for (const o of first.values()) {
    if (o.mand && !seen.has(o.id)) throw paramError(c, `${ext}: option "--${o.name}" must be specified\n`);
    if (!seen.has(o.id)) continue;
    for (const x of o.also ?? []) if (!seen.has(x)) throw paramError(c, `${ext}: option "--${o.name}" also requires "--${first.get(x)!.name}".\n`);
    for (const x of o.excl ?? []) if (seen.has(x)) throw paramError(c, `${ext}: option "--${o.name}" cannot be used together with "--${first.get(x)!.name}".\n`);
  }
}

/** An x6 uint32 option's value (XTTYPE_UINT32: base 0, no sign). */
export function x6Uint(c: ParseCtx, ext: string, o: ExtOption, arg: string, min = 0, max = 0xffffffff): number {
  const v = strtouiLoose(arg);
  if (v === null || v < min || v > max) throw paramError(c, `${ext}: bad value for option "--${o.name}", or out of range (${min}-${max}).\n`);
  return v;
}

function strtouiLoose(s: string): number | null {
  const m = /^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return null;
  const t = m[1]!;
  return t.startsWith('0x') || t.startsWith('0X') ? Number.parseInt(t.slice(2), 16) : t.length > 1 && t.startsWith('0') ? Number.parseInt(t, 8) : Number(t);
}

/** XTTYPE_MARKMASK32: `VALUE[/MASK]`, mask 0xffffffff when absent. */
export function x6MarkMask(c: ParseCtx, ext: string, o: ExtOption, arg: string): { mark: number; mask: number } {
  const slash = arg.indexOf('/');
  const bad = () => paramError(c, `${ext}: bad value for option "--${o.name}", or out of range (0-4294967295).\n`);
  const v = strtouiLoose(slash < 0 ? arg : arg.slice(0, slash));
  if (v === null || v > 0xffffffff) throw bad();
  if (slash < 0) return { mark: v, mask: 0xffffffff };
  const m = strtouiLoose(arg.slice(slash + 1));
  if (m === null || m > 0xffffffff) throw bad();
  return { mark: v, mask: m };
}
