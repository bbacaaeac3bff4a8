/**
 * netdev features: each kind's defaults (recorded from kernel 6.18) and what ethnl_set_features
 * and __netdev_update_features make of a request — the wanted bits, a tun's refusals, and
 * netdev_fix_features' dependencies — as measured with `ethtool -K` on that kernel.
 */
import { describe, expect, it } from 'vitest';
import { LabModel } from '../../../src/model/lab-model.js';
import { apply } from '../../../src/ops/apply.js';
import { FEATURE_NAMES, KIND_FEATURES, featureKind, featuresUntouched, netdevFeatures, setFeatures } from '../../../src/model/netdev-features.js';
import * as ops from '../../../src/ops/build.js';
import type { Link } from '../../../src/model/link.js';

function tap(): Link {
  const h = new LabModel().addHost('h');
  apply({ ns: h.root }, { op: 'tuntap.add', name: 'tap0', mode: 'tap', pi: false });
  return h.root.linkByName('tap0')!;
}

function veth(): Link {
  const h = new LabModel().addHost('h');
  apply({ ns: h.root }, ops.veth('eth0', 'eth0-peer'));
  return h.root.linkByName('eth0')!;
}

describe('the kinds', () => {
  it('knows every feature name of its tables, and the kinds it models (a lab NIC is a veth)', () => {
    const names = new Set<string>(FEATURE_NAMES);
    for (const t of Object.values(KIND_FEATURES)) for (const n of [...t.hw, ...t.on, ...t.wanted]) expect(names.has(n), n).toBe(true);
    expect(featureKind('ether')).toBe('veth');
    expect(featureKind('dummy')).toBeNull();
  });
});

describe('setFeatures', () => {
  it('takes TSO and UDP segmentation off with the checksums (tx off), TSO still wanted', () => {
    const l = veth();
    const c = setFeatures(l, new Map(FEATURE_NAMES.filter((n) => n.startsWith('tx-checksum-')).map((n) => [n, false])));
    for (const n of ['tx-tcp-segmentation', 'tx-tcp-ecn-segmentation', 'tx-tcp-mangleid-segmentation', 'tx-tcp6-segmentation', 'tx-udp-segmentation']) {
      expect(c.oldActive.has(n), n).toBe(true);
      expect(c.newActive.has(n), n).toBe(false);
      expect(netdevFeatures(l)!.wanted.has(n), n).toBe(true);
    }
    // accecn is not among the TSO features netdev_fix_features drops (measured: it stays on)
    expect(c.newActive.has('tx-tcp-accecn-segmentation')).toBe(true);
    // a fixed feature asked for stays as it was
    const lro = setFeatures(l, new Map([['rx-lro', true]]));
    expect(lro.newActive.has('rx-lro')).toBe(false);
  });

  it("refuses a tun's user offloads and takes GSO off without SG on a tap, keeping them wanted", () => {
    const l = tap();
    expect(featuresUntouched(l)).toBe(true);
    expect(netdevFeatures(l)!.active.has('tx-tcp-segmentation')).toBe(false);
    expect(netdevFeatures(l)!.wanted.has('tx-tcp-segmentation')).toBe(true);
    const c = setFeatures(l, new Map([['tx-scatter-gather', false]]));
    expect(featuresUntouched(l)).toBe(false);
    expect(c.oldActive.has('tx-generic-segmentation')).toBe(true);
    // software GSO needs SG
    expect(c.newActive.has('tx-generic-segmentation')).toBe(false);
    expect(netdevFeatures(l)!.wanted.has('tx-generic-segmentation')).toBe(true);
    setFeatures(l, new Map([['tx-scatter-gather', true]]));
    expect(netdevFeatures(l)!.active.has('tx-generic-segmentation')).toBe(true);
  });
});
