# Persistent tun/tap devices: `ip tuntap add` makes them (no process holds them: no carrier),
# `ip link add … type tun` is refused by the kernel, a name in use is busy.
ip tuntap add dev tun9 mode tun
ip tuntap add dev tap9 mode tap
ip tuntap add mode tun
ip link add tunx type tun
ip link add tapx type tap
ip tuntap add dev tun9 mode tun
ip link set tun9 up
ip link set tap9 up
ip addr add 10.9.0.1/24 dev tun9
ip link show
ip route
ip -d link show tun9
ip tuntap del dev tun9 mode tap
ip tuntap del dev tun9 mode tun
ip tuntap del dev tap9 mode tap
ip link show
