/**
 * What goes wrong in a generated lab, applied to the phases the builder made: each fault
 * resolves its choices modulo what the lab has, and one that cannot apply does nothing.
 */
import { cidr, typoOf } from './arb-address.js';
import type { FaultSpec } from './arb-fault.js';
import { remove, type Iface, type Phases, type Spaces } from './build-context.js';
import type { LinkStateStep, SysctlStep } from './lab-description.js';

/** What goes wrong, applied to the built phases. */
export function applyFault(f: FaultSpec, sp: Spaces, ph: Phases, ifaces: Iface[], forwarding: Map<number, SysctlStep>): void {
  const iface = (n: number): Iface | null => (ifaces.length ? ifaces[Math.abs(n) % ifaces.length] : null);
  switch (f.kind) {
    case 'end-down': {
      const i = iface(f.end);
      if (!i) return;
      const down: LinkStateStep = { kind: 'link-state', in: i.upStep.in, dev: i.upStep.dev, up: false };
      if (f.how === 'never-up') remove(ph.up, i.upStep);
      else if (f.how === 'down-later') ph.late.push(down);
      else ph.late.push(down, { ...i.upStep });
      return;
    }
    case 'lo-down': {
      const ns = sp.at(f.at);
      const lo = ph.lo.find((s) => s.kind === 'link-state' && s.in === sp.where(ns));
      if (f.how === 'never-up' && lo) remove(ph.lo, lo);
      else ph.late.push({ kind: 'link-state', in: sp.where(ns), dev: 'lo', up: false });
      return;
    }
    case 'forwarding': {
      const ns = sp.at(f.at);
      const old = forwarding.get(ns);
      if (old) remove(ph.sysctl, old);
      const s: SysctlStep = { kind: 'sysctl', in: sp.where(ns), key: 'net.ipv4.ip_forward', value: f.on ? '1' : '0' };
      forwarding.set(ns, s);
      ph.sysctl.push(s);
      return;
    }
    case 'addr-before-move': {
      const i = iface(f.end);
      if (!i || !i.moveStep || !ph.addr.includes(i.addrStep)) return;
      const at = ph.create.indexOf(i.moveStep);
      if (at < 0) return;
      remove(ph.addr, i.addrStep);
      ph.create.splice(at, 0, { ...i.addrStep, in: null });
      return;
    }
    case 'moved-late': {
      const i = iface(f.end);
      if (!i) return;
      let to = sp.other(i.ns, f.to);
      if (to === sp.root) to = sp.other(i.ns, to + 1);
      if (to === sp.root || to === i.ns) return;
      ph.late.push({ kind: 'link-move', in: sp.where(i.ns), dev: i.dev, to: sp.names[to] });
      return;
    }
    case 'no-route': {
      const list = ph.computed.get(sp.at(f.at));
      if (!list?.length) return;
      const r = list[f.index % list.length];
      remove(list, r);
      remove(ph.routes.get(sp.at(f.at))!, r);
      return;
    }
    case 'typo': {
      const i = iface(f.end);
      if (i) i.addrStep.address = typoOf(i.addrStep.address);
      return;
    }
    case 'duplicate-address': {
      const i = iface(f.end);
      const from = iface(f.from);
      if (i && from && from !== i) i.addrStep.address = cidr(from.addr, i.len);
      return;
    }
    case 'routes-early':
      ph.early.add(sp.at(f.at));
      return;
  }
}
