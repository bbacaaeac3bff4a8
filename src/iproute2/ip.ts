/**
 * The `ip` command (ip/ip.c of iproute2 6.1.0): global options, the object table with its
 * abbreviations (`a` is address, `r` route, `l` link, `n` neighbour), and the exit statuses
 * iproute2 ends with. `parseIp` turns argv into a plan (Ops, a show request, or a finished
 * result); `runIp` also carries it out against the model.
 */
import { apply } from '../ops/apply.js';
import { OpError, OpUnsupported } from '../ops/errors.js';
import { exitWith, invarg, IpExit, IpUnsupported, matches, netnsByName, notModelled, readFamily } from './args.js';
import { parseAddr } from './addr/parse.js';
import { parseLink } from './link/parse.js';
import { parseNeigh } from './neigh/parse.js';
import { parseNetns } from './netns/parse.js';
import { parseVrf } from './vrf.js';
import { parseMaddr } from './maddr.js';
import { parseRoute } from './route/parse.js';
import { parseRule } from './rule/parse.js';
import { parseNexthop } from './nexthop/parse.js';
import { parseTuntap } from './tuntap/parse.js';
import { donePlan, type IpPlan } from './plan.js';
import { batchCommands } from './batch.js';
import { defaultGlobals, unsupported, type CmdContext, type CommandResult, type IpGlobals } from './types.js';
import { IP_USAGE, IP_VERSION } from './usage.js';

type ObjectParser = (ctx: CmdContext, g: IpGlobals, argv: string[]) => IpPlan;

/** ip.c cmds[], in its order: the first name an abbreviation matches wins. */
const OBJECTS: Array<[string, ObjectParser | null]> = [
  ['address', parseAddr],
  ['addrlabel', null],
  ['maddress', parseMaddr],
  ['route', parseRoute],
  ['rule', parseRule],
  ['neighbor', parseNeigh],
  ['neighbour', parseNeigh],
  ['ntable', null],
  ['ntbl', null],
  ['link', parseLink],
  ['l2tp', null],
  ['fou', null],
  ['ila', null],
  ['macsec', null],
  ['tunnel', null],
  ['tunl', null],
  ['tuntap', parseTuntap],
  ['tap', parseTuntap],
  ['token', null],
  ['tcpmetrics', null],
  ['tcp_metrics', null],
  ['monitor', null],
  ['xfrm', null],
  ['mroute', null],
  ['mrule', null],
  ['netns', parseNetns],
  ['netconf', null],
  ['vrf', parseVrf],
  ['sr', null],
  ['nexthop', parseNexthop],
  ['mptcp', null],
  ['ioam', null],
  ['help', null],
  ['stats', null],
];

/** The result of parsing the global options: where the command runs and what is left. */
interface Globals {
  g: IpGlobals;
  ctx: CmdContext;
  rest: string[];
  /** options that only matter for output the renderers do not produce */
  showGaps: string[];
  /** `-batch FILE`: the commands come from FILE (`-`: stdin), the rest of the line is ignored */
  batch: string | null;
  /** `-force`: a batch goes on after a failing command */
  force: boolean;
}

/** main()'s option loop. */
function parseGlobals(ctx0: CmdContext, argv: string[]): Globals {
  const g = defaultGlobals();
  let ctx = ctx0;
  const showGaps: string[] = [];
  let i = 0;
  let color = false;
  let batch: string | null = null;
  let force = false;
  while (i < argv.length) {
    let opt = argv[i];
    if (opt === '--') {
      i++;
      break;
    }
    if (opt[0] !== '-') break;
    if (opt[1] === '-') opt = opt.slice(1);
    const needArg = (): string => {
      i++;
      if (i >= argv.length) exitWith(IP_USAGE, 255);
      return argv[i];
    };
    if (matches(opt, '-loops')) {
      needArg();
    } else if (matches(opt, '-family')) {
      const v = needArg();
      if (v === 'help') exitWith(IP_USAGE, 255);
      const f = readFamily(v);
      if (f === undefined || f === null) invarg('invalid protocol family', v);
      setFamily(g, f);
    } else if (opt === '-4') {
      g.family = 'inet';
    } else if (opt === '-6') {
      g.family = 'inet6';
    } else if (opt === '-0') {
      g.family = 'link';
    } else if (opt === '-M') {
      setFamily(g, 'mpls');
    } else if (opt === '-B') {
      setFamily(g, 'bridge');
    } else if (matches(opt, '-human') || matches(opt, '-human-readable') || matches(opt, '-iec')) {
      showGaps.push(opt);
    } else if (matches(opt, '-stats') || matches(opt, '-statistics')) {
      g.stats++;
    } else if (matches(opt, '-details')) {
      g.details++;
    } else if (matches(opt, '-resolve')) {
      showGaps.push(opt);
    } else if (matches(opt, '-oneline')) {
      g.oneline = true;
    } else if (matches(opt, '-timestamp') || matches(opt, '-tshort')) {
      // only `ip monitor` prints timestamps
    } else if (matches(opt, '-Version')) {
      exitWith('', 0, IP_VERSION);
    } else if (matches(opt, '-force')) {
      force = true;
    } else if (matches(opt, '-batch')) {
      batch = needArg();
    } else if (matches(opt, '-brief')) {
      g.brief = true;
    } else if (matches(opt, '-json')) {
      g.json = true;
    } else if (matches(opt, '-pretty')) {
      g.pretty = true;
    } else if (matches(opt, '-rcvbuf')) {
      const v = needArg();
      if (!/^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.test(v)) exitWith(`Invalid rcvbuf size '${v}'\n`, 255);
    } else if (matchesColor(opt) !== null) {
      color = matchesColor(opt)!;
    } else if (matches(opt, '-help')) {
      exitWith(IP_USAGE, 255);
    } else if (matches(opt, '-netns')) {
      // NEXT_ARG counts the program name: a missing name reaches netns_switch as NULL
      i++;
      const name = argv[i];
      const ns = name === undefined ? null : netnsByName(ctx.ns, name);
      if (!ns) exitWith(`Cannot open network namespace "${name ?? '(null)'}": No such file or directory\n`, 255);
      ctx = { ...ctx, ns };
      g.netns = ns.name;
    } else if (matches(opt, '-Numeric')) {
      showGaps.push(opt);
    } else if (matches(opt, '-all')) {
      g.all = true;
    } else if (opt === '-echo') {
      notModelled('ip -echo');
    } else {
      exitWith(`Option "${opt}" is unknown, try "ip -help".\n`, 255);
    }
    i++;
  }
  // check_enable_color(): -j wins; `-c` means always; stdout of a script is not a terminal
  g.color = color && !g.json;
  return { g, ctx, rest: argv.slice(i), showGaps, batch, force };
}

function setFamily(g: IpGlobals, f: string): void {
  if (f === 'inet' || f === 'inet6' || f === 'link') g.family = f;
  else notModelled(`address family ${f}`);
}

/** matches_color(): `-c`, `-color`, `-color=always|auto|never`; null when not a color option. */
function matchesColor(opt: string): boolean | null {
  const eq = opt.indexOf('=');
  const name = eq >= 0 ? opt.slice(0, eq) : opt;
  const val = eq >= 0 ? opt.slice(eq + 1) : '';
  if (!matches(name, '-color')) return null;
  if (val === '' || val === 'always') return true;
  if (val === 'auto' || val === 'never') return false;
  return null;
}

/**
 * Parses an `ip` command line (without the leading "ip") into a plan, resolving names against
 * the model as iproute2 resolves them before it talks to the kernel. Never throws.
 *
 * @example
 * const { plan } = parseIp(ctx, ['link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1']);
 * // plan.kind === 'ops', plan.ops[0].op === 'link.add'
 */
export function parseIp(ctx: CmdContext, argv: string[]): { plan: IpPlan; ctx: CmdContext; g: IpGlobals } {
  let run: CmdContext = ctx;
  let g = defaultGlobals();
  try {
    const globals = parseGlobals(ctx, argv);
    run = globals.ctx;
    g = globals.g;
    if (globals.batch !== null) return { plan: donePlan(runBatch(run, g, globals)), ctx: run, g };
    return { plan: parseObject(run, g, globals.rest, globals.showGaps), ctx: run, g };
  } catch (e) {
    return { plan: donePlan(resultOf(e)), ctx: run, g };
  }
}

/** do_cmd: the object's parser for the words after the global options. Throws as the parsers do. */
function parseObject(run: CmdContext, g: IpGlobals, rest: string[], showGaps: string[]): IpPlan {
  if (rest.length === 0) exitWith(IP_USAGE, 255);
  const obj = rest[0];
  const entry = OBJECTS.find(([name]) => matches(obj, name));
  if (!entry) return donePlan({ exit: 1, stdout: '', stderr: `Object "${obj}" is unknown, try "ip help".\n` });
  const [name, parser] = entry;
  if (name === 'help') exitWith(IP_USAGE, 255);
  if (!parser) notModelled(`ip ${name}`);
  const plan = parser(run, g, rest.slice(1));
  if (plan.kind === 'show' && showGaps.length > 0) notModelled(`ip ${showGaps.join(' ')}`);
  return plan;
}

/**
 * do_batch (batch.ts): each command of stdin parsed and carried out in turn with the global
 * options, their output joined. A command the model does not cover makes the whole batch
 * not modelled (real mode runs it on the kernel).
 */
function runBatch(run: CmdContext, g: IpGlobals, globals: Globals): CommandResult {
  if (globals.batch !== '-') notModelled('ip -batch FILE');
  if (run.stdin === undefined) notModelled('ip -batch - without a here-document or a pipe');
  let stdout = '';
  let stderr = '';
  let failed = false;
  for (const c of batchCommands(run.stdin)) {
    let r: CommandResult;
    try {
      r = executePlan(run, parseObject(run, g, c.argv, globals.showGaps));
    } catch (e) {
      r = resultOf(e);
      // an exit() inside ip ends it all with its status: usage and invalid arguments (exit(-1)),
      // an address or prefix get_addr/get_prefix cannot read (exit(1)); other refusals return
      if (e instanceof IpExit && (r.exit === 255 || / is expected rather than /.test(r.stderr))) return { ...r, stdout: stdout + r.stdout, stderr: stderr + r.stderr };
    }
    if (r.unsupported) return r;
    stdout += r.stdout;
    stderr += r.stderr;
    // ipneigh_modify exits (exit(2)) where the other objects return the kernel's refusal
    if (r.exit === 2 && OBJECTS.find(([name]) => matches(c.argv[0]!, name))?.[1] === parseNeigh) return { exit: 2, stdout, stderr };
    if (r.exit !== 0) {
      stderr += `Command failed -:${c.line}\n`;
      failed = true;
      if (!globals.force) break;
    }
  }
  return { exit: failed ? 1 : 0, stdout, stderr };
}

/** The CommandResult an exception stands for: an exit(), a gap of the model, or a bug. */
export function resultOf(e: unknown): CommandResult {
  if (e instanceof IpExit) return e.result;
  if (e instanceof IpUnsupported || e instanceof OpUnsupported) return unsupported(e.what);
  if (e instanceof OpError) return { exit: e.exit, stdout: '', stderr: e.stderr };
  const msg = e instanceof Error ? e.message : String(e);
  return unsupported(`internal error: ${msg}`);
}

/**
 * Carries out a plan: applies its Ops in order (the first refusal ends it, with iproute2's
 * text and exit status), or renders what it shows.
 */
export function executePlan(ctx: CmdContext, plan: IpPlan): CommandResult {
  try {
    switch (plan.kind) {
      case 'done':
        return plan.result;
      case 'show': {
        const r = plan.render();
        return { ...r, stderr: plan.warn + r.stderr };
      }
      case 'ops':
        for (const op of plan.ops) {
          try {
            apply(ctx, op);
          } catch (e) {
            if (e instanceof OpError) {
              return { exit: e.exit === 2 ? plan.kernelExit : e.exit, stdout: '', stderr: plan.warn + e.stderr };
            }
            throw e;
          }
        }
        return { exit: 0, stdout: plan.stdout ?? '', stderr: plan.warn };
    }
  } catch (e) {
    return resultOf(e);
  }
}

/**
 * Runs `ip ARGV...` against the model, as iproute2 6.1 would on Linux: same stdout, stderr
 * and exit status. Commands or options the model does not cover give exit 127,
 * `nettwin: unsupported: …` and `unsupported: true`. Never throws.
 *
 * @example
 * runIp({ ns: host.root }, ['link', 'show', 'dev', 'nosuch']);
 * // { exit: 1, stdout: '', stderr: 'Device "nosuch" does not exist.\n' }
 */
export function runIp(ctx: CmdContext, argv: string[]): CommandResult {
  const { plan, ctx: run } = parseIp(ctx, argv);
  return executePlan(run, plan);
}
