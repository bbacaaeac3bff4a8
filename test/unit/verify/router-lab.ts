/** A small routed lab for the verify tests: A and B on either side of router R; C forgot its default route. */
import { Lab } from '../../../src/lab.js';

export const ROUTER_LAB = `ip netns add A
ip netns add R
ip netns add B
ip netns add C
ip link add a0 type veth peer name r0
ip link add b0 type veth peer name r1
ip link add c0 type veth peer name r2
ip link add br0 type bridge
ip link set a0 netns A
ip link set r0 netns R
ip link set r1 netns R
ip link set b0 netns B
ip link set c0 netns C
ip link set r2 netns R
ip -n A addr add 10.0.1.2/24 dev a0
ip -n R addr add 10.0.1.1/24 dev r0
ip -n R addr add 10.0.2.1/24 dev r1
ip -n B addr add 10.0.2.2/24 dev b0
ip -n R addr add 10.0.3.1/24 dev r2
ip -n C addr add 10.0.3.2/24 dev c0
ip -n A link set a0 up
ip -n R link set r0 up
ip -n R link set r1 up
ip -n R link set r2 up
ip -n B link set b0 up
ip -n C link set c0 up
ip -n A route add default via 10.0.1.1
ip -n B route add default via 10.0.2.1
ip netns exec R sysctl -w net.ipv4.ip_forward=1
`;

export function routerLab(): Lab {
  const lab = new Lab();
  lab.host('h').sh(ROUTER_LAB);
  return lab;
}
