/**
 * A blocking connect() as a program makes it: the SYN goes out and the lab runs on the virtual
 * clock until the handshake ends — established, refused (a RST), an ICMP error, the kernel's
 * own give-up after its SYN retransmissions (ETIMEDOUT, 127 s) — or until the program's own
 * timeout (nc -w, curl -m / --connect-timeout) comes first.
 */
import type { Netns } from '../../model/netns.js';
import type { Simulator } from '../../../sim/simulator.js';
import { tcpClose, tcpConnect, type InetAddr, type TcpConn, type TcpEvents } from '../../../sim/tcp.js';

export type ConnectOutcome = { kind: 'connected'; conn: TcpConn; us: number } | { kind: 'error'; errno: string; us: number } | { kind: 'timeout'; us: number };

/** The longest a connect can block: the kernel gives up after 1+2+4+…+64 s. */
const KERNEL_GIVE_UP_US = 128_000_000;

/**
 * Connects from `ns` to `dst:port`, waiting at most `timeoutUs` (null: until the kernel answers).
 * `events` are the connection's once established (its data, its peer's close).
 */
export function blockingConnect(sim: Simulator, ns: Netns, dst: InetAddr, port: number, timeoutUs: number | null, events: TcpEvents = {}): ConnectOutcome {
  sim.sync();
  const t0 = sim.now;
  let result: ConnectOutcome | null = null;
  const r = tcpConnect(sim, ns, dst, port, {
    ...events,
    established: (s, c) => {
      result ??= { kind: 'connected', conn: c, us: s.now - t0 };
      events.established?.(s, c);
    },
    error: (s, c, errno) => {
      result ??= { kind: 'error', errno, us: s.now - t0 };
      events.error?.(s, c, errno);
    },
  });
  if (r.kind === 'error') return { kind: 'error', errno: r.errno, us: 0 };
  const until = t0 + (timeoutUs ?? KERNEL_GIVE_UP_US);
  // the program's timeout comes before a retransmission due at the same instant (the kernel's
  // timer fires a jiffy after it): the socket is closed first
  sim.runUntil(until - 1, () => result !== null);
  if (result) return result;
  tcpClose(sim, r.conn);
  sim.runUntil(until);
  return { kind: 'timeout', us: sim.now - t0 };
}

/** Lets the lab run until `done()` or `limitUs` passes (a program waiting for its peer). */
export function waitFor(sim: Simulator, limitUs: number, done: () => boolean): void {
  if (done()) return;
  sim.runUntil(sim.now + limitUs, done);
}
