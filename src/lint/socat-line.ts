/** The socat command of a step, as the lint rules need it: where it runs and what it binds. */
import { parseSocatAddress, parseSocatArgv, type SocatUdp, type SocatTun } from '../programs/socat/address.js';
import type { Step } from '../exec/step.js';

export interface SocatLine {
  step: Step;
  /** `host` or `host/NS` (from `ip netns exec NS`) */
  where: string;
  udp: SocatUdp | null;
  tun: SocatTun | null;
}

/** The socat line of a step, or null when the step is not a modelled socat. */
export function socatLine(s: Step): SocatLine | null {
  if (!s.supported) return null;
  const words = s.command.replace(/\s*&$/, '').split(/\s+/);
  const i = words.indexOf('socat');
  if (i < 0) return null;
  const ns = /\bip\s+netns\s+exec\s+(\S+)/.exec(words.slice(0, i).join(' '))?.[1];
  const cl = parseSocatArgv(words.slice(i + 1));
  if (cl.kind !== 'ok') return null;
  let udp: SocatUdp | null = null;
  let tun: SocatTun | null = null;
  for (const a of cl.addresses) {
    const p = parseSocatAddress(a);
    if (p.kind !== 'ok') continue;
    if (p.address.kind === 'udp') udp = p.address;
    else if (p.address.kind === 'tun') tun = p.address;
  }
  return { step: s, where: ns ? `${s.host}/${ns}` : s.host, udp, tun };
}
