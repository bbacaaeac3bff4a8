# `ls /var/run/netns` (and /run/netns): the named namespaces' files, sorted as ls sorts them;
# the same from inside a namespace (the folder is the machine's, not the namespace's).
ls /var/run/netns
ip netns add web
ip netns add app2
ip netns add App
ip netns add db-1
ls /var/run/netns
ls /run/netns/ | wc -l
ip netns exec web ls /var/run/netns
ip netns exec nosuch ls /run/netns
ip netns del app2
for ns in $(ls /var/run/netns); do echo "namespace $ns"; done
ls /var/run/netns | grep -c .
