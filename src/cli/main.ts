/**
 * The `nettwin` command line. Each subcommand lives in its own file; this one only wires them
 * to commander.
 */
import { Command } from 'commander';
import { runCommand } from './run.js';
import { diffCommand } from './diff.js';
import { lintCommand } from './lint.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('nettwin')
    .description('A digital twin of Linux host networking: run iproute2 scripts in a simulator or, sandboxed, on the real kernel.')
    .showHelpAfterError();

  program
    .command('run')
    .description('run an iproute2 script (one host) or a lab file (several hosts); every command gets the kernel\'s answer')
    .argument('<file>', 'a shell script or a lab file (.yaml)')
    .option('--json', 'one JSON document: {"mode", "steps": [...]}')
    .option('--real', 'run on the real kernel, inside a throwaway sandbox (needs root)')
    .addHelpText('after', '\nExamples:\n  nettwin run examples/seed/node1.sh\n  nettwin run examples/seed/lab.yaml --json\n  sudo nettwin run examples/seed/node1.sh --real')
    .action(async (file: string, opts: { json?: boolean; real?: boolean }) => {
      process.exitCode = await runCommand(file, opts);
    });

  program
    .command('diff')
    .description('run FILE in the simulator and on the kernel; print only where they disagree')
    .argument('<file>')
    .option('--json', 'the disagreements as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      process.exitCode = await diffCommand(file, opts);
    });

  program
    .command('lint')
    .description('find mistakes in a script or lab before anything runs: each with its line, what is wrong, and a fix')
    .argument('<file>')
    .option('--json', 'findings as JSON')
    .addHelpText('after', '\nExit status: 0 no errors (warnings allowed), 1 errors found, 2 the file could not be read.')
    .action(async (file: string, opts: { json?: boolean }) => {
      process.exitCode = await lintCommand(file, opts);
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
