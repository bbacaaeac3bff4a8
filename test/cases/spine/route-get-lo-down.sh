# "No loopback" on the kernel: lo always exists (it can be neither deleted nor moved to
# another namespace), and a route through it is given whether it is up or not. In a new
# namespace (lo down, no address) `ip route get 0.0.0.0` is local through lo from 127.0.0.1,
# while 127.0.0.1 itself has no route yet; once lo has been up, its local routes stay.
ip netns add fresh
ip netns add other
ip -n fresh route get 0.0.0.0
ip -n fresh -j route get 0.0.0.0
ip -n fresh route get 127.0.0.1
ip -n fresh route get 0.0.0.0 from 10.1.1.1
ip -n fresh route get 0.0.0.0 oif lo
ip -n fresh link del lo
ip -n fresh link set lo netns other
ip -n fresh link show lo
ip -n fresh link set lo up
ip -n fresh link set lo down
ip -n fresh route get 127.0.0.1
ip -n fresh route get 127.1.2.3
ip -n fresh route get 0.0.0.0
ip -n fresh route get 10.9.9.9 oif lo
