/**
 * procps `sysctl`'s output line for one key: `net.ipv4.ip_forward = 1`. A key written with
 * slashes (`net/ipv4/ip_forward`) is a path and prints with dots; a key written with dots
 * prints as written (procps swaps `.` and `/` in that case, so a dotted device name such as
 * `eth0.100` is written and shown `net.ipv4.conf.eth0/100.rp_filter`).
 */

/** The key as sysctl shows it. */
export function sysctlDisplayKey(key: string): string {
  const firstSep = key.search(/[./]/);
  if (firstSep >= 0 && key[firstSep] === '/') return key.replace(/[./]/g, (c) => (c === '/' ? '.' : '/'));
  return key;
}

/** The /proc/sys path sysctl opens for a key. */
export function sysctlPath(key: string): string {
  const firstSep = key.search(/[./]/);
  const path = firstSep >= 0 && key[firstSep] === '.' ? key.replace(/[./]/g, (c) => (c === '.' ? '/' : '.')) : key;
  return `/proc/sys/${path}`;
}

/**
 * One line of `sysctl KEY` or `sysctl -w KEY=VALUE`, newline included.
 *
 * @example
 * renderSysctl('net/ipv4/ip_forward', '1') // 'net.ipv4.ip_forward = 1\n'
 */
export function renderSysctl(key: string, value: string): string {
  return `${sysctlDisplayKey(key)} = ${value}\n`;
}
