/**
 * Which commands see the end of IPv6 duplicate address detection. DAD keeps a new address
 * tentative for a second or two after its device is ready: no `local` route, no use as a
 * source. A command that shows IPv6 state (`ip -6 …`, `ip route … table all`, `ip -6 route
 * get`) or sends over IPv6 (`ping -6`, `ping6`, a ping to an IPv6 address) is run by both
 * modes once DAD has ended — the kernel's driver waits for it in real time, the simulator
 * runs its clock to it — so that both answer from the same state. Other reads (`ip addr`)
 * do not wait; the `tentative` flag they may show is masked in comparisons.
 */

/** Whether `program ARGV` waits for DAD to end before it runs. */
export function waitsForDad(program: string, argv: readonly string[]): boolean {
  // ra6 sends from the device's link-local, which must have passed DAD
  if (program === 'ping6' || program === 'ra6') return true;
  if (program === 'ping') return argv.includes('-6') || argv.some((a) => !a.startsWith('-') && a.includes(':'));
  if (program !== 'ip') return false;
  let v6 = false;
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) {
    const o = argv[i]!.replace(/^--/, '-');
    if (o === '-6') v6 = true;
    if (/^-(n|netns|rc|b|batch)$/.test(o) || /^-f(a(m(i(ly?)?)?)?)?$/.test(o)) {
      if (/^-f/.test(o) && argv[i + 1] === 'inet6') v6 = true;
      i++;
    }
    i++;
  }
  const obj = argv[i];
  if (obj === undefined) return false;
  const verb = argv[i + 1];
  const reads = verb === undefined || ['show', 'list', 'lst', 'ls', 'sh', 'get'].some((v) => v.startsWith(verb));
  if (!reads) return false;
  if (v6) return ['address', 'route', 'neighbour', 'neighbor', 'rule'].some((o) => o.startsWith(obj));
  if (!'route'.startsWith(obj)) return false;
  const t = argv.indexOf('table');
  return t >= 0 && ['all', '0'].includes(argv[t + 1] ?? '');
}
