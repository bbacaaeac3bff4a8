# Running a setup twice (the namespace is already there) and a teardown twice (it is gone).
sudo ip netns add ns1
sudo ip netns add ns1
ip netns list
sudo ip netns del ns1
sudo ip netns del ns1
sudo ip netns delete nsX
ip netns list
