/**
 * How socat prints: its log lines (`2022/11/19 19:39:00 socat[PID] E msg`, xio's msg()) and
 * the socket addresses in them (sockaddr_info), for every kind of socat process.
 */
import { ip4ToString } from '../../model/ip.js';
import type { Simulator } from '../../../sim/simulator.js';
import { isV6, type InetAddr } from '../../../sim/tcp-out.js';

/** The wall clock socat's log lines show at virtual time 0: the seed's publication, 2022/11/19 19:39:00 UTC. */
const EPOCH_MS = Date.UTC(2022, 10, 19, 19, 39, 0);
/** socat's first free descriptor when it opens its first address (0-2 stdio, 3-4 its own) */
export const FIRST_FD = 5;
/** what the kernel's pointers look like in socat's messages (masked when compared) */
export const FAKE_BUFFER = '0x55d0c0de2000';

/**
 * sockaddr_info as socat prints one: `AF=2 ADDR:PORT` (16 bytes) or `AF=10 [FULL:IPV6]:PORT` (28), each group of four digits.
 *
 * @example
 * sockaddr(0x7f000001, 80); // { text: 'AF=2 127.0.0.1:80', len: 16 }
 */
export function sockaddr(a: InetAddr, port: number): { text: string; len: number } {
  if (!isV6(a)) return { text: `AF=2 ${ip4ToString(a)}:${port}`, len: 16 };
  const groups = a.toString(16).padStart(32, '0').match(/.{4}/g)!;
  return { text: `AF=10 [${groups.join(':')}]:${port}`, len: 28 };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * `2022/11/19 19:39:00 socat[PID] E msg`, socat's log line (msglevel E), the clock being the simulator's.
 *
 * @example
 * logLine(sim, 1001, 'connect(6, AF=2 127.0.0.1:80, 16): Connection refused');
 */
export function logLine(sim: Simulator, pid: number, msg: string): string {
  const d = new Date(EPOCH_MS + Math.floor(sim.now / 1000));
  const ts = `${d.getUTCFullYear()}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${ts} socat[${pid}] E ${msg}\n`;
}
