/**
 * iptables' command line (iptables/xshared.c do_parse and ipv4_post_parse, iptables 1.8.9):
 * the command and its chain, the options with their `!`, the rule's IP part, the match and
 * target extensions in the order given (a protocol's match loaded when one of its options
 * first appears), then the checks in iptables' own order — so that a line with two mistakes
 * is refused for the one iptables names first.
 */
import { ANY_ADDR, emptyIpPart, type Addr6, type AddrMask, type IpPart, type NfRule } from '../../model/netfilter/rule.js';
import type { NfMatch } from '../../model/netfilter/match.js';
import type { NfTarget } from '../../model/netfilter/target.js';
import { IptError, PARAMETER_PROBLEM, tryHelp, xtError, type Flavour } from './errors.js';
import { Getopt, shortOptions, type LongOpt } from './getopt.js';
import { MATCHES, MATCHES6, TARGETS, TARGETS6, UNMODELLED_MATCHES, UNMODELLED_MATCHES6, UNMODELLED_TARGETS, UNMODELLED_TARGETS6 } from './ext/index.js';
import type { ExtOption, MatchExt, ParseCtx, TargetExt } from './ext/types.js';
import { CHAIN_PROTOS, protoByName, protoToName } from './names.js';
import { parseAddrs, strtoui } from './values.js';
import { parseAddrs6 } from './values6.js';

export const CMD = {
  INSERT: 1,
  DELETE: 2,
  DELETE_NUM: 4,
  REPLACE: 8,
  APPEND: 16,
  LIST: 32,
  FLUSH: 64,
  ZERO: 128,
  NEW_CHAIN: 256,
  DELETE_CHAIN: 512,
  SET_POLICY: 1024,
  RENAME_CHAIN: 2048,
  LIST_RULES: 4096,
  ZERO_NUM: 8192,
  CHECK: 16384,
} as const;
const CMD_CHARS = 'IDDRALFZNXPESZC';

export const OPT = {
  NUMERIC: 1,
  SOURCE: 2,
  DESTINATION: 4,
  PROTOCOL: 8,
  JUMP: 16,
  VERBOSE: 32,
  EXPANDED: 64,
  VIANAMEIN: 128,
  VIANAMEOUT: 256,
  LINENUMBERS: 512,
  COUNTERS: 1024,
  FRAGMENT: 2048,
} as const;
const OPT_CHARS = ['n', 's', 'd', 'p', 'j', 'v', 'x', 'i', 'o', '0', 'c', 'f'];
const INVERTIBLE = new Set<number>([OPT.SOURCE, OPT.DESTINATION, OPT.PROTOCOL, OPT.VIANAMEIN, OPT.VIANAMEOUT, OPT.FRAGMENT]);

/** commands_v_options: for each command (bit order), each option: 'x' illegal, ' ' optional. */
const LEGAL: string[] = [
  'x.....x..x..', // INSERT
  'x.....x..xx.', // DELETE
  'xxxxx.xxxxxx', // DELETE_NUM
  'x.....x..x..', // REPLACE
  'x.....x..x..', // APPEND
  '.xxxx..xx.xx', // LIST
  'xxxxx.xxxxxx', // FLUSH
  'xxxxx.xxxxxx', // ZERO
  'xxxxx.xxxxxx', // NEW_CHAIN
  'xxxxx.xxxxxx', // DEL_CHAIN
  'xxxxx.xxxx.x', // SET_POLICY
  'xxxxx.xxxxxx', // RENAME
  'xxxxx.xxxxxx', // LIST_RULES
  'xxxxx.xxxxxx', // ZERO_NUM
  'x.....x..xx.', // CHECK
];

const OPTSTRING = '-:A:C:D:E:F::I:L::M:N:P:VX::Z::c:d:i:j:o:p:s:t:R:S::W::46bfg:h::m:nvw::x';

const LONG_OPTS: LongOpt[] = [
  ['append', 1, 'A'],
  ['delete', 1, 'D'],
  ['check', 1, 'C'],
  ['insert', 1, 'I'],
  ['replace', 1, 'R'],
  ['list', 2, 'L'],
  ['list-rules', 2, 'S'],
  ['flush', 2, 'F'],
  ['zero', 2, 'Z'],
  ['new-chain', 1, 'N'],
  ['delete-chain', 2, 'X'],
  ['rename-chain', 1, 'E'],
  ['policy', 1, 'P'],
  ['source', 1, 's'],
  ['destination', 1, 'd'],
  ['src', 1, 's'],
  ['dst', 1, 'd'],
  ['protocol', 1, 'p'],
  ['in-interface', 1, 'i'],
  ['jump', 1, 'j'],
  ['table', 1, 't'],
  ['match', 1, 'm'],
  ['numeric', 0, 'n'],
  ['out-interface', 1, 'o'],
  ['verbose', 0, 'v'],
  ['wait', 2, 'w'],
  ['wait-interval', 2, 'W'],
  ['exact', 0, 'x'],
  ['fragments', 0, 'f'],
  ['version', 0, 'V'],
  ['help', 2, 'h'],
  ['line-numbers', 0, '0'],
  ['modprobe', 1, 'M'],
  ['set-counters', 1, 'c'],
  ['goto', 1, 'g'],
  ['ipv4', 0, '4'],
  ['ipv6', 0, '6'],
].map(([name, hasArg, val]) => ({ name: name as string, hasArg: hasArg as 0 | 1 | 2, val: val as string }));

/** What one iptables command line asks. */
export interface Parsed {
  command: number;
  table: string;
  chain: string | null;
  rulenum: number;
  newname: string | null;
  policy: string | null;
  options: number;
  verbose: number;
  /** one rule per source × destination address (for the rule commands) */
  rules: NfRule[];
  /** `-j NAME` when NAME is neither a verdict nor a target extension: a chain */
  jumpChain: string | null;
  /** what the line asked that the simulator does not model, if anything */
  unmodelled: string | null;
  /** -V: the version line to print */
  version: boolean;
}

interface Loaded<E> {
  ext: E;
  data: NfMatch | NfTarget;
  seen: Set<string>;
  base: string;
}

/** do_parse for `iptables ARGV` (or one line of iptables-restore, with its line number). */
export function parseCommand(f: Flavour, argv: readonly string[], opts: { table?: string; restore?: boolean; line?: number } = {}): Parsed {
  const line = opts.line ?? -1;
  const perr = (msg: string) => xtError(f, PARAMETER_PROBLEM, msg, line);
  const v6 = f.family === 'ip6';
  const matchTable = v6 ? MATCHES6 : MATCHES;
  const targetTable = v6 ? TARGETS6 : TARGETS;
  const unmodelledMatches = v6 ? UNMODELLED_MATCHES6 : UNMODELLED_MATCHES;
  const unmodelledTargets = v6 ? UNMODELLED_TARGETS6 : UNMODELLED_TARGETS;
  const p: Parsed = {
    command: 0,
    table: opts.table ?? 'filter',
    chain: null,
    rulenum: 0,
    newname: null,
    policy: null,
    options: 0,
    verbose: 0,
    rules: [],
    jumpChain: null,
    unmodelled: null,
    version: false,
  };
  const ip = emptyIpPart();
  const go = new Getopt(argv, shortOptions(OPTSTRING), [...LONG_OPTS]);
  const ctx: ParseCtx = { f, ip, line, go, table: p.table };
  const matches: Loaded<MatchExt>[] = [];
  let target: Loaded<TargetExt> | null = null;
  let jumpto = '';
  let protocol: string | null = null;
  let protoUsed = false;
  let invert = false;
  let tableSet = false;
  let goto = false;
  let shost: string | null = null;
  let dhost: string | null = null;
  let counters: { pkts: number; bytes: number } | null = null;
  let keyOf = 0;

  const hasArg = () => go.optind < argv.length && argv[go.optind]![0] !== '-' && argv[go.optind]![0] !== '!';
  const addCommand = (cmd: number, others: number) => {
    if (invert) throw perr("unexpected '!' flag");
    if (p.command & ~others) throw perr(`Cannot use -${cmdChar(cmd)} with -${cmdChar(p.command & ~others)}`);
    p.command |= cmd;
  };
  const setOption = (o: number) => {
    if (p.options & o) throw perr(`multiple -${optChar(o)} flags not allowed`);
    p.options |= o;
    if (invert && !INVERTIBLE.has(o)) throw perr(`cannot have ! before -${optChar(o)}`);
  };
  const rulenum = (s: string) => {
    const n = strtoui(s, 1, 2147483647);
    if (n === null) throw perr(`Invalid rule number \`${s}'`);
    return n;
  };
  const extOpts = (options: ExtOption[], owner: string): LongOpt[] => options.map((o) => ({ name: o.name, hasArg: o.hasArg, val: `${owner}\0${o.id}\0${o.name}` }));
  const loadMatch = (ext: MatchExt) => {
    const base = `m${keyOf++}`;
    matches.push({ ext, data: ext.init(ctx), seen: new Set(), base });
    go.longs = [...go.longs, ...extOpts(ext.options, base)];
  };

  for (;;) {
    const r = go.next();
    if (r === null) break;
    const arg = 'arg' in r ? r.arg : null;
    switch (r.c) {
      case 'A':
        addCommand(CMD.APPEND, 0);
        p.chain = arg;
        break;
      case 'C':
        addCommand(CMD.CHECK, 0);
        p.chain = arg;
        break;
      case 'D':
        addCommand(CMD.DELETE, 0);
        p.chain = arg;
        if (hasArg()) {
          p.rulenum = rulenum(argv[go.optind++]!);
          p.command = CMD.DELETE_NUM;
        }
        break;
      case 'R':
        addCommand(CMD.REPLACE, 0);
        p.chain = arg;
        if (!hasArg()) throw perr('-R requires a rule number');
        p.rulenum = rulenum(argv[go.optind++]!);
        break;
      case 'I':
        addCommand(CMD.INSERT, 0);
        p.chain = arg;
        p.rulenum = hasArg() ? rulenum(argv[go.optind++]!) : 1;
        break;
      case 'L':
      case 'S':
        addCommand(r.c === 'L' ? CMD.LIST : CMD.LIST_RULES, CMD.ZERO | CMD.ZERO_NUM);
        if (arg !== null) p.chain = arg;
        else if (hasArg()) p.chain = argv[go.optind++]!;
        if (hasArg()) p.rulenum = rulenum(argv[go.optind++]!);
        break;
      case 'F':
        addCommand(CMD.FLUSH, 0);
        if (arg !== null) p.chain = arg;
        else if (hasArg()) p.chain = argv[go.optind++]!;
        break;
      case 'Z':
        addCommand(CMD.ZERO, CMD.LIST | CMD.LIST_RULES);
        if (arg !== null) p.chain = arg;
        else if (hasArg()) p.chain = argv[go.optind++]!;
        if (hasArg()) {
          p.rulenum = rulenum(argv[go.optind++]!);
          p.command = (p.command & ~CMD.ZERO) | CMD.ZERO_NUM;
        }
        break;
      case 'N':
        checkChainName(f, arg!, line);
        addCommand(CMD.NEW_CHAIN, 0);
        p.chain = arg;
        break;
      case 'X':
        addCommand(CMD.DELETE_CHAIN, 0);
        if (arg !== null) p.chain = arg;
        else if (hasArg()) p.chain = argv[go.optind++]!;
        break;
      case 'E':
        addCommand(CMD.RENAME_CHAIN, 0);
        p.chain = arg;
        if (!hasArg()) throw perr('-E requires old-chain-name and new-chain-name');
        p.newname = argv[go.optind++]!;
        break;
      case 'P':
        addCommand(CMD.SET_POLICY, 0);
        p.chain = arg;
        if (!hasArg()) throw perr('-P requires a chain and a policy');
        p.policy = argv[go.optind++]!;
        break;
      case 'h':
        p.unmodelled = 'iptables -h';
        return p;
      case 'p': {
        setOption(OPT.PROTOCOL);
        protocol = arg!.toLowerCase();
        ip.proto = parseProtocol(f, protocol, line);
        ip.protoInvert = invert;
        if (ip.proto === 0 && invert) throw perr('rule would never match protocol');
        break;
      }
      case 's':
        setOption(OPT.SOURCE);
        ip.srcInvert = invert;
        shost = arg;
        break;
      case 'd':
        setOption(OPT.DESTINATION);
        ip.dstInvert = invert;
        dhost = arg;
        break;
      case 'g':
      case 'j': {
        setOption(OPT.JUMP);
        if (r.c === 'g') goto = true;
        jumpto = checkTargetName(f, arg!, line);
        const t = targetTable[jumpto];
        if (t) {
          target = { ext: t, data: t.init(ctx), seen: new Set(), base: 't' };
          go.longs = [...go.longs, ...extOpts(t.options, 't')];
        } else if (unmodelledTargets.has(jumpto)) p.unmodelled ??= `target ${jumpto}${v6 ? ' for IPv6' : ''}`;
        break;
      }
      case 'i':
      case 'o': {
        if (arg === '') throw perr('Empty interface is likely to be undesired');
        setOption(r.c === 'i' ? OPT.VIANAMEIN : OPT.VIANAMEOUT);
        if (arg!.length > 15) throw perr(`interface name \`${arg}' must be shorter than IFNAMSIZ (15)`);
        const iface = { name: arg!, invert };
        if (r.c === 'i') ip.in = iface;
        else ip.out = iface;
        break;
      }
      case 'f':
        if (v6) throw perr("`-f' is not supported in IPv6, use -m frag instead");
        setOption(OPT.FRAGMENT);
        ip.fragment = { invert };
        break;
      case 'v':
        if (!p.verbose) setOption(OPT.VERBOSE);
        p.verbose++;
        break;
      case 'm': {
        if (invert) throw perr('unexpected ! flag before --match');
        const name = arg!;
        const ext = matchTable[name];
        if (ext) loadMatch(ext);
        else if (unmodelledMatches.has(name)) p.unmodelled ??= `match ${name}${v6 ? ' for IPv6' : ''}`;
        else throw perr(`Couldn't load match \`${name}':No such file or directory\n`);
        break;
      }
      case 'n':
        setOption(OPT.NUMERIC);
        break;
      case 't':
        if (invert) throw perr('unexpected ! flag before --table');
        if (opts.restore && tableSet) throw perr(`The -t option cannot be used in ${f.prog}.\n`);
        p.table = arg!;
        ctx.table = arg!;
        tableSet = true;
        break;
      case 'x':
        setOption(OPT.EXPANDED);
        break;
      case 'V':
        p.version = true;
        return p;
      case 'w':
      case 'W':
        if (opts.restore) throw perr(`You cannot use \`-${r.c}' from iptables-restore`);
        // waiting for the xtables lock: nothing else holds it in the sandbox
        if (r.c === 'w' && arg === null && hasArg() && /^\d+$/.test(argv[go.optind]!)) go.optind++;
        break;
      case '0':
        setOption(OPT.LINENUMBERS);
        break;
      case 'M':
        p.unmodelled ??= 'iptables --modprobe';
        break;
      case 'c': {
        setOption(OPT.COUNTERS);
        const comma = arg!.indexOf(',', 1);
        let pc = arg!;
        let bc: string | null = null;
        if (comma >= 0) {
          pc = arg!.slice(0, comma);
          bc = arg!.slice(comma + 1);
        } else if (hasArg()) bc = argv[go.optind++]!;
        if (bc === null) throw perr('-c requires packet and byte counter');
        const pn = /^\s*\d+/.exec(pc);
        if (!pn) throw perr('-c packet counter not numeric');
        const bn = /^\s*\d+/.exec(bc);
        if (!bn) throw perr('-c byte counter not numeric');
        counters = { pkts: Number(pn[0]), bytes: Number(bn[0]) };
        break;
      }
      case '4':
      case '6':
        // each tool takes its own family's flag and refuses the other's
        if ((r.c === '6') !== v6) throw tryHelp(f, '', PARAMETER_PROBLEM, line);
        break;
      case 'b':
        p.unmodelled ??= 'iptables -b';
        break;
      case 1: {
        if (arg === '!') {
          if (invert) throw perr('multiple consecutive ! not allowed');
          invert = true;
          continue;
        }
        throw tryHelp(f, `Bad argument \`${arg}'\n`, PARAMETER_PROBLEM, line);
      }
      default: {
        // an extension's option, else the protocol's match loaded on demand, else unknown
        if (typeof r.c === 'string' && r.c.includes('\0')) {
          const [owner, id, name] = r.c.split('\0') as [string, string, string];
          const ctxNow = { ...ctx, table: p.table };
          if (owner === 't' && target) {
            const o = target.ext.options.find((x) => x.id === id && x.name === name)!;
            target.ext.parse(ctxNow, target.data as NfTarget, o, arg, invert, target.seen);
            const why = target.ext.unmodelled?.(target.data as NfTarget);
            if (why) p.unmodelled ??= why;
          } else {
            const m = matches.find((x) => x.base === owner)!;
            const o = m.ext.options.find((x) => x.id === id && x.name === name)!;
            // IPv6 connection tracking is modelled for its state only
            if (v6 && m.ext.name === 'conntrack' && id !== 'ctstate') {
              p.unmodelled ??= `match conntrack --${name} for IPv6`;
              invert = false;
              continue;
            }
            m.ext.parse(ctxNow, m.data as NfMatch, o, arg, invert, m.seen);
            const why = m.ext.unmodelled?.(m.data as NfMatch);
            if (why) p.unmodelled ??= why;
          }
          break;
        }
        if (protocol !== null && !protoUsed) {
          const pname = /^\d+$/.test(protocol) ? protoToName(Number(protocol), (p.options & OPT.NUMERIC) !== 0) : protocol;
          const ext = pname ? matchTable[pname] : undefined;
          if (ext) {
            protoUsed = true;
            loadMatch(ext);
            go.optind--;
            continue;
          }
        }
        if (p.unmodelled) return p;
        if (r.c === ':' && 'word' in r) throw perr(`option "${r.word}" requires an argument`);
        if (r.c === '?' && 'word' in r) throw perr(`unknown option "${r.word}"`);
        throw perr(`Unknown arg "${arg}"`);
      }
    }
    invert = false;
  }

  if (p.table === 'nat' && (p.policy === 'DROP' || jumpto === 'DROP')) {
    throw perr('\nThe "nat" table is not intended for filtering, the use of DROP is therefore inhibited.\n\n');
  }
  if (p.unmodelled) return p;
  ctx.table = p.table;
  for (const m of matches) m.ext.final(ctx, m.data as NfMatch, m.seen);
  if (target) {
    target.ext.final(ctx, target.data as NfTarget, target.seen);
    const why = target.ext.unmodelled?.(target.data as NfTarget);
    if (why) p.unmodelled ??= why;
  }
  if (go.optind < argv.length) throw perr('unknown arguments found on commandline');
  if (!p.command) throw perr('no command specified');
  if (invert) throw perr('nothing appropriate following !');

  const ruleCmd = (p.command & (CMD.REPLACE | CMD.INSERT | CMD.DELETE | CMD.APPEND | CMD.CHECK)) !== 0;
  if (ruleCmd) {
    shost ??= v6 ? '::/0' : '0.0.0.0/0';
    dhost ??= v6 ? '::/0' : '0.0.0.0/0';
  }
  const srcs6: Addr6[] = v6 && shost !== null ? parseAddrs6(f, shost, line) : [];
  const dsts6: Addr6[] = v6 && dhost !== null ? parseAddrs6(f, dhost, line) : [];
  const srcs: AddrMask[] = v6 ? srcs6.map(() => ANY_ADDR) : shost !== null ? parseAddrs({ ...f }, shost) : [];
  const dsts: AddrMask[] = v6 ? dsts6.map(() => ANY_ADDR) : dhost !== null ? parseAddrs({ ...f }, dhost) : [];
  if ((srcs.length > 1 || dsts.length > 1) && (ip.srcInvert || ip.dstInvert)) throw perr('! not allowed with multiple source or destination IP addresses');
  if (p.command === CMD.REPLACE && (srcs.length !== 1 || dsts.length !== 1)) throw perr('Replacement rule does not specify a unique address');
  genericOptCheck(f, p.command, p.options, line);
  if (p.chain !== null && p.chain.length >= 29) throw perr(`chain name \`${p.chain}' too long (must be under 29 chars)`);
  if (ruleCmd || p.command === CMD.DELETE_NUM) {
    if ((p.chain === 'PREROUTING' || p.chain === 'INPUT') && p.options & OPT.VIANAMEOUT) throw perr(`Can't use -o with ${p.chain}\n`);
    if ((p.chain === 'POSTROUTING' || p.chain === 'OUTPUT') && p.options & OPT.VIANAMEIN) throw perr(`Can't use -i with ${p.chain}\n`);
  }

  const standard = jumpto === 'ACCEPT' || jumpto === 'DROP' || jumpto === 'RETURN' || jumpto === 'QUEUE';
  if (jumpto === 'QUEUE') p.unmodelled ??= 'target QUEUE';
  let t: NfTarget;
  if (target) t = target.data as NfTarget;
  else if (standard) t = { kind: 'verdict', verdict: jumpto as 'ACCEPT' | 'DROP' | 'RETURN' };
  else if (jumpto !== '' && !unmodelledTargets.has(jumpto)) {
    t = { kind: 'jump', chain: jumpto, goto };
    p.jumpChain = jumpto;
  } else t = { kind: 'none' };
  if (goto && t.kind !== 'jump') t = { kind: 'none' };
  if (ruleCmd) {
    srcs.forEach((s, i) => {
      dsts.forEach((d, j) => {
        const part: IpPart = { ...ip, src: normalizeAddr(s), dst: normalizeAddr(d) };
        const rule: NfRule = { ip: part, matches: matches.map((m) => m.data as NfMatch), target: t, counters: counters ?? { pkts: 0, bytes: 0 }, handle: 0 };
        if (v6) rule.ip6 = { src: srcs6[i]!, dst: dsts6[j]! };
        p.rules.push(rule);
      });
    });
  }
  return p;
}

/** An address as both backends keep it: masked (10.1.2.3/8 reads back as 10.0.0.0/8). */
function normalizeAddr(a: AddrMask): AddrMask {
  return { addr: (a.addr & a.mask) >>> 0, mask: a.mask };
}

function cmdChar(cmd: number): string {
  let i = 0;
  for (let c = cmd; c > 1; c >>= 1) i++;
  return CMD_CHARS[i] ?? '?';
}

function optChar(o: number): string {
  let i = 0;
  for (let c = o; c > 1; c >>= 1) i++;
  return OPT_CHARS[i] ?? '?';
}

function genericOptCheck(f: Flavour, command: number, options: number, line: number): void {
  for (let i = 0; i < OPT_CHARS.length; i++) {
    if (!(options & (1 << i))) continue;
    let legal = 0;
    for (let j = 0; j < LEGAL.length; j++) {
      if (!(command & (1 << j))) continue;
      if (LEGAL[j]![i] !== 'x') legal = 1;
      else if (legal === 0) legal = -1;
    }
    if (legal === -1) throw xtError(f, PARAMETER_PROBLEM, `Illegal option \`-${OPT_CHARS[i]}' with this command`, line);
  }
}

/** assert_valid_chain_name (for -N). */
export function checkChainName(f: Flavour, name: string, line = -1): void {
  const perr = (msg: string) => xtError(f, PARAMETER_PROBLEM, msg, line);
  if (name.length >= 29) throw perr(`chain name \`${name}' too long (must be under 29 chars)`);
  if (name[0] === '-' || name[0] === '!') throw perr(`chain name not allowed to start with \`${name[0]}'`);
  if (TARGETS[name] || UNMODELLED_TARGETS.has(name) || ['ACCEPT', 'DROP', 'RETURN', 'QUEUE', 'standard'].includes(name)) throw perr('chain name may not clash with target name');
  if (/\s/.test(name)) throw perr(`Invalid chain name \`${name}'`);
}

/** xt_parse_target */
function checkTargetName(f: Flavour, name: string, line: number): string {
  const perr = (msg: string) => xtError(f, PARAMETER_PROBLEM, msg, line);
  if (name.length < 1) throw perr('Invalid target name (too short)');
  if (name.length >= 29) throw perr(`Invalid target name \`${name}' (28 chars max)`);
  if (/\s/.test(name)) throw perr(`Invalid target name \`${name}'`);
  return name;
}

/** xtables_parse_protocol: a number, a chain protocol, /etc/protocols, else refused. */
function parseProtocol(f: Flavour, s: string, line: number): number {
  const n = strtoui(s, 0, 255);
  if (n !== null) return n;
  const known = CHAIN_PROTOS.find(([name]) => name === s);
  if (known) return known[1];
  const p = protoByName(s);
  if (p >= 0) return p;
  throw xtError(f, PARAMETER_PROBLEM, `unknown protocol "${s}" specified`, line);
}

export { IptError };
