#!/usr/bin/env bash
# Steps wrapped in functions with arguments and `local`, guarded by `if` on a command's status.
make_ns() {
  local name=$1 addr=$2
  if ip netns list | grep -qw "$name"; then
    echo "$name exists"
    return 1
  fi
  ip netns add "$name"
  ip -n "$name" link set lo up
  ip link add "v-$name" type veth peer name eth0 netns "$name"
  ip -n "$name" addr add "$addr" dev eth0
  echo "made $name"
}
make_ns red 10.1.0.2/24
make_ns blue 10.1.0.3/24
make_ns red 10.1.0.9/24 || echo "status $?"
if ! ip link show v-green >/dev/null 2>&1; then
  echo "no v-green"
fi
case "$(ip -n red -br link show eth0 | awk '{print $2}')" in
  UP) echo "eth0 up" ;;
  DOWN | LOWERLAYERDOWN) echo "eth0 not up" ;;
  *) echo "eth0 state unknown" ;;
esac
count=$(ip -o link show | grep -c 'v-')
echo "veths: $count"
while read -r ns rest; do
  echo "namespace: $ns"
done <<EOF
$(ip netns list)
EOF
