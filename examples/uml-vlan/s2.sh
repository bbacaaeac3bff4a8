# VLANs 10 and 20 on the trunk
for id in 10 20; do
  ip link add link eth0 name eth0.$id type vlan id $id
  ip addr add 10.0.$id.2/24 dev eth0.$id
  ip link set eth0.$id up
done
