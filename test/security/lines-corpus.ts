/**
 * Hostile script lines, from issue #13's "What was found" outwards: every allowed path form
 * turned into a traversal to the bait, through every command and wrapper that opens a file,
 * sysctl keys in both of procps's forms, shell syntax, and names no device can have.
 */
import type { Bait } from './lines-harness.js';

/** Traversals from each allowed path form (and the ways around them) to the absolute path `t`. */
export function traversals(t: string): string[] {
  const up = (n: number) => '/..'.repeat(n);
  return [
    t,
    `/proc/sys/net/ipv4${up(4)}${t}`,
    `/proc/sys/net/ipv6${up(4)}${t}`,
    `/proc/sys/net/core${up(4)}${t}`,
    `/proc/sys/net/bridge${up(4)}${t}`,
    `/proc/sys/net/netfilter/nf_log${up(5)}${t}`,
    `/proc/sys/net/unix${up(4)}${t}`,
    `/proc/sys/net/ipv4/conf${up(5)}${t}`,
    `/proc/sys/net/ipv4/conf/all${up(6)}${t}`,
    `/proc/sys/net/ipv4/neigh/lo${up(6)}${t}`,
    `/proc/sys/net/ipv4/ip_forward${up(5)}${t}`,
    `/proc/sys/net/./ipv4${up(4)}${t}`,
    `//proc/sys/net/ipv4${up(4)}${t}`,
    `/proc//sys/net/ipv4${up(4)}${t}`,
    `/sys/class/net/lo${up(4)}${t}`,
    `/sys/class/net/lo/mtu${up(5)}${t}`,
    `/run/netns${up(2)}${t}`,
    `/var/run/netns${up(3)}${t}`,
    `/proc/self/root${t}`,
    `/proc/1/root${t}`,
  ];
}

/** procps's two key forms of a /proc/sys path: as given (slashes), and dotted (`.` and `/` swapped). */
export function sysctlKeys(p: string): string[] {
  const slash = p.replace(/^\/+proc\/+sys\//, '');
  return [slash, slash.replace(/[./]/g, (c) => (c === '.' ? '/' : '.'))];
}

/** Reads of the secret: cat and sysctl, bare and wrapped. */
export function readLines(b: Bait): string[] {
  const out: string[] = [];
  for (const p of traversals(b.secret)) {
    out.push(`cat ${p}`, `ip netns exec NS1 cat ${p}`, `nsenter --net=/run/netns/NS1 cat ${p}`, `sudo cat ${p}`, `sudo -u root cat ${p}`, `cat /proc/sys/net/ipv4/ip_forward ${p}`);
    if (p.startsWith('/proc/sys/')) {
      for (const k of sysctlKeys(p)) out.push(`sysctl ${k}`, `sysctl -n ${k}`, `ip netns exec NS1 sysctl -n ${k}`, `sudo sysctl ${k}`, `sysctl net.ipv4.ip_forward ${k}`);
    }
  }
  return out;
}

/** Writes towards canaries and over existing files: tee, tee -a, echo >, echo >>, sysctl -w. */
export function writeLines(b: Bait): string[] {
  const out: string[] = [];
  const targets = [b.canary('new'), ...b.existing];
  for (const t of targets) {
    for (const p of traversals(t)) {
      out.push(
        `echo pwned | tee ${p}`,
        `echo pwned | tee -a ${p}`,
        `echo pwned | sudo tee ${p}`,
        `echo pwned | sudo tee -a ${p}`,
        `echo pwned | ip netns exec NS1 tee ${p}`,
        `echo pwned > ${p}`,
        `echo pwned >> ${p}`,
        `ip netns exec NS1 echo pwned > ${p}`,
      );
      if (p.startsWith('/proc/sys/')) for (const k of sysctlKeys(p)) out.push(`sysctl -w ${k}=pwned`, `sysctl -q -w ${k}=1`, `ip netns exec NS1 sysctl -w ${k}=pwned`);
    }
  }
  return out;
}

/** Lines aimed at the machine's hostname and global sysctls. */
export function globalLines(): string[] {
  const out: string[] = [];
  for (const p of [
    '/proc/sys/net/ipv4/../../kernel/hostname',
    '/proc/sys/net/ipv4/conf/../../../kernel/hostname',
    '/proc/sys/kernel/hostname',
    '/proc/sys/net/ipv4/../../kernel/printk_ratelimit',
    '/proc/sys/net/ipv6/../../kernel/domainname',
  ]) {
    out.push(`echo pwnE | tee ${p}`, `echo pwnE > ${p}`, `ip netns exec NS1 echo pwnE > ${p}`, `cat ${p}`);
    for (const k of sysctlKeys(p)) out.push(`sysctl -w ${k}=pwnE`, `sysctl ${k}`);
  }
  out.push(
    'sysctl -w kernel.hostname=pwnE',
    'sysctl -w kernel/hostname=pwnE',
    'sysctl -w net.ipv4.conf.all.//.//.//.kernel.hostname=pwnE',
    'sysctl -w kernel.printk_ratelimit=6',
    'hostname pwnE',
    'ip netns exec NS1 hostname pwnE',
    // the machine's own namespace, through /proc
    'echo 1 | tee /proc/1/root/proc/sys/net/ipv4/ip_forward',
    'echo 1 | tee /proc/sys/net/ipv4/../../../1/root/proc/sys/net/ipv4/ip_forward',
    'nsenter --net=/proc/1/ns/net sysctl -w net.ipv4.ip_forward=1',
    'nsenter -t 1 -n sysctl -w net.ipv4.ip_forward=1',
    'ip netns exec ../../proc/1/ns/net sysctl -w net.ipv4.ip_forward=1',
    'ip link set lo netns /proc/1/ns/net',
    'ip -n ../../proc/1/ns/net link add evil type veth',
    'ip -n .. link add evil type veth',
    'sysctl -p /etc/sysctl.conf',
    'sysctl --system',
    'sysctl -a',
    'sysctl -w net.ipv4.ip_forward=1',
    'sysctl net.ipv4.ip_forward',
  );
  return out;
}

/** Shell syntax around the same reads and writes: nothing beyond the modelled subset runs. */
export function shellLines(b: Bait): string[] {
  const s = b.secret;
  const c = b.canary('shell');
  return [
    `bash -c 'cat ${s}'`,
    `sh -c "echo pwned > ${c}"`,
    `bash -c "echo pwned | tee /proc/sys/net/ipv4/../../../..${c}"`,
    `sudo bash -c 'cat ${s}'`,
    `ip netns exec NS1 bash -c 'cat ${s}'`,
    `ip netns exec NS1 sh -c "touch ${c}"`,
    `nsenter --net=/run/netns/NS1 sh -c "touch ${c}"`,
    `cat "$(echo ${s})"`,
    `cat \`echo ${s}\``,
    `echo $(cat ${s})`,
    `cat < ${s}`,
    `tee /proc/sys/net/ipv4/ip_forward < ${s}`,
    `cat /proc/sys/net/ipv4/ip_forward 2> ${c}`,
    `cat /proc/sys/net/ipv4/ip_forward &> ${c}`,
    `echo 0 > ${c} > /proc/sys/net/ipv4/ip_forward`,
    `echo 0 > /proc/sys/net/ipv4/ip_forward > ${c}`,
    `cat /proc/sys/net/ipv4/ip_forward | tee ${c}`,
    `echo pwned | tee /proc/sys/net/ipv4/ip_forward ${c}`,
    `echo pwned | tee -i ${c}`,
    `echo pwned | cat > ${c}`,
    `eval cat ${s}`,
    `eval "echo pwned > ${c}"`,
    `source ${s}`,
    `. ${s}`,
    `exec cat ${s}`,
    `cat <<EOF\n$(cat ${s})\nEOF`,
    `P=/proc/sys/net/ipv4/../../../..${s}; cat $P`,
    `D=..; cat /proc/sys/net/ipv4/$D/$D/$D/$D${s}`,
    `cat /proc/sys/net/ipv4/{..,..}/../..${s}`,
    `cat /proc/sys/net/ipv4/conf/*/rp_filter`,
    `cat /proc/sys/net/ipv4/../../../..${b.dir}/sec*`,
    `cat ~/../..${s}`,
    `cat /proc/sys/net/ipv4/conf/all/rp_filter\\\n/../../../../../..${s}`,
    `cat $'/proc/sys/net/ipv4/\\x2e\\x2e/../../..${s}'`,
    `cat $'/proc/sys/net/ipv4/ip_forward\\0${s}'`,
    `(cat ${s})`,
    `{ cat ${s}; }`,
    `f() { cat ${s}; }; f`,
    `for f in ${s}; do cat $f; done`,
    `for f in ${s}; do echo pwned > $f; done`,
    `if true; then cat ${s}; fi`,
    `while true; do cat ${s}; break; done`,
    `case x in x) cat ${s};; esac`,
    `trap "cat ${s}" EXIT`,
    `alias x="cat ${s}"`,
    `PATH=/tmp ip link`,
    `env cat ${s}`,
    `xargs cat <<< ${s}`,
    `ln -s ${s} /proc/sys/net/ipv4/evil`,
    `cp ${s} ${c}`,
    `dd if=${s} of=${c}`,
    `python3 -c "open('${c}','w')"`,
    `touch ${c}`,
    `ip -batch ${s}`,
    `ip -b ${s}`,
    // ip -batch - fed by the script: every command of it is judged as its own line
    `ip -batch - <<< "netns exec NS1 cat ${s}"`,
    `printf 'link show\\nnetns exec NS1 touch ${c}\\n' | ip -force -batch -`,
    `ip -batch - <<EOF\nnetns add ../../..${c}\nEOF`,
    `ip -batch - <<EOF\nlink set lo up\n-batch ${s}\nEOF`,
    `ip -batch - <<< "netns e NS1 cat ${s}"`,
    `ip -batch - < ${s}`,
    `ip -n NS1 -batch - <<< 'link set lo up # then' ; cat ${s}`,
    `bridge -batch ${s}`,
    `ip -all netns exec cat ${s}`,
    `ip ne exec NS1 touch ${c}`,
    `ip netns exec NS1 ip netns exec NS1 cat ${s}`,
    `sudo -i cat ${s}`,
    `sudo -s cat ${s}`,
    `cat -- ${s}`,
    `cat -A /proc/sys/net/ipv4/ip_forward`,
    `cat`,
  ];
}

/**
 * Names no device or namespace can have, where each tool refuses them from its command line
 * (answered without running them, in the tools' own words), and where a tool would open them.
 */
export function nameLines(b: Bait): string[] {
  const c = b.canary('names');
  return [
    'ip netns add ../../x',
    `ip netns add ../../..${c}`,
    'ip netns add ..',
    'ip netns add a/b',
    'ip netns del ../x',
    `ip netns exec ../x touch ${c}`,
    'ip netns exec .. true',
    'ip link add a/b type veth',
    `ip link add ../..${c} type veth`,
    'ip link add .. type veth',
    'ip link add v0 type veth peer name a/b',
    'ip addr add 10.0.0.1/24 dev a/b',
    `ip link set dev ${b.secret} up`,
    'ip link del a/b',
    'ip link show a/b',
    'ip route add 10.9.0.0/24 dev a/b',
    'ip link set lo master a/b',
    'ip addr add 10.0.0.1/24 dev lo label lo/x',
    'ip link set lo alias a/b',
    `ip link set dev lo xdp obj ${b.secret}`,
    'ping -c 1 -W 1 -I /path 10.0.0.1',
    `ping -c 1 -W 1 -I ${b.secret} 127.0.0.1`,
    'ping -c 1 -W 1 -I.. 127.0.0.1',
    `ping -c 1 -W 1 ${b.secret}`,
    `ip n e NS1 touch ${c}`,
    'brctl addbr a/b',
    'brctl addbr ..',
    'brctl delbr a/b',
    `brctl stp ../../../..${b.dir}/x on`,
    `brctl show ../../../..${b.dir}`,
    'bridge fdb add 00:11:22:33:44:55 dev a/b',
    `bridge -n ../x fdb show`,
    "ip link add $'a\\0b' type veth",
    'sysctl',
    'sysctl -w',
    'sysctl -n',
    'sysctl -q',
    'sysctl -wnq',
  ];
}

/**
 * Lines of the network programs the simulator does not model, which real mode runs on the
 * kernel once their argv passes their program's check (src/exec/kernel-only-argv.ts): each
 * here would read the secret, write a canary, run a program or open a unix socket, and must
 * be refused in both modes. `KERNEL_ONLY_BENIGN` run on the kernel.
 */
export function kernelOnlyLines(b: Bait): string[] {
  const s = b.secret;
  const c = (n: string) => b.canary(n);
  return [
    `iptables-restore ${s}`,
    `ip6tables-restore ${s}`,
    `iptables-restore --noflush ${s}`,
    `iptables-save -f ${c('save')}`,
    `iptables --modprobe=${c('modprobe')} -L`,
    `iptables -M ${c('modprobe2')} -L`,
    `iptables -A INPUT -m bpf --object-pinned ${s} -j DROP`,
    `nft -f ${s}`,
    `nft --file=${s}`,
    `nft include ${s}`,
    `nft -I ${b.dir} list ruleset`,
    `conntrack -R ${s}`,
    `tc -batch ${s}`,
    `tc -b ${s}`,
    `tc -cf ${s} qdisc show`,
    `tc filter add dev lo bpf obj ${s}`,
    `tc -n ../../proc/1/ns/net qdisc show`,
    `ss -D ${c('ss')}`,
    `ss -F ${s}`,
    `ss -N ../../proc/1/ns/net -tln`,
    `nc -U ${s}`,
    `nc -lU ${c('nc')}`,
    `nc -e /bin/sh 127.0.0.1 9`,
    `socat - OPEN:${s}`,
    `socat - CREATE:${c('socat')}`,
    `socat -lf ${c('socatlog')} - UDP:127.0.0.1:9`,
    'socat - EXEC:cat',
    'socat - SYSTEM:id',
    `socat ${s} STDOUT`,
    `socat - UNIX-CONNECT:${s}`,
    `socat - TCP:127.0.0.1:9,su=nobody`,
    `ethtool -f lo ${s}`,
    `ethtool -w lo data ${c('ethtool')}`,
    `traceroute -n ${s}`,
    `tracepath ${s}`,
    `arping -I ${s} 10.0.0.1`,
    `cat /sys/class/net/lo/../../../..${s}`,
    `echo pwned > /sys/class/net/lo/../../../..${c('sysfs')}`,
    'echo 1 > /sys/class/net/lo/address',
    `ip netns exec NS1 iptables-restore ${s}`,
    `sudo nft -f ${s}`,
    `nsenter --net=/run/netns/NS1 tc -batch ${s}`,
  ];
}

/** Lines of programs the simulator does not model that real mode runs on the kernel (iptables and nft are modelled: ebtables stands for netfilter here). */
export const KERNEL_ONLY_BENIGN = ['ebtables -L', 'ss -tlnp', 'ss -lnup', 'tc qdisc add dev lo root pfifo', 'cat /sys/class/net/lo/carrier_changes', 'ip netns exec NS1 ebtables -L'];
