import type { LabModel } from './lab-model.js';
import { Netns } from './netns.js';

/**
 * A machine: its root namespace and the namespaces `ip netns add` made on it.
 *
 * @example
 * const host = new LabModel().addHost('node1');
 * host.allNamespaces().map((ns) => ns.path); // ['node1']
 */
export class Host {
  readonly root: Netns;
  /** named namespaces in creation order */
  readonly namespaces = new Map<string, Netns>();

  constructor(
    readonly lab: LabModel,
    readonly name: string,
  ) {
    this.root = new Netns(this, null, lab.profile);
  }

  /** Every namespace of the host, root first. */
  allNamespaces(): Netns[] {
    return [this.root, ...this.namespaces.values()];
  }
}
