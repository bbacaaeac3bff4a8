/** VXLAN devices (drivers/net/vxlan): the id, UDP port, endpoints and MTU the kernel derives. */
import { createLink, setMaster, linkUp } from '../model/device.js';
import type { Netns } from '../model/netns.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import { findDev, type OpContext } from './context.js';
import type { LinkAddOp } from './op.js';

/** IANA's 4789 is not the Linux default: without `dstport` the kernel uses 8472. */
export const VXLAN_DEFAULT_PORT = 8472;
const VXLAN_HEADROOM = 50;
const VXLAN6_HEADROOM = 70;

export function applyVxlanAdd(ctx: OpContext, ns: Netns, op: LinkAddOp): void {
  const v = op.vxlan!;
  const name = op.name ?? 'vxlan0';
  if (ns.linkByName(name)) throw rtnetlinkError(ERRNO.EEXIST);
  const lower = v.dev !== null ? findDev({ ns }, v.dev) : null;
  // vxlan_validate: IFLA_VXLAN_ID is a required attribute (NL_SET_ERR_ATTR_MISS)
  if (v.id === null) throw kernelError('Required attributes not provided to perform the operation');
  if (v.id > 0xffffff) throw kernelError('VXLAN ID must be lower than 16777216');
  const port = v.dstport ?? VXLAN_DEFAULT_PORT;
  // Two VXLAN devices on the same port and VNI collide in the kernel's socket table.
  for (const l of ns.linkList()) {
    if (l.vxlan && l.vxlan.id === v.id && l.vxlan.dstport === port && (l.vxlan.dev ?? null) === (v.dev ?? null)) {
      throw kernelError('A VXLAN device with the specified VNI already exists');
    }
  }
  const l = createLink(ns, name, 'vxlan');
  l.vxlan = {
    id: v.id,
    dstport: port,
    local: v.local,
    remote: v.remote,
    group: v.group,
    dev: v.dev,
    learning: v.learning ?? true,
    ttl: v.ttl ?? 0,
    ...(v.udpCsum === false ? { udpCsum: false } : {}),
    ...(v.zeroCsum6Tx ? { zeroCsum6Tx: true } : {}),
    ...(v.zeroCsum6Rx ? { zeroCsum6Rx: true } : {}),
    ...(v.proxy ? { proxy: true } : {}),
    ...(v.l2miss ? { l2miss: true } : {}),
    ...(v.l3miss ? { l3miss: true } : {}),
    srcportMin: 0,
    srcportMax: 0,
    net: ns,
  };
  // vxlan_dev_create: a configured remote (or group) becomes the all-zeros FDB entry, the
  // default destination that `bridge fdb` shows, appends to and can delete
  // (with the lower device as its remote_ifindex: `via DEV`)
  if (v.remote !== null || v.group !== null) l.fdb.push({ mac: '00:00:00:00:00:00', dst: v.remote ?? v.group, permanent: true, seq: ns.host.lab.version, ...(lower ? { via: lower } : {}) });
  // vxlan_config_apply: the headroom of the underlay's family (IPv6's header is 20 bytes longer)
  const v6 = [v.local, v.remote, v.group].some((a) => typeof a === 'bigint');
  l.mtu = op.mtu ?? (lower ? lower.mtu - (v6 ? VXLAN6_HEADROOM : VXLAN_HEADROOM) : 1500);
  if (op.address !== null) l.mac = op.address;
  const master = op.master !== null ? (ctx.ns.linkByName(op.master) ?? null) : null;
  if (master) setMaster(l, master);
  if (op.up) linkUp(l);
}
