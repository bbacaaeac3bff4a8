/**
 * A namespace that pings itself (127.0.0.0/8 or one of its own addresses) while its `lo` is
 * down: a namespace made by `ip netns add` starts with lo down, and while it is down local
 * traffic goes nowhere (no 127.0.0.1 route at first: "connect: Network is unreachable"; after
 * lo was up once, silence). Pings from other namespaces still reach its addresses, so only its
 * own pings depend on lo (test/cases/forwarding/lo-down.sh, on the kernel). One finding per
 * namespace, where the fix goes: the line that set lo down, else the one that made the namespace.
 */
import { basename } from 'node:path';
import { parseIp4 } from '../model/ip.js';
import { ipIn } from '../model/route-absence.js';
import type { Step } from '../exec/step.js';
import type { Finding, LintRule } from './rule.js';
import { abbrev, ipStep } from './step-ns.js';

export const loDown: LintRule = {
  id: 'lo-down',
  description: 'a namespace pings itself while its lo is down',
  check({ steps, model }) {
    const pings = new Map<string, Step[]>();
    for (const s of steps) {
      if (!s.ping || s.ping.received > 0) continue;
      const ns = model.netns(s.ping.from);
      const to = parseIp4(s.ping.to);
      if (!ns || to === null || ns.linkByName('lo')?.up !== false) continue;
      const own = to >>> 24 === 127 || ns.linkList().some((l) => l.addrs.some((a) => a.local === to));
      if (!own) continue;
      pings.set(ns.path, [...(pings.get(ns.path) ?? []), s]);
    }
    const out: Finding[] = [];
    for (const [path, ps] of pings) {
      const ns = model.netns(path)!;
      const setDown = [...steps].reverse().find((s) => {
        const ip = ipStep(s);
        return s.exit === 0 && ip?.ns === path && abbrev(ip.args[0], 'link') && abbrev(ip.args[1], 'set') && ip.args.includes('lo') && ip.args.includes('down');
      });
      const made = steps.find((s) => {
        const ip = ipStep(s);
        return s.exit === 0 && ip?.ns === s.host && /^(netns|netn|net)$/.test(ip.args[0] ?? '') && abbrev(ip.args[1], 'add') && `${s.host}/${ip.args[2]}` === path;
      });
      const at = setDown ?? made ?? ps[0]!;
      const why = setDown ? `lo was set down on line ${setDown.line}` : made ? `a namespace made by ip netns add starts with lo down (line ${made.line}) and nothing set it up` : 'its lo is down';
      out.push({
        rule: this.id,
        severity: 'error',
        file: at.file,
        line: at.line,
        host: ns.host.name,
        message: `${path} pings itself with lo down: ${why}, so its own addresses and 127.0.0.0/8 do not answer it; ${ps.map((p) => `the ping at ${basename(p.file)}:${p.line} (${p.ping!.to})`).join(', ')}`,
        fix: `${ipIn(ns)} link set lo up`,
      });
    }
    return out;
  },
};
