/** A, B on one veth pair; A pings B twice and itself once. */
export const PAIR = `ip netns add A
ip netns add B
ip link add va type veth peer name vb
ip link set va netns A
ip link set vb netns B
ip -n A addr add 10.0.0.1/24 dev va
ip -n B addr add 10.0.0.2/24 dev vb
ip -n A link set va up
ip -n B link set vb up
ip -n A link set lo up
ip netns exec A ping -c 2 10.0.0.2
ip netns exec A ping -c 1 10.0.0.1
`;
