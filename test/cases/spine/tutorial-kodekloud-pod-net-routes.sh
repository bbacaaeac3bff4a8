# Adapted from https://velog.io/@zuckerfrei/Pod-Networking (notes on the KodeKloud CKA "Pod
# Networking" lesson), node1's part. On a lone machine there is no 192.168.1.0/24 network,
# so the routes to the other nodes' pod subnets have no on-link gateway.
# 노드 간에 서로 통신하기 위해 각 노드에 브릿지 네트워크를 생성한다.
ip link add v-net-0 type bridge
ip link set dev v-net-0 up
# 노드1
ip addr add 10.244.1.1/24 dev v-net-0
# 노드1에서 노드2,3 통신
ip route add 10.244.2.2 via 192.168.1.12
ip route add 10.244.3.2 via 192.168.1.13
ip route
# the same routes once the node has its LAN address
ip link add eth0 type veth peer name eth0-peer
ip addr add 192.168.1.11/24 dev eth0
ip link set eth0 up
ip link set eth0-peer up
ip route add 10.244.2.2 via 192.168.1.12
ip route add 10.244.3.2 via 192.168.1.13
ip route
