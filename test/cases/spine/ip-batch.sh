# `ip -batch -` fed by here-documents, as setup scripts use it: comments, blank lines, a line
# continued with `\`, quoted words; the options before -batch (-n, -o, -4) apply to every
# command; a failing command prints "Command failed -:N" and stops the batch (exit 1) unless
# -force, which goes on; a usage error inside ends ip with 255; -b is -batch.
ip netns add a
ip -n a -batch - <<EOF
# the bridge and its address
link add br0 type bridge

link set br0 up
addr add 10.9.0.1/24 \
  dev br0
link add v0 type veth peer name v1
link set v0 master br0
link set v0 alias "port to v1"
EOF
ip -n a -o -4 -batch - <<EOF
addr show dev br0
link show v0
EOF
ip -n a -batch - <<EOF
link add br0 type bridge
link set v1 up
EOF
ip -n a link show v1
ip -n a -force -batch - <<EOF
link set nope up
link set v1 up
route add 10.8.0.0/16 via 10.9.0.254
route add 10.8.0.0/16 via 10.9.0.254
EOF
ip -n a route show
ip -n a -b - <<EOF
addr add 10.9.0.1/33 dev br0
link set v0 down
EOF
ip -n a link show v0
printf 'link show lo\nlink show br0\n' | ip -n a -batch -
ip -n a -batch - <<EOF
fish add x
link set v0 down
EOF
ip -n a -batch - < /dev/null
ip link add v2 type veth peer name v3
ip -force -batch - <<EOF
link add v2 type veth peer name v3
link del nope
netns add x
netns add x
netns del y
link set v2 mtu 10
rule del table 77
route get 10.250.0.1
link show nope
addr show dev nope
addr del 10.9.9.9/24 dev v2
neigh del 10.9.0.77 dev v2
link set v3 up
EOF
ip -force -batch - <<EOF
link set v2 mtux 10
link set v3 up
EOF
ip -force -batch - <<EOF
route add 300.1.1.0/24 dev v2
link set v3 up
EOF
ip -force -batch - <<EOF
link add v9 type nosuchkind
link set v3 up
link show v3
EOF
ip -batch - <<EOF
link set v3 down
link show 'v3'
EOF
ip netns del x
