/**
 * Usage errors through the built CLI: an unknown option or command, a missing argument or
 * option, a bad value, flags that do not go together. Every one exits 2 (never 1, which means
 * "found problems" for lint, diff and verify) with one line on stderr that names the problem
 * and the help to read, never the whole usage text, and nothing on stdout.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ensureBuilt, expectRefused } from './built-cli.js';

beforeAll(() => ensureBuilt(), 180_000);

const SCRIPT = 'examples/seed/node1.sh';
const LAB = 'examples/seed/lab.yaml';
const hint = (cmd: string) => new RegExp(`^nettwin${cmd ? ` ${cmd}` : ''}: .+ \\(see nettwin${cmd ? ` ${cmd}` : ''} --help\\)\\n$`);

describe('commander usage errors: exit 2, one line, a hint', () => {
  it.each<[string[], string, RegExp]>([
    [['frob'], '', /unknown command 'frob'/],
    [['rn', SCRIPT], '', /unknown command 'rn'/],
    [['help', 'frob'], '', /unknown command 'frob'/],
    [['--frob'], '', /unknown option '--frob'/],
    [[], '', /no command given/],
    [['run'], 'run', /missing required argument 'file'/],
    [['run', SCRIPT, '--foo'], 'run', /unknown option '--foo'/],
    [['run', SCRIPT, '--jsno'], 'run', /unknown option '--jsno' \(did you mean --json\?\)/],
    [['run', SCRIPT, 'extra'], 'run', /too many arguments/],
    [['run', SCRIPT, '--pcap'], 'run', /option '--pcap <dir>' argument missing/],
    [['run', SCRIPT, '--state'], 'run', /option '--state <file>' argument missing/],
    [['diff'], 'diff', /missing required argument 'file'/],
    [['diff', SCRIPT, '--real'], 'diff', /unknown option '--real'/],
    [['lint'], 'lint', /missing required argument 'file'/],
    [['lint', SCRIPT, '--fix'], 'lint', /unknown option '--fix'/],
    [['graph', LAB, '--format', 'svg'], 'graph', /argument 'svg' is invalid\. Allowed choices are mermaid, dot/],
    [['graph', LAB, '--format'], 'graph', /argument missing/],
    [['verify'], 'verify', /missing required argument 'file'/],
    [['verify', LAB, '--junit'], 'verify', /argument missing/],
    [['explain', LAB, '--from'], 'explain', /argument missing/],
    [['explain', LAB, '--bogus'], 'explain', /unknown option '--bogus'/],
    [['reach', LAB, '--matrix'], 'reach', /unknown option '--matrix'/],
    [['destroy', 'x', 'y'], 'destroy', /too many arguments/],
    [['destroy', 'X'], 'destroy', /"X" is not a lab name/],
    [['exec', 'seed'], 'exec', /missing required argument 'namespace'/],
    [['exec', 'seed', 'node1'], 'exec', /missing required argument 'command'/],
    [['destroy', '--state'], 'destroy', /argument missing/],
    [['gen'], 'gen', /required option '--seed <n>' not specified/],
    [['gen', '--seed', '1', '--count', '2'], 'gen', /required option '--out <path>' not specified/],
    [['gen', '--seed', '1', '--out', 'x'], 'gen', /required option '--count <n>' not specified/],
    [['gen', '--seed', '-1', '--count', '2', '--out', 'x'], 'gen', /argument '-1' is invalid\. It must be an integer from 0 to 2147483647/],
    [['gen', '--seed', '1.5', '--count', '2', '--out', 'x'], 'gen', /argument '1\.5' is invalid/],
    [['gen', '--seed', '1e3', '--count', '2', '--out', 'x'], 'gen', /argument '1e3' is invalid/],
    [['gen', '--seed', '0x10', '--count', '2', '--out', 'x'], 'gen', /argument '0x10' is invalid/],
    [['gen', '--seed', '4294967296', '--count', '2', '--out', 'x'], 'gen', /argument '4294967296' is invalid/],
    [['gen', '--seed', 'NaN', '--count', '2', '--out', 'x'], 'gen', /argument 'NaN' is invalid/],
    [['gen', '--seed', '1', '--count', '0', '--out', 'x'], 'gen', /argument '0' is invalid\. It must be an integer from 1 to 100000/],
    [['gen', '--seed', '1', '--count', '100001', '--out', 'x'], 'gen', /argument '100001' is invalid/],
  ])('nettwin %j', (args, cmd, why) => {
    const r = cli(args);
    expectRefused(r, hint(cmd), args.join(' '));
    expect(r.stderr).toMatch(why);
  });
});

describe('flags that do not go together, and bad values nettwin checks', () => {
  it.each<[string[], string, RegExp]>([
    [['run', SCRIPT, '--state', '/tmp/x.json'], 'run', /--state goes with --persist/],
    [['run', SCRIPT, '--pcap', 'caps', '--persist'], 'run', /--pcap and --persist do not go together/],
    [['run', SCRIPT, '--pcap', 'caps', '--real', '--persist'], 'run', /--pcap and --persist do not go together/],
    [['run', SCRIPT, '--epoch', '0'], 'run', /--epoch goes with --pcap/],
    [['run', SCRIPT, '--pcap', 'caps', '--epoch', 'soon'], 'run', /--epoch "soon": give seconds since 1970/],
    [['run', SCRIPT, '--allow-outside'], 'run', /--allow-outside is for lab files/],
    [['explain', LAB, '--from', 'node1/NS1', '--to', '172.16.1.2', '--step', '--json'], 'explain', /--step and --json do not go together/],
    [['explain', LAB, '--from', 'node1/NS1'], 'explain', /give --from NS .* and --to ADDR/],
    [['explain', LAB, '--from', 'node1/NS1', '--to', '1.2.3.x'], 'explain', /--to: "1\.2\.3\.x" is not an IPv4 or IPv6 address/],
    [['explain', LAB, '--from', 'nowhere', '--to', '1.2.3.4'], 'explain', /--from: unknown namespace "nowhere"/],
    [['graph', LAB, '--trace', 'node1/NS1'], 'graph', /--trace takes two values/],
    [['graph', LAB, '--trace', 'nowhere', '1.2.3.4'], 'graph', /--trace: unknown namespace "nowhere"/],
    [['verify', SCRIPT], 'verify', /intents live in a lab file/],
    [['destroy', 'nt1-'], 'destroy', /"nt1-" is not a lab name/],
    [['destroy', 'a/b'], 'destroy', /"a\/b" is not a lab name/],
    [['run', SCRIPT, '--name', 'seed'], 'run', /--name goes with --persist/],
  ])('nettwin %j', (args, cmd, why) => {
    const r = cli(args);
    expectRefused(r, hint(cmd), args.join(' '));
    expect(r.stderr).toMatch(why);
  });

  it('--help and --version still exit 0 on stdout', () => {
    for (const args of [['--help'], ['run', '--help'], ['gen', '--help'], ['--version'], ['help', 'run']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stderr).toBe('');
    }
  });

  it('every help text lists exit status 2 for a usage error', () => {
    for (const cmd of ['run', 'diff', 'lint', 'graph', 'verify', 'explain', 'reach', 'destroy', 'ls', 'exec', 'gen']) {
      expect(cli([cmd, '--help']).stdout, cmd).toMatch(/2 a usage error \(unknown option, missing or bad value, flags that do not go together\)/);
    }
  });
});
