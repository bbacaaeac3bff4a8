# Background jobs as scripts handle them: `$!`, `jobs`, `kill %N` / `kill $PID` with HUP, KILL,
# TERM and 0, `wait` for jobs that ended, and bash's words when a job or process is gone.
# Listeners (nc -l, python3 -m http.server, socat UDP with a tun) end when signalled; KILL and HUP deaths
# are announced at the next command, TERM's silently; socat's tun goes with it.
ip netns add a
ip -n a link set lo up
ip netns exec a nc -l -p 8080 > /dev/null &
L1=$!
ip netns exec a python3 -m http.server 8000 --bind 127.0.0.1 > /dev/null 2>&1 &
L2=$!
ip netns exec a socat TUN:10.9.0.1/24,tun-name=tun9,iff-up UDP-LISTEN:5000 &
sleep 0.5
jobs
jobs -p | wc -l
ip netns exec a nc -z -w 1 127.0.0.1 8080; echo nc=$?
ip -n a -br link show tun9
kill -0 %3; echo k0=$?
kill -HUP %3
ip -n a link show tun9; echo tun=$?
kill $L2; echo kill=$?
kill -9 %1 %7; echo k9=$?
jobs
wait $L2; echo w2=$?
wait %3; echo w3=$?
wait; echo wall=$?
kill $L2; echo again=$?
kill -0 $L1; echo k0gone=$?
kill %1; echo none=$?
kill -FOO $L1; echo foo=$?
kill; echo usage=$?
wait 99999; echo w99=$?
ip netns exec a nc -l -p 8081 > /dev/null &
sleep 0.3
jobs -l | sed 's/[0-9]\{4,\}/PID/'
kill -s TERM %1; echo t=$?
ip netns exec a nc -z -w 1 127.0.0.1 8081; echo after=$?
jobs
ip netns exec a nc -l -p 8082 > /dev/null &
kill -KILL $!; echo k=$?
ip -n a link show lo > /dev/null; echo next=$?
wait $!; echo w=$?
