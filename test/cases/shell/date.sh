#!/usr/bin/env bash
# date: the time now is the machine's wall clock in real mode and the simulator's virtual clock
# (from the epoch) in the simulator, so a comparison takes only its line count; at a time given
# with -d @N both print the same. Setting the clock or reading a file is refused in both modes.
date
date +%s
ip netns add a
ip netns exec a date -u +%F
date -d @86400
date -u -d @1000000000 +'%Y-%m-%d %H:%M:%S %a %b %e %j %Z %z'
date -R -d @0
date -d @100 --iso-8601=seconds
date -s 2020-01-01
date -f /etc/passwd
date --set=now
