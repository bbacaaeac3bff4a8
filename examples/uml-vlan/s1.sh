# VLANs 10, 20 and 30 on the trunk
for id in 10 20 30; do
  ip link add link eth0 name eth0.$id type vlan id $id
  ip addr add 10.0.$id.1/24 dev eth0.$id
  ip link set eth0.$id up
done
