#!/bin/bash
# corpus: add 15 labelled addresses in a {1..16} loop skipping 10 with continue, report each with the exit status
# source: https://github.com/asuka2004/Shell_Script/blob/HEAD/add_kindip.sh
# author: Kung (GitHub asuka2004)
# licence: not stated
# changes: /etc/init.d/functions' "action" replaced by an echo of the same words; eth0 a veth
#   made first; only "start" (add) run, then the addresses counted with grep -c.
ip link add eth0 type veth peer name eth0-peer
RETVAL=0
add(){
	for ip in {1..16}
	do
		if [ $ip -eq 10 ];then
		continue
		fi
		ip addr add 192.168.88.$ip/24 dev eth0 label eth0:$ip &>/dev/null
		RETVAL=$?
		if [ $RETVAL -eq 0 ];then
			echo "add $ip [OK]"
		else
			echo "add $ip [FAILED]"
		fi
	done
	return $RETVAL
}
add
ip -4 addr show dev eth0 | grep -c inet
