# A background listener started right after lines nettwin does not model: apt-get (skipped in
# both modes with 127) and ethtool (answered by the kernel in real mode, 127 in the simulator).
# `cmd &` has status 0 whatever came before (bash sets $? when it starts the job); the line
# after a skipped one was reported with the skipped line's 127.
ip netns add a
ip -n a link set lo up
apt-get update
ip netns exec a nc -l -p 8080 > /dev/null &
echo $?
ip netns exec a ethtool -i lo
ip netns exec a nc -l -p 8081 > /dev/null &
echo $?
sleep 0.5
ip netns exec a nc -z -v -w 1 127.0.0.1 8080
ip netns exec a nc -z -v -w 1 127.0.0.1 8081
