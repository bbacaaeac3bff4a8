# Misspelled keys and values sysctl refuses.
sysctl -w net.ipv4.ip_forwarding=1
sysctl -w net.ipv4.ipforward=1
sysctl net.ipv4.conf.veth0.forwarding
sysctl -w net.ipv4.ip_forward=yes
sysctl -w net.ipv4.ip_forward
sysctl -w net.ipv4.ip_forward=1
sysctl net.ipv4.ip_forward
