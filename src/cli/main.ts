/**
 * The `nettwin` command line. Each subcommand lives in its own file; this one only wires them
 * to commander, and loads a subcommand's file only when it runs (so `run` does not pay for
 * fast-check, the YAML parser or the kernel adapters at every start).
 */
import { createRequire } from 'node:module';
import { Command } from 'commander';

/** The package's version, from its package.json (two folders up from src/cli and dist/cli). */
function packageVersion(): string {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('nettwin')
    .version(packageVersion(), '-V, --version', 'print the version')
    .description('A digital twin of Linux host networking: run iproute2 scripts in a simulator or, sandboxed, on the real kernel.')
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nExamples:\n  nettwin run examples/seed/node1.sh\n  nettwin lint examples/seed/lab.yaml\n  sudo nettwin diff examples/seed/node1.sh\n\nExit status: 0 success; 1 lint errors or diff disagreements; 2 a file that cannot be read or used, or real mode not possible here.',
    );

  program
    .command('run')
    .description('run an iproute2 script (one host) or a lab file (several hosts); every command gets the kernel\'s answer')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--json', 'one JSON document: {"mode", "steps": [...]}')
    .option('--real', 'run on the real kernel, inside a throwaway sandbox (needs root)')
    .option('--persist', 'with --real: run in the simulator, then materialize the resulting lab into prefixed namespaces of this machine that stay (remove them with `nettwin destroy`)')
    .option('--state <file>', 'with --persist: the state file recording what was created (default /run/nettwin/state.json)')
    .option('--pcap <dir>', 'simulator only: write one pcap file per device that carried traffic, DIR/<namespace>/<device>.pcap (read them with tcpdump -r or Wireshark)')
    .addHelpText('after', '\nExamples:\n  nettwin run examples/seed/node1.sh\n  nettwin run examples/seed/lab.yaml --json\n  nettwin run examples/seed/lab.yaml --pcap caps && tcpdump -n -r caps/node1/NS1/veth11.pcap\n  sudo nettwin run examples/seed/node1.sh --real\n\nExit status: 0 the file ran to the end (whatever its commands answered), 2 the file could not be read, real mode is not possible here, or --pcap with --real.')
    .action(async (file: string, opts: { json?: boolean; real?: boolean; persist?: boolean; state?: string; pcap?: string }) => {
      const { runCommand } = await import('./run.js');
      process.exitCode = await runCommand(file, opts);
    });

  program
    .command('diff')
    .description('run FILE in the simulator and on the kernel; print only where they disagree')
    .argument('<file>')
    .option('--json', 'the disagreements as JSON')
    .addHelpText('after', '\nExamples:\n  sudo nettwin diff examples/seed/node1.sh\n  sudo nettwin diff examples/seed/lab.yaml --json\n\nExit status: 0 simulator and kernel agree, 1 they disagree, 2 the file could not be read or real mode is not possible here (needs root on Linux).')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { diffCommand } = await import('./diff.js');
      process.exitCode = await diffCommand(file, opts);
    });

  program
    .command('lint')
    .description('find mistakes in a script or lab before anything runs: each with its line, what is wrong, and a fix')
    .argument('<file>')
    .option('--json', 'findings as JSON')
    .addHelpText('after', '\nExamples:\n  nettwin lint examples/seed/node1.sh\n  nettwin lint examples/seed/lab.yaml --json\n\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 the file could not be read.')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { lintCommand } = await import('./lint.js');
      process.exitCode = await lintCommand(file, opts);
    });

  program
    .command('graph')
    .description('draw the lab after FILE ran in the simulator: Mermaid (default) or Graphviz DOT')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--format <format>', 'mermaid or dot', 'mermaid')
    .option('--trace <endpoints...>', "highlight one ping's path: FROM (host/NS) TO (an IPv4 address)")
    .addHelpText('after', '\nExamples:\n  nettwin graph examples/seed/lab.yaml > lab.mmd\n  nettwin graph examples/seed/lab.yaml --format dot | dot -Tsvg > lab.svg\n  nettwin graph examples/seed/lab.yaml --trace node1/NS1 172.16.0.3\n\nExit status: 0 the diagram was printed, 2 the file cannot be read or used, or a bad --format or --trace.')
    .action(async (file: string, opts: { format?: string; trace?: string[] }) => {
      const { graphCommand } = await import('./graph.js');
      process.exitCode = await graphCommand(file, { format: opts.format, trace: opts.trace as [string, string] | undefined });
    });

  program
    .command('verify')
    .description("check what a lab file's `expect` section says must hold: one line per intent, and for each failure the hop and the rule that decided")
    .argument('<file>', 'a lab file (.yaml) with an `expect` section')
    .option('--real', 'check on the real kernel, inside a throwaway sandbox (needs root)')
    .option('--json', 'the verdicts as one JSON document')
    .option('--junit <path>', 'also write a JUnit XML report there (one test case per intent)')
    .addHelpText(
      'after',
      '\nIntents (under `expect:` in the lab file):\n  - reach: { from: node1/NS1, to: 172.16.1.2 }\n  - isolated: { from: node1/NS1, to: 10.0.0.1 }\n  - via: { from: node1/NS1, to: 172.16.1.2, through: [node1, node2] }\n  - all-reach: { among: [node1/NS1, node2/NS1] }\n  - no-loops: {}\n  - no-blackholes: { for: 172.16.0.0/16 }\n\nExamples:\n  nettwin verify examples/verify/lab.yaml\n  nettwin verify examples/verify/broken.yaml --junit verify.xml\n  sudo nettwin verify examples/verify/lab.yaml --real\n\nExit status: 0 every intent holds, 1 an intent fails, 2 the file cannot be read or used (bad intents, unknown namespaces, no intents) or real mode is not possible here.',
    )
    .action(async (file: string, opts: { real?: boolean; json?: boolean; junit?: string }) => {
      const { verifyCommand } = await import('./verify.js');
      process.exitCode = await verifyCommand(file, opts);
    });

  program
    .command('explain')
    .description('why a ping from one namespace to an address works or not, hop by hop and decision by decision, after FILE ran in the simulator')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--from <ns>', 'the namespace pinging: HOST/NS, NS when only one host has it, or HOST')
    .option('--to <addr>', 'the IPv4 address pinged')
    .option('--json', 'the explanation as JSON')
    .option('--step', 'one event at a time (frame on a link, route lookup, ARP, FDB…): Enter/Space next, b back, q quit; every event in turn when not on a terminal')
    .addHelpText('after', '\nExamples:\n  nettwin explain examples/seed/lab.yaml --from node1/NS1 --to 172.16.1.2\n  nettwin explain examples/seed/node1.sh --from NS1 --to 172.16.0.3 --json\n  nettwin explain examples/verify/lab.yaml --from node1/NS1 --to 172.16.1.2 --step\n\nExit status: 0 the ping gets a reply, 1 it does not, 2 the file cannot be read or used, or bad --from/--to.')
    .action(async (file: string, opts: { from?: string; to?: string; json?: boolean; step?: boolean }) => {
      const { explainCommand } = await import('./explain.js');
      process.exitCode = await explainCommand(file, opts);
    });

  program
    .command('reach')
    .description('all-pairs reachability after FILE ran in the simulator: ping -c 1 from every namespace to every configured address (not 127/8), from a fresh state')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--json', 'one JSON document: {"sources", "destinations", "pairs", "reachable", "unreachable": [{"from", "to"}]}')
    .addHelpText('after', '\nExamples:\n  nettwin reach examples/seed/lab.yaml\n  nettwin reach examples/seed/lab.yaml --json\n\nSmall labs print a matrix; large ones a summary and the unreachable pairs.\nExit status: 0 printed (whatever the answers), 2 the file cannot be read or used.')
    .action(async (file: string, opts: { json?: boolean }) => {
      const { reachCommand } = await import('./reach.js');
      process.exitCode = await reachCommand(file, opts);
    });

  program
    .command('destroy')
    .description('remove the namespaces a `run --real --persist` created (exactly those its state file records)')
    .option('--state <file>', 'the state file (default /run/nettwin/state.json, or $XDG_RUNTIME_DIR/nettwin/state.json)')
    .option('--run <id>', 'only this run (its id or prefix, e.g. nt1-ab12-)')
    .option('--json', 'the report as JSON')
    .addHelpText('after', '\nExamples:\n  sudo nettwin run examples/seed/lab.yaml --real --persist\n  sudo nettwin destroy\n\nExit status: 0 removed, or nothing was recorded; 1 a namespace could not be removed; 2 real mode is not possible here.')
    .action(async (opts: { state?: string; run?: string; json?: boolean }) => {
      const { destroyCommand } = await import('./destroy.js');
      process.exitCode = await destroyCommand(opts);
    });

  program
    .command('gen')
    .description('write random labs drawn from the fast-check arbitraries, as iproute2 scripts (DIR/001.sh …)')
    .requiredOption('--seed <n>', 'the seed: the same seed gives the same files')
    .requiredOption('--count <n>', 'how many scripts')
    .requiredOption('--out <dir>', 'the folder to write them to')
    .addHelpText('after', '\nExamples:\n  nettwin gen --seed 42 --count 20 --out labs/\n  for f in labs/*.sh; do nettwin diff "$f"; done\n\nExit status: 0 written, 2 a bad seed, count or folder.')
    .action(async (opts: { seed: string; count: string; out: string }) => {
      const { genCommand } = await import('./gen.js');
      process.exitCode = await genCommand({ seed: Number(opts.seed), count: Number(opts.count), out: opts.out });
    });

  return program;
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
  buildProgram()
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      process.stderr.write(`nettwin: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    });
}
