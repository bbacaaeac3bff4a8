# Renaming a link: many guides say it must be down first; this kernel renames it while up,
# after which the old name is gone. Renaming onto a taken name fails.
ip link add veth0 type veth peer name veth1
ip link set veth0 up
ip link set veth0 name eth0
ip link set dev veth0 down
ip link set dev veth0 name eth0
ip link set eth0 up
ip -br link
ip link set eth0 name veth1
