/**
 * `socat` (1.7.4) over the simulator, for UDP tunnels into tun devices as tutorials write them:
 * `socat UDP:PEER:PORT,bind=ME:PORT TUN:A/P,tun-name=X,iff-no-pi,tun-type=tun[,iff-up] &`.
 * The command line is checked first (addresses and options this model covers: see
 * socat-address.ts); the process itself is sim/socat.ts.
 *
 * In the background (`&`, the only way such a socat is useful) the command returns at once with
 * status 0, as bash does, once socat is set up (tun created, socket bound) or has failed —
 * nettwin waits for that in both modes, so the next command never races socat's setup. What the
 * job prints and how it ends is reported later, with the command after which it was seen to end
 * (see sim/processes.ts). In the foreground socat would run until killed: nettwin lets it run for
 * `FOREGROUND_LIMIT_MS`, reports its error if it failed by then, and otherwise ends it and says
 * the line is not modelled.
 */
import type { Simulator } from '../../../sim/simulator.js';
import { SocatProcess } from './process.js';
import { SocatTcpProcess } from './tcp-process.js';
import { unsupported, type CmdContext, type CommandResult } from '../../iproute2/types.js';
import { socatOptionProblem } from '../../exec/kernel-only-argv.js';
import { socatOptionType } from './table.js';
import { parseSocatAddress, parseSocatArgv } from './address.js';

/** How long a foreground socat may run before nettwin ends it (both modes). */
export const FOREGROUND_LIMIT_MS = 1000;

/** Where the command came from: the job report names it. */
export interface SocatJobInfo {
  host: string;
  line: number;
  command: string;
  background: boolean;
}

/**
 * Whether nettwin models this socat command line (both modes ask before running anything):
 * null when it does, else why not.
 *
 * @example
 * socatUnsupported(['UDP:192.168.0.26:9000,bind=192.168.0.16:9000,', 'TUN:1.1.0.100/16,tun-name=tundudp,iff-no-pi,tun-type=tun']); // null
 * socatUnsupported(['TCP-LISTEN:80', 'STDOUT']); // 'socat address TCP-LISTEN'
 */
export function socatUnsupported(argv: string[], background = false): string | null {
  // an option that could act beyond the network is refused before socat would judge it
  const unsafe = socatOptionProblem(argv, (name) => socatOptionType(name) !== undefined);
  if (unsafe !== null) return unsafe;
  const cl = parseSocatArgv(argv);
  if (cl.kind === 'unsupported') return cl.why;
  if (cl.kind === 'error') return null;
  const a = parseSocatAddress(cl.addresses[0]);
  if (a.kind === 'unsupported') return a.why;
  if (a.kind === 'error') return null;
  const b = parseSocatAddress(cl.addresses[1]);
  if (b.kind === 'unsupported') return b.why;
  // the pairs modelled: a UDP socket with a tun; a TCP socket with a stream
  const kinds = [a.address.kind, b.kind === 'ok' ? b.address.kind : null];
  const streams = kinds.filter((k) => k === 'null' || k === 'stdio').length;
  const tcp = kinds.filter((k) => k === 'tcp').length;
  if (b.kind === 'ok' && (streams !== tcp || (tcp === 0 && cl.direction !== 'both'))) return `socat between ${a.address.keyword} and ${b.address.keyword}`;
  if (b.kind === 'error' && (a.address.kind === 'udp' || a.address.kind === 'tun') && cl.direction !== 'both') return `socat option ${cl.direction === 'forward' ? '-u' : '-U'}`;
  if (background && kinds.includes('stdio')) return 'socat STDIO in the background';
  return null;
}

/** Whether the command line is a TCP socket with a stream (tcp-process.ts), not a UDP tunnel. */
function isTcpStream(argv: string[]): boolean {
  const cl = parseSocatArgv(argv);
  if (cl.kind !== 'ok') return false;
  const a = parseSocatAddress(cl.addresses[0]);
  return a.kind === 'ok' && (a.address.kind === 'tcp' || a.address.kind === 'null' || a.address.kind === 'stdio');
}

/**
 * Runs socat in the namespace of `ctx` on the simulator.
 *
 * @example
 * runSocat({ ns }, ['UDP:192.168.0.26:9000,bind=192.168.0.16:9000', 'TUN:10.0.0.1/24,tun-name=tun0'], sim, { host: 'node1', line: 3, command: 'socat … &', background: true });
 * // { exit: 0, stdout: '', stderr: '' } — the tun exists, the job runs
 */
export function runSocat(ctx: CmdContext & { stdin?: string }, argv: string[], sim: Simulator, job: SocatJobInfo): CommandResult {
  const why = socatUnsupported(argv, job.background);
  if (why !== null) return unsupported(why);
  if (isTcpStream(argv)) return runTcpSocat(ctx, argv, sim, job);
  const cl = parseSocatArgv(argv);
  const addresses: [string, string] = cl.kind === 'ok' ? cl.addresses : ['', ''];
  const p = new SocatProcess(sim, ctx.ns, job.host, job.line, job.command, addresses);
  if (cl.kind === 'error') {
    p.startWithError(sim, cl.message);
  } else {
    p.start(sim);
  }
  if (job.background) return { exit: 0, stdout: '', stderr: '' };
  if (p.alive) sim.sleep(FOREGROUND_LIMIT_MS / 1000);
  if (p.alive) {
    p.terminate(sim);
    p.reported = true;
    return unsupported('socat in the foreground runs until it is killed (nettwin ended it); start it in the background with &');
  }
  p.reported = true;
  return { exit: p.exit ?? 1, stdout: '', stderr: p.stderr };
}

/** A TCP socat: started, then (in the foreground) run on the virtual clock until it exits. */
function runTcpSocat(ctx: CmdContext & { stdin?: string }, argv: string[], sim: Simulator, job: SocatJobInfo): CommandResult {
  const cl = parseSocatArgv(argv);
  if (cl.kind !== 'ok') throw new Error('unreachable: a TCP socat has a command line');
  const p = new SocatTcpProcess(sim, ctx.ns, job.host, job.line, job.command, cl.addresses, cl.direction, job.background ? '' : (ctx.stdin ?? ''));
  p.start(sim);
  if (job.background) return { exit: 0, stdout: '', stderr: '' };
  if (p.alive) sim.runUntil(sim.now + FOREGROUND_LIMIT_MS * 1000, () => !p.alive);
  p.reported = true;
  if (p.alive) {
    p.terminate(sim);
    return unsupported('socat in the foreground runs until it is killed (nettwin ended it); start it in the background with &');
  }
  return { exit: p.exit ?? 1, stdout: p.stdout, stderr: p.stderr };
}
