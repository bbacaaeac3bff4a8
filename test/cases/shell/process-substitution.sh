#!/usr/bin/env bash
# Process substitution as scripts use it: a loop over a listing read with `done < <(…)` (the
# loop runs in the script's own shell, so what it counts is still there after it), and listings
# given to text tools as /dev/fd/63, /dev/fd/62.
set -e
for h in h1 h2; do
  ip netns add $h
  ip -n $h link set lo up
done
ip link add v1 netns h1 type veth peer name v2 netns h2
ip -n h1 addr add 10.7.0.1/24 dev v1
ip -n h2 addr add 10.7.0.2/24 dev v2
ip -n h1 link set v1 up
ip -n h2 link set v2 up
count=0
while read -r idx name rest; do
  count=$((count + 1))
  echo "h1 has ${name%%@*}"
done < <(ip -n h1 -o link show)
echo "$count devices"
declare -A addr
while read -r dev fam a rest; do addr[$dev]=$a; done < <(ip -n h2 -o -4 addr show)
declare -p addr
grep -c UP <(ip -n h1 link show) <(ip -n h2 link show)
wc -l < <(ip netns list)
