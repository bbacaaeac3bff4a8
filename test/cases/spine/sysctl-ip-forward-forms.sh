# Every way a tutorial reads or switches ip_forward, in the root namespace and inside one.
sysctl net.ipv4.ip_forward
sudo sysctl -w net.ipv4.ip_forward=1
sysctl -n net.ipv4.ip_forward
echo 0 > /proc/sys/net/ipv4/ip_forward
cat /proc/sys/net/ipv4/ip_forward
echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward
sudo sysctl net.ipv4.ip_forward=1
sysctl net.ipv4.conf.all.forwarding
ip netns add router
ip netns exec router sysctl net.ipv4.ip_forward
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec router cat /proc/sys/net/ipv4/ip_forward
sysctl -w net.ipv4.ip_forward=0
ip netns exec router sysctl net.ipv4.ip_forward
# the pipe-to-tee form run inside the namespace
echo 0 | ip netns exec router tee /proc/sys/net/ipv4/ip_forward
ip netns exec router cat /proc/sys/net/ipv4/ip_forward
