/** `--from` as the CLI accepts it: `host/NS`, `NS` when one host has it, or `host`. */
import type { LabModel } from '../model/lab-model.js';
import type { Netns } from '../model/netns.js';

export type NsLookup = { kind: 'ok'; ns: Netns } | { kind: 'error'; message: string };

export function resolveNs(model: LabModel, name: string): NsLookup {
  const exact = model.netns(name);
  if (exact) return { kind: 'ok', ns: exact };
  if (!name.includes('/')) {
    const found = model.namespaces().filter((ns) => ns.name === name);
    if (found.length === 1) return { kind: 'ok', ns: found[0]! };
    if (found.length > 1) return { kind: 'error', message: `namespace "${name}" is on several hosts (${found.map((ns) => ns.path).join(', ')}): say which, as HOST/${name}` };
  }
  const known = model.namespaces().map((ns) => ns.path);
  return { kind: 'error', message: `no namespace "${name}" (known: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''})` };
}
