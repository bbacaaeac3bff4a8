/**
 * The `nettwin` command line. Each subcommand lives in its own file; this one only wires them
 * to commander, and loads a subcommand's file only when it runs (so `run` does not pay for
 * fast-check, the YAML parser or the kernel adapters at every start). Usage errors (usage.ts)
 * exit 2 with one line; any other error a subcommand throws is printed (no stack trace), exit 2.
 */
import { createRequire } from 'node:module';
import { Command, CommanderError, Option } from 'commander';
import { isLabFile } from '../labfile/path.js';
import { integerIn, USAGE_EXIT, UsageError, usageLine } from './usage.js';

/** The package's version, from its package.json (two folders up from src/cli and dist/cli). */
function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

const ALLOW_OUTSIDE = "a lab file's setup scripts may be outside its folder (absolute paths, `..`, symbolic links out); by default they must be inside it";
const USAGE_STATUS = '2 a usage error (unknown option, missing or bad value, flags that do not go together)';
const KERNEL_HELP =
  "the kernel the simulator models: auto (this machine's, read from its config or probed in a sandbox and cached in ~/.cache/nettwin; off Linux debian-12), debian-12 (a stock distribution kernel), ci-6.18 (nettwin's CI kernel: no dummy, vlan, bond …), uml (Debian's user-mode Linux 6.1: with --real, run on that kernel, booted for the run; apt-get install user-mode-linux kmod)";

/** An action that reports UsageError as a usage error of its command and sets the exit status. */
function act<A extends unknown[]>(fn: (...args: A) => Promise<number>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const cmd = args[args.length - 1] as Command;
    try {
      process.exitCode = await fn(...args);
    } catch (e) {
      if (e instanceof UsageError) cmd.error(e.message, { exitCode: USAGE_EXIT, code: 'nettwin.usage' });
      throw e;
    }
  };
}

/** --allow-outside is about lab files; with a script it would do nothing, so it is refused. */
function checkAllowOutside(file: string, opts: { allowOutside?: boolean }): void {
  if (opts.allowOutside && !isLabFile(file)) throw new UsageError("--allow-outside is for lab files (.yaml): it lets their setup scripts be outside the lab file's folder");
}

/** `--kernel NAME` must name a profile. */
async function checkKernel(name: string | undefined): Promise<void> {
  if (name === undefined) return;
  const { kernelProfileNames } = await import('../../adapters/linux/kernel-detect.js');
  const names = kernelProfileNames();
  if (!names.includes(name)) throw new UsageError(`--kernel ${JSON.stringify(name)}: not a kernel profile (known: ${names.join(', ')})`);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('nettwin')
    .version(packageVersion(), '-V, --version', 'print the version')
    .description('A digital twin of Linux host networking: run iproute2 scripts in a simulator or, sandboxed, on the real kernel.')
    .showHelpAfterError(false)
    .exitOverride()
    .addHelpText(
      'after',
      `\nExamples:\n  nettwin run examples/seed/node1.sh\n  nettwin lint examples/seed/lab.yaml\n  sudo nettwin diff examples/seed/node1.sh\n\nExit status: 0 success; 1 lint errors, diff disagreements or failing intents; 2 a usage error, a file that cannot be read or used, or real mode not possible here.`,
    );

  program
    .command('run')
    .description("run an iproute2 script (one host) or a lab file (several hosts); every command gets the kernel's answer")
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--json', 'one JSON document: {"mode", "steps": [...]}')
    .option('--real', 'run on the real kernel, inside a throwaway sandbox (needs root)')
    .option(
      '--persist',
      'run in the simulator, then materialize the resulting lab into namespaces of this machine that stay, named nt-<lab>-<host>-<ns> (implies --real; see nettwin ls, exec, destroy)',
    )
    .option('--name <lab>', "with --persist: the lab's name (1-6 lower-case letters or digits; default the lab file's name: key, else made from the file name)")
    .option('--state <file>', 'with --persist: the state file recording what was created (default /run/nettwin/state.json)')
    .option(
      '--pcap <dir>',
      'write one pcap file per device that carried traffic: DIR/<host>/<device>.pcap, DIR/<host>/<NS>/<device>.pcap (read them with tcpdump -r or Wireshark); with --real, captured by tcpdump on the kernel in the sandbox',
    )
    .option('--epoch <time>', 'with --pcap, simulator: when the capture clock starts, seconds since 1970 or a UTC time (default 2024-01-01T00:00:00Z)')
    .option(
      '--coverage',
      'after the run, how many lines were modelled, partial (a setting kept but not simulated), not modelled (real mode: answered by the kernel) and skipped, per feature; --json always has it',
    )
    .option('--kernel <profile>', KERNEL_HELP, 'auto')
    .option('--allow-outside', ALLOW_OUTSIDE)
    .addHelpText(
      'after',
      `\nA line of a known network program the simulator does not model (iptables, tc, ip -6 …) is skipped in the simulator and, with --real, run on the kernel in the sandbox: its step has "supported": false, "modelled": false and the kernel's answer. Anything else not modelled is skipped in both modes (exit 127) and never run.\n\nExamples:\n  nettwin run examples/seed/node1.sh\n  nettwin run examples/seed/lab.yaml --json\n  nettwin run examples/seed/node1.sh --coverage\n  nettwin run examples/seed/lab.yaml --pcap caps && tcpdump -n -r caps/node1/NS1/veth11.pcap\n  sudo nettwin run examples/seed/lab.yaml --real --pcap kernel-caps\n  sudo nettwin run examples/seed/node1.sh --real\n\nExit status: 0 the file ran to the end (whatever its commands answered), ${USAGE_STATUS}, the file could not be read or used, an output path is refused (under /proc, /sys, /dev), or real mode is not possible here.`,
    )
    .action(
      act(
        async (
          file: string,
          opts: { json?: boolean; real?: boolean; persist?: boolean; state?: string; name?: string; pcap?: string; epoch?: string; allowOutside?: boolean; coverage?: boolean; kernel?: string },
        ) => {
          checkAllowOutside(file, opts);
          if (opts.pcap !== undefined && opts.persist)
            throw new UsageError('--pcap and --persist do not go together (--persist materializes the lab the simulation left; capture with --pcap alone, or --real --pcap)');
          if (opts.epoch !== undefined && opts.pcap === undefined) throw new UsageError('--epoch goes with --pcap (it sets when the simulated captures start)');
          if (opts.state !== undefined && !opts.persist) throw new UsageError('--state goes with --persist (it names the file a --persist run records what it made in)');
          if (opts.name !== undefined && !opts.persist) throw new UsageError('--name goes with --persist (it names the lab on this machine)');
          await checkKernel(opts.kernel);
          const { runCommand } = await import('./run.js');
          return runCommand(file, opts);
        },
      ),
    );

  program
    .command('diff')
    .description('run FILE in the simulator and on the kernel; print where they disagree, and the lines that could not be compared (not modelled: the kernel answered; skipped in both modes)')
    .argument('<file>')
    .option('--json', 'one JSON document: {"agree", "disagree": [...], "unmodelled": [...], "skipped": [...], "partial": [...], "divergedAt"}')
    .option('--allow-unmodelled', 'exit 0 when nothing disagrees, even if some lines are not modelled by the simulator')
    .option('--kernel <profile>', KERNEL_HELP, 'auto')
    .option('--allow-outside', ALLOW_OUTSIDE)
    .addHelpText(
      'after',
      `\nExamples:\n  sudo nettwin diff examples/seed/node1.sh\n  sudo nettwin diff examples/seed/lab.yaml --json\n  sudo nettwin diff firewall.sh --allow-unmodelled\n\nExit status: 0 simulator and kernel agree on every line compared and every line was modelled (lines skipped in both modes are listed, not counted), 1 they disagree or a line is not modelled by the simulator (unless --allow-unmodelled), ${USAGE_STATUS}, the file could not be read or used, or real mode is not possible here (needs root on Linux).`,
    )
    .action(
      act(async (file: string, opts: { json?: boolean; allowOutside?: boolean; allowUnmodelled?: boolean; kernel?: string }) => {
        checkAllowOutside(file, opts);
        await checkKernel(opts.kernel);
        const { diffCommand } = await import('./diff.js');
        return diffCommand(file, opts);
      }),
    );

  program
    .command('lint')
    .description('find mistakes in a script or lab before anything runs: each with its line, what is wrong, and a fix')
    .argument('<file>')
    .option('--json', 'findings as JSON')
    .option('--allow-outside', ALLOW_OUTSIDE)
    .addHelpText(
      'after',
      `\nExamples:\n  nettwin lint examples/seed/node1.sh\n  nettwin lint examples/seed/lab.yaml --json\n\nExit status: 0 no errors (warnings allowed), 1 errors found, ${USAGE_STATUS}, or the file could not be read or used.`,
    )
    .action(
      act(async (file: string, opts: { json?: boolean; allowOutside?: boolean }) => {
        checkAllowOutside(file, opts);
        const { lintCommand } = await import('./lint.js');
        return lintCommand(file, opts);
      }),
    );

  program
    .command('graph')
    .description('draw the lab after FILE ran in the simulator: Mermaid (default), Graphviz DOT, or the web view as one offline HTML file')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .addOption(new Option('--format <format>', 'mermaid, dot or html').choices(['mermaid', 'dot', 'html']).default('mermaid'))
    .option('--trace <endpoints...>', "highlight one ping's path: FROM (host/NS) TO (an IPv4 address)")
    .option('--allow-outside', ALLOW_OUTSIDE)
    .addHelpText(
      'after',
      `\nExamples:\n  nettwin graph examples/seed/lab.yaml > lab.mmd\n  nettwin graph examples/seed/lab.yaml --format dot | dot -Tsvg > lab.svg\n  nettwin graph examples/seed/lab.yaml --trace node1/NS1 172.16.0.3\n  nettwin graph examples/seed/lab.yaml --format html > lab.html\n\nExit status: 0 the diagram was printed, ${USAGE_STATUS}, a bad --trace, or the file could not be read or used.`,
    )
    .action(
      act(async (file: string, opts: { format?: string; trace?: string[]; allowOutside?: boolean }) => {
        checkAllowOutside(file, opts);
        const { graphCommand } = await import('./graph.js');
        return graphCommand(file, { format: opts.format, trace: opts.trace as [string, string] | undefined, allowOutside: opts.allowOutside });
      }),
    );

  program
    .command('ui')
    .description('the web view of the lab after FILE ran in the simulator: the drawing, a ping stepped hop by hop, the reachability matrix; served on 127.0.0.1 behind a random token')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--port <port>', 'the port to listen on (default: any free one)')
    .option('--real', "show the kernel's answer: the lab run on the real kernel, inside a throwaway sandbox (needs root); the drawing is its state read back, the matrix its pings")
    .option('--allow-outside', ALLOW_OUTSIDE)
    .addHelpText(
      'after',
      `\nExamples:\n  nettwin ui examples/seed/lab.yaml\n  nettwin ui examples/seed/lab.yaml --port 8123\n  sudo nettwin ui examples/seed/lab.yaml --real\n\nOpen the URL it prints (it holds the token: any request without it gets 403). Ctrl-C stops it.\nExit status: 0 stopped, ${USAGE_STATUS}, or the file could not be read or used.`,
    )
    .action(
      act(async (file: string, opts: { port?: string; allowOutside?: boolean; real?: boolean }) => {
        checkAllowOutside(file, opts);
        const { uiCommand } = await import('./ui.js');
        return uiCommand(file, opts);
      }),
    );

  program
    .command('verify')
    .description("check what a lab file's `expect` section says must hold: one line per intent, and for each failure the hop and the rule that decided")
    .argument('<file>', 'a lab file (.yaml) with an `expect` section')
    .option('--real', 'check on the real kernel, inside a throwaway sandbox (needs root)')
    .option('--json', 'the verdicts as one JSON document')
    .option('--junit <path>', 'also write a JUnit XML report there (one test case per intent)')
    .option('--allow-outside', ALLOW_OUTSIDE)
    .option('--kernel <profile>', `${KERNEL_HELP}; default: the lab file's kernel: key`)
    .addHelpText(
      'after',
      `\nIntents (under \`expect:\` in the lab file):\n  - reach: { from: node1/NS1, to: 172.16.1.2 }\n  - reach: { from: c, to: 192.168.5.1, proto: tcp, port: 80 }   (answer: open|refused|unreachable|filtered; isolated takes proto/port too)\n  - isolated: { from: node1/NS1, to: 10.0.0.1 }\n  - via: { from: node1/NS1, to: 172.16.1.2, through: [node1, node2] }\n  - all-reach: { among: [node1/NS1, node2/NS1] }   (or among: all, or globs: [node1/*, */NS1])\n  - no-loops: {}\n  - no-blackholes: { for: 172.16.0.0/16 }\n  - service: { from: c, to: 10.96.0.10, proto: tcp, port: 80 }   (the port and every DNAT endpoint behind it)\n\nNamespaces: HOST, HOST/NS, or NS when only one host has it.\n\nExamples:\n  nettwin verify examples/seed/verify.yaml\n  nettwin verify examples/seed/verify-broken.yaml --junit verify.xml\n  sudo nettwin verify examples/seed/verify.yaml --real\n\nExit status: 0 every intent holds, 1 an intent fails, ${USAGE_STATUS}, the file cannot be read or used (bad intents, unknown namespaces, no intents), the --junit path is refused, or real mode is not possible here.`,
    )
    .action(
      act(async (file: string, opts: { real?: boolean; json?: boolean; junit?: string; allowOutside?: boolean; kernel?: string }) => {
        if (opts.kernel !== undefined) await checkKernel(opts.kernel);
        const { verifyCommand } = await import('./verify.js');
        return verifyCommand(file, opts);
      }),
    );

  program
    .command('explain')
    .description('why a ping from one namespace to an address works or not, hop by hop and decision by decision, after FILE ran in the simulator')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--from <ns>', 'the namespace pinging: HOST/NS, NS when only one host has it, or HOST')
    .option('--to <addr>', 'the IPv4 address pinged')
    .option('--json', 'the explanation as JSON')
    .option('--verbose', 'after the verdict and the event that decided it, every event hop by hop with its time')
    .option('--step', 'one event at a time (frame on a link, route lookup, ARP, FDB…): Enter/Space next, b back, q quit; every event in turn when not on a terminal')
    .option('--allow-outside', ALLOW_OUTSIDE)
    .addHelpText(
      'after',
      `\nExamples:\n  nettwin explain examples/seed/lab.yaml --from node1/NS1 --to 172.16.1.2\n  nettwin explain examples/seed/node1.sh --from NS1 --to 172.16.0.3 --json\n  nettwin explain examples/seed/verify.yaml --from node1/NS1 --to 172.16.1.2 --step\n\nExit status: 0 the ping gets a reply, 1 it does not, ${USAGE_STATUS}, a bad --from/--to, or the file could not be read or used.`,
    )
    .action(
      act(async (file: string, opts: { from?: string; to?: string; json?: boolean; step?: boolean; verbose?: boolean; allowOutside?: boolean }) => {
        checkAllowOutside(file, opts);
        if (opts.step && opts.json) throw new UsageError('--step and --json do not go together (--step shows events one at a time, --json prints them all)');
        const { explainCommand } = await import('./explain.js');
        return explainCommand(file, opts);
      }),
    );

  program
    .command('reach')
    .description('all-pairs reachability after FILE ran in the simulator: ping -c 1 from every namespace to every configured address (not 127/8), from a fresh state')
    .argument('[file]', 'a shell script or a lab file (.yaml)')
    .option('--json', 'one JSON document: {"sources", "destinations", "pairs", "reachable", "unreachable": [{"from", "to"}]}')
    .option('--compare <files...>', 'OLD NEW: the pairs NEW gains and loses against OLD (differential reachability); exit 1 when a pair is lost')
    .option('--proto <proto>', 'tcp, udp or icmp: per service port, what nc -z -w 1 / nc -u / ping would meet (open, refused, unreachable, filtered), netfilter applied both ways')
    .option('--port <n>', 'the service port (with --proto tcp|udp)')
    .option('--to <addrs...>', 'with --proto: these destinations (a ClusterIP, …) instead of every configured address')
    .addOption(new Option('--family <family>', 'destinations: 4 (IPv4 addresses), 6 (global IPv6 addresses: ping -6) or all').choices(['4', '6', 'all']).default('all'))
    .option('--allow-outside', ALLOW_OUTSIDE)
    .addHelpText(
      'after',
      `\nExamples:\n  nettwin reach examples/seed/lab.yaml\n  nettwin reach examples/seed/lab.yaml --json\n  nettwin reach test/cases/reach-l4/router-services.sh --proto tcp --port 80\n  nettwin reach --compare examples/seed/lab.yaml examples/seed/lab-fixed-routes.yaml\n  nettwin reach dual-stack.sh --family 6\n\nSmall labs print a matrix; large ones a summary and the unreachable pairs.\nExit status: 0 printed (whatever the answers; with --compare: no pair lost), 1 (--compare) a pair reachable in OLD is not in NEW, ${USAGE_STATUS}, or a file could not be read or used.`,
    )
    .action(
      act(async (file: string | undefined, opts: { json?: boolean; compare?: string[]; allowOutside?: boolean; proto?: string; port?: string; to?: string[]; family?: '4' | '6' | 'all' }) => {
        if (opts.proto !== undefined || opts.port !== undefined || opts.to !== undefined) {
          if (opts.compare !== undefined) throw new UsageError('--compare does not go with --proto/--port/--to');
          if (opts.family === '6') throw new UsageError('--proto/--port/--to take IPv4 destinations for now (not --family 6)');
          if (file === undefined) throw new UsageError("missing required argument 'file'");
          const { portArgs, reachPortCommand } = await import('./reach-l4.js');
          portArgs(opts);
          checkAllowOutside(file, opts);
          return reachPortCommand(file, opts);
        }
        if (opts.compare !== undefined) {
          if (file !== undefined || opts.compare.length !== 2) throw new UsageError('--compare takes two files, OLD and NEW, and no other');
          for (const f of opts.compare) checkAllowOutside(f, opts);
          const { reachCompareCommand } = await import('./reach-compare.js');
          return reachCompareCommand(opts.compare[0]!, opts.compare[1]!, opts);
        }
        if (file === undefined) throw new UsageError("missing required argument 'file'");
        checkAllowOutside(file, opts);
        const { reachCommand } = await import('./reach.js');
        return reachCommand(file, opts);
      }),
    );

  program
    .command('destroy')
    .description('remove a lab `run --persist` left on this machine (or every one): exactly the namespaces its state file records, each checked to be the one the run made')
    .argument('[lab]', 'the lab (as nettwin ls names it); all of them when not given')
    .option('--state <file>', 'the state file (default /run/nettwin/state.json, or $XDG_RUNTIME_DIR/nettwin/state.json)')
    .option('--json', 'the report as JSON')
    .addHelpText(
      'after',
      `\nExamples:\n  sudo nettwin run examples/seed/lab.yaml --persist\n  sudo nettwin destroy seed\n  sudo nettwin destroy\n\nExit status: 0 removed, or nothing was recorded; 1 a namespace could not be removed, or could not be proven to be the one the run made (left alone); ${USAGE_STATUS}, a state file that is not a nettwin state file (refused: nothing is removed), or real mode is not possible here.`,
    )
    .action(
      act(async (lab: string | undefined, opts: { state?: string; json?: boolean }) => {
        if (lab !== undefined && !/^(?:[a-z][a-z0-9]{0,5}|[0-9a-f]{4}|nt-[a-z][a-z0-9]{0,5}-|[a-z][a-z0-9]{0,4}-[0-9a-f]{4}-)$/.test(lab))
          throw new UsageError(`${JSON.stringify(lab)} is not a lab name (1-6 lower-case letters or digits, a letter first, as nettwin ls shows them)`);
        const { destroyCommand } = await import('./destroy.js');
        return destroyCommand({ ...opts, run: lab });
      }),
    );

  program
    .command('ls')
    .description('list the labs `run --persist` left on this machine, with their namespaces')
    .option('--state <file>', 'the state file (default /run/nettwin/state.json, or $XDG_RUNTIME_DIR/nettwin/state.json)')
    .option('--json', 'the labs as JSON')
    .addHelpText(
      'after',
      `\nExamples:\n  sudo nettwin ls\n  sudo nettwin ls --json\n\nExit status: 0 listed (none is fine), ${USAGE_STATUS}, a state file that is not a nettwin state file, or real mode is not possible here.`,
    )
    .action(
      act(async (opts: { state?: string; json?: boolean }) => {
        const { lsCommand } = await import('./ls.js');
        return lsCommand(opts);
      }),
    );

  program
    .command('exec')
    .description('run one command in a namespace of a persisted lab (ip, bridge, ping, sysctl, or cat of a /proc/sys/net file), as argv, checked as a script line is')
    .argument('<lab>', 'the lab (as nettwin ls names it)')
    .argument('<namespace>', 'HOST, HOST/NS, or NS when only one host has it')
    .argument('<command...>', "the command and its arguments, after -- (everything after it is the command's)")
    .option('--state <file>', 'the state file (default /run/nettwin/state.json, or $XDG_RUNTIME_DIR/nettwin/state.json)')
    .addHelpText(
      'after',
      `\nExamples:\n  sudo nettwin exec seed node1/NS1 -- ip -br addr\n  sudo nettwin exec seed node1/NS1 -- ping -c 1 172.16.0.3\n\nExit status: 0 or any other the command's own (it ran); ${USAGE_STATUS}, an unknown lab or namespace, a command exec does not run, or real mode is not possible here.`,
    )
    .action(
      act(async (lab: string, target: string, command: string[], opts: { state?: string }) => {
        const { execCommand } = await import('./exec.js');
        return execCommand(lab, target, command, opts);
      }),
    );

  program
    .command('gen')
    .description("write random labs drawn from the fast-check arbitraries, as iproute2 scripts (DIR/001.sh …), or (--topo) one of Mininet's topologies as a lab file")
    .addOption(new Option('--seed <n>', 'the seed, an integer from 0 to 2147483647: the same seed gives the same files').argParser(integerIn(0, 2 ** 31 - 1)))
    .addOption(new Option('--count <n>', 'how many scripts (1 to 100000)').argParser(integerIn(1, 100_000)))
    .option('--out <path>', 'random labs: the folder to write them to (made if missing); --topo: the lab file (printed when not given); not under /proc, /sys or /dev')
    .option('--macvlan', 'let segments be macvlans too (a lower device, its wire, macvlans moved into namespaces)')
    .addOption(new Option('--rules <n>', 'write up to N random iptables rules and policies before the pings, and list them after (0 to 50)').argParser(integerIn(0, 50)))
    .option('--topo <spec>', 'a lab file of a built-in topology: single,N (one switch, N hosts), linear,N (N switches in a row, a host on each), tree,DEPTH,FANOUT, k8s,NODES,PODS')
    .addHelpText(
      'after',
      `\nExamples:\n  nettwin gen --seed 42 --count 20 --out labs/\n  for f in labs/*.sh; do nettwin diff "$f"; done\n  nettwin gen --topo tree,2,3 --out tree.yaml && nettwin verify tree.yaml\n\nExit status: 0 written, ${USAGE_STATUS}, or a path that cannot be written (or is under /proc, /sys, /dev).`,
    )
    .action(
      act(async (opts: { seed?: number; count?: number; out?: string; macvlan?: boolean; rules?: number; topo?: string }) => {
        if (opts.topo !== undefined) {
          if (opts.seed !== undefined || opts.count !== undefined || opts.macvlan || opts.rules !== undefined)
            throw new UsageError('--topo writes one lab file: --seed, --count, --macvlan and --rules are for random labs');
          const { genTopoCommand } = await import('./gen-topo.js');
          return genTopoCommand(opts.topo, opts.out);
        }
        for (const [v, o] of [
          [opts.seed, '--seed <n>'],
          [opts.out, '--out <path>'],
          [opts.count, '--count <n>'],
        ] as const)
          if (v === undefined) throw new UsageError(`required option '${o}' not specified (or --topo SPEC)`);
        const { genCommand } = await import('./gen.js');
        return genCommand({ seed: opts.seed!, count: opts.count!, out: opts.out!, macvlan: opts.macvlan === true, rules: opts.rules ?? 0 });
      }),
    );

  // every usage error, commander's or ours, as one line with the command's help to see
  for (const cmd of [program, ...program.commands]) {
    const name = cmd === program ? '' : cmd.name();
    cmd.exitOverride().configureOutput({ outputError: (str, write) => write(usageLine(name, str)) });
  }
  return program;
}

/**
 * Runs the command line `argv` (as process.argv: node, script, arguments…) and returns the
 * exit status: a subcommand's own, 2 for a usage error or an error it threw (its message on
 * stderr, without a stack trace), 0 for --help and --version.
 *
 * @example process.exitCode = await runCli(process.argv);
 */
export async function runCli(argv: string[]): Promise<number> {
  if (argv.length <= 2) {
    process.stderr.write(usageLine('', 'no command given'));
    return USAGE_EXIT;
  }
  const program = buildProgram();
  const [first, second] = argv.slice(2);
  if (first === 'help' && second !== undefined && !program.commands.some((c) => c.name() === second)) {
    // commander would print the whole usage for it
    process.stderr.write(usageLine('', `unknown command '${second}'`));
    return USAGE_EXIT;
  }
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : USAGE_EXIT;
    // a message may list several reasons, one per line (real mode's preconditions)
    process.stderr.write(`nettwin: ${(e instanceof Error ? e.message : String(e)).trimEnd()}\n`);
    return 2;
  }
}

const isMain = (() => {
  try {
    const argv1 = process.argv[1] ?? '';
    return /(?:^|[/\\])(?:main\.(?:ts|js|mjs|cjs)|nettwin)$/.test(argv1);
  } catch {
    return false;
  }
})();

if (isMain) {
  // a reader that went away (`nettwin diff x.sh | head`): stop quietly with the status a tool
  // killed by SIGPIPE has, as ip or ping would (the sandbox's exit handler still cleans up)
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(141);
    });
  }
  runCli(process.argv).then((code) => {
    process.exitCode = code;
  });
}
