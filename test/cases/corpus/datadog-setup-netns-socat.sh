#!/bin/bash
# corpus: test fixture: socat TCP listeners (v4 and v6) in the background in a namespace
# source: https://github.com/DataDog/datadog-agent/blob/HEAD/pkg/network/testdata/setup_netns.sh
# author: Datadog (GitHub DataDog/datadog-agent)
# licence: Apache-2.0 (repository)
# changes: STDIO replaced by /dev/null (no terminal here); lo brought up and a client connects
#   to each listener once, so the listeners end.
set -ex
ip netns add test
ip netns exec test ip link set lo up
ip netns exec test socat /dev/null tcp4-listen:34567 &
ip netns exec test socat /dev/null tcp6-listen:34568 &
sleep 1
ip netns exec test socat /dev/null tcp4:127.0.0.1:34567
ip netns exec test socat /dev/null tcp6:[::1]:34568
wait
