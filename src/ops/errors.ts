/**
 * A refused operation, with what iproute2 prints and the exit status it has on Linux
 * (1 for a refusal found by iproute2 itself, 2 for one the kernel returned, 255 for usage).
 *
 * @example
 * try {
 *   apply({ ns: new LabModel().addHost('h').root }, ops.addr('eth9', '10.0.0.1/24'));
 * } catch (e) {
 *   if (e instanceof OpError) [e.stderr, e.exit]; // ['Cannot find device "eth9"\n', 1]
 * }
 */
export class OpError extends Error {
  constructor(
    /** the whole stderr text, newline-terminated */
    readonly stderr: string,
    readonly exit: number,
    /** a short machine-readable reason */
    readonly reason: string = 'error',
  ) {
    super(stderr.trimEnd());
  }
}

/**
 * A request the model cannot carry out faithfully (an IPv6 route through lo …): the command is
 * reported as not modelled rather than answered.
 *
 * @example
 * throw new OpUnsupported('an IPv6 route through lo');
 */
export class OpUnsupported extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

/** The kernel refused (extack message): `Error: <msg>.`, exit 2. */
export function kernelError(msg: string, reason = 'kernel'): OpError {
  // iproute2 adds the final period when the kernel's extack message lacks one
  return new OpError(`Error: ${msg}${msg.endsWith('.') ? '' : '.'}\n`, 2, reason);
}

/** The kernel refused without an extack message: `RTNETLINK answers: <strerror>`, exit 2. */
export function rtnetlinkError(strerror: string, reason = 'rtnetlink'): OpError {
  return new OpError(`RTNETLINK answers: ${strerror}\n`, 2, reason);
}

export function noDevice(name: string): OpError {
  return new OpError(`Cannot find device "${name}"\n`, 1, 'no-device');
}

export const ERRNO = {
  EEXIST: 'File exists',
  ENOENT: 'No such file or directory',
  ESRCH: 'No such process',
  ENODEV: 'No such device',
  EINVAL: 'Invalid argument',
  ENETUNREACH: 'Network is unreachable',
  EOPNOTSUPP: 'Operation not supported',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  EBUSY: 'Device or resource busy',
  EPERM: 'Operation not permitted',
  ERANGE: 'Numerical result out of range',
  ENETDOWN: 'Network is down',
  ENOBUFS: 'No buffer space available',
} as const;
