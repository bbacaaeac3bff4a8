/**
 * socat 1.7.4.4's tables of address types and address options, as `socat -hhh` prints them on
 * the reference machine (Debian 12): name, parameter count or value type, option groups, and
 * aliases. socat checks every address keyword and option against these before it opens
 * anything, so the model needs them to give socat's own errors for a typo ("unknown option",
 * "not supported with this address type") and to tell a real but unmodelled option from one
 * that does not exist.
 *
 * Generated from `socat -hhh`; regenerate when the reference socat changes.
 */

/** `name params groups`, one per line; `params` is the number of `:`-separated parameters. */
const ADDRESSES = `
pipe 0 FD,FIFO
abstract-client 1 FD,SOCKET,RETRY,UNIX
abstract-connect 1 FD,SOCKET,RETRY,UNIX
abstract-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,UNIX
abstract-recv 1 FD,SOCKET,RETRY,UNIX
abstract-recvfrom 1 FD,SOCKET,CHILD,RETRY,UNIX
abstract-sendto 1 FD,SOCKET,RETRY,UNIX
create 1 FD,REG,NAMED
exec 1 FD,FIFO,SOCKET,EXEC,FORK,TERMIOS,PTY,PARENT,UNIX
fd 1 FD,FIFO,CHR,BLK,REG,SOCKET,TERMIOS,UNIX,IP4,IP6,UDP,TCP,SCTP
gopen 1 FD,FIFO,CHR,BLK,REG,SOCKET,NAMED,OPEN,TERMIOS,UNIX
interface 1 FD,SOCKET
ip-datagram 2 FD,SOCKET,RANGE,IP4,IP6
ip-recv 1 FD,SOCKET,RANGE,IP4,IP6
ip-recvfrom 1 FD,SOCKET,CHILD,RANGE,IP4,IP6
ip-sendto 2 FD,SOCKET,IP4,IP6
ip4-datagram 2 FD,SOCKET,RANGE,IP4
ip4-recv 1 FD,SOCKET,RANGE,IP4
ip4-recvfrom 1 FD,SOCKET,CHILD,RANGE,IP4
ip4-sendto 2 FD,SOCKET,IP4
ip6-datagram 2 FD,SOCKET,RANGE,IP6
ip6-recv 1 FD,SOCKET,RANGE,IP6
ip6-recvfrom 1 FD,SOCKET,CHILD,RANGE,IP6
ip6-sendto 2 FD,SOCKET,IP6
open 1 FD,FIFO,CHR,BLK,REG,NAMED,OPEN,TERMIOS
openssl 2 FD,SOCKET,CHILD,RETRY,IP4,IP6,TCP,OPENSSL
openssl-dtls-client 2 FD,SOCKET,CHILD,RETRY,IP4,IP6,UDP,OPENSSL
openssl-dtls-server 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP4,IP6,UDP,OPENSSL
openssl-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP4,IP6,TCP,OPENSSL
pipe 1 FD,FIFO,NAMED,OPEN
proxy 3 FD,SOCKET,CHILD,RETRY,IP4,IP6,TCP,HTTP
pty 0 FD,NAMED,TERMIOS,PTY
sctp-connect 2 FD,SOCKET,CHILD,RETRY,IP4,IP6,SCTP
sctp-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP4,IP6,SCTP
sctp4-connect 2 FD,SOCKET,CHILD,RETRY,IP4,SCTP
sctp4-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP4,SCTP
sctp6-connect 2 FD,SOCKET,CHILD,RETRY,IP6,SCTP
sctp6-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP6,SCTP
socket-connect 3 FD,SOCKET,CHILD,RETRY
socket-datagram 4 FD,SOCKET,RANGE
socket-listen 3 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE
socket-recv 4 FD,SOCKET,RANGE
socket-recvfrom 4 FD,SOCKET,CHILD,RANGE
socket-sendto 4 FD,SOCKET
socks4 3 FD,SOCKET,CHILD,RETRY,IP4,IP6,TCP,SOCKS4
socks4a 3 FD,SOCKET,CHILD,RETRY,IP4,IP6,TCP,SOCKS4
stderr 0 FD,FIFO,CHR,BLK,REG,SOCKET,TERMIOS,UNIX,IP4,IP6,UDP,TCP,SCTP
stdin 0 FD,FIFO,CHR,BLK,REG,SOCKET,TERMIOS,UNIX,IP4,IP6,UDP,TCP,SCTP
stdio 0 FD,FIFO,CHR,BLK,REG,SOCKET,TERMIOS,UNIX,IP4,IP6,UDP,TCP,SCTP
stdout 0 FD,FIFO,CHR,BLK,REG,SOCKET,TERMIOS,UNIX,IP4,IP6,UDP,TCP,SCTP
system 1 FD,FIFO,SOCKET,EXEC,FORK,TERMIOS,PTY,PARENT,UNIX
tcp-connect 2 FD,SOCKET,CHILD,RETRY,IP4,IP6,TCP
tcp-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP4,IP6,TCP
tcp4-connect 2 FD,SOCKET,CHILD,RETRY,IP4,TCP
tcp4-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP4,TCP
tcp6-connect 2 FD,SOCKET,CHILD,RETRY,IP6,TCP
tcp6-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY,RANGE,IP6,TCP
udp-connect 2 FD,SOCKET,IP4,IP6,UDP
udp-datagram 2 FD,SOCKET,RANGE,IP4,IP6,UDP
udp-listen 1 FD,SOCKET,LISTEN,CHILD,RANGE,IP4,IP6,UDP
udp-recv 1 FD,SOCKET,RANGE,IP4,IP6,UDP
udp-recvfrom 1 FD,SOCKET,CHILD,RANGE,IP4,IP6,UDP
udp-sendto 2 FD,SOCKET,IP4,IP6,UDP
udp4-connect 2 FD,SOCKET,IP4,UDP
udp4-datagram 2 FD,SOCKET,RANGE,IP4,UDP
udp4-listen 1 FD,SOCKET,LISTEN,CHILD,RANGE,IP4,UDP
udp4-recv 1 FD,SOCKET,RANGE,IP4,UDP
udp4-recvfrom 1 FD,SOCKET,CHILD,RANGE,IP4,UDP
udp4-sendto 2 FD,SOCKET,IP4,UDP
udp6-connect 2 FD,SOCKET,IP6,UDP
udp6-datagram 2 FD,SOCKET,RANGE,IP6,UDP
udp6-listen 1 FD,SOCKET,LISTEN,CHILD,RANGE,IP6,UDP
udp6-recv 1 FD,SOCKET,RANGE,IP6,UDP
udp6-recvfrom 1 FD,SOCKET,CHILD,RANGE,IP6,UDP
udp6-sendto 2 FD,SOCKET,IP6,UDP
unix-client 1 FD,SOCKET,NAMED,RETRY,UNIX
unix-connect 1 FD,SOCKET,NAMED,RETRY,UNIX
unix-listen 1 FD,SOCKET,NAMED,LISTEN,CHILD,RETRY,UNIX
unix-recv 1 FD,SOCKET,NAMED,RETRY,UNIX
unix-recvfrom 1 FD,SOCKET,NAMED,CHILD,RETRY,UNIX
unix-sendto 1 FD,SOCKET,NAMED,RETRY,UNIX
vsock-connect 2 FD,SOCKET,CHILD,RETRY
vsock-listen 1 FD,SOCKET,LISTEN,CHILD,RETRY
tun 0-1 FD,CHR,NAMED,OPEN,INTERFACE
`;

/** `alias target` */
const ADDRESS_ALIASES = `
- stdio
abstract abstract-client
creat create
datagram socket-datagram
dgram socket-datagram
dtls openssl-dtls-client
dtls-c openssl-dtls-client
dtls-client openssl-dtls-client
dtls-connect openssl-dtls-client
dtls-l openssl-dtls-server
dtls-listen openssl-dtls-server
dtls-server openssl-dtls-server
echo pipe
fifo pipe
file open
if interface
inet tcp-connect
inet-l tcp-listen
inet-listen tcp-listen
inet4 tcp4-connect
inet4-l tcp4-listen
inet4-listen tcp4-listen
inet6 tcp6-connect
inet6-l tcp6-listen
inet6-listen tcp6-listen
ip ip-sendto
ip-dgram ip-datagram
ip-send ip-sendto
ip4 ip4-sendto
ip4-dgram ip4-datagram
ip4-send ip4-sendto
ip6 ip6-sendto
ip6-dgram ip6-datagram
ip6-send ip6-sendto
local unix-connect
openssl-connect openssl
openssl-dtls-connect openssl-dtls-client
openssl-dtls-listen openssl-dtls-server
proxy-connect proxy
sctp sctp-connect
sctp-l sctp-listen
sctp4 sctp4-connect
sctp4-l sctp4-listen
sctp6 sctp6-connect
sctp6-l sctp6-listen
sendto socket-sendto
socks socks4
ssl openssl
ssl-l openssl-listen
tcp tcp-connect
tcp-l tcp-listen
tcp4 tcp4-connect
tcp4-l tcp4-listen
tcp6 tcp6-connect
tcp6-l tcp6-listen
udp udp-connect
udp-dgram udp-datagram
udp-l udp-listen
udp-send udp-sendto
udp4 udp4-connect
udp4-dgram udp4-datagram
udp4-l udp4-listen
udp4-send udp4-sendto
udp6 udp6-connect
udp6-dgram udp6-datagram
udp6-l udp6-listen
udp6-send udp6-sendto
unix unix-client
unix-l unix-listen
unix-send unix-sendto
vsock vsock-connect
vsock-l vsock-listen
`;

/** `name type groups` */
const OPTIONS = `
accept-timeout STRUCT-TIMEVAL LISTEN
append BOOL FD,OPEN
async BOOL FD,OPEN
b0 CONST TERMIOS
b1000000 CONST TERMIOS
b110 CONST TERMIOS
b115200 CONST TERMIOS
b1152000 CONST TERMIOS
b1200 CONST TERMIOS
b134 CONST TERMIOS
b150 CONST TERMIOS
b1500000 CONST TERMIOS
b1800 CONST TERMIOS
b19200 CONST TERMIOS
b200 CONST TERMIOS
b2000000 CONST TERMIOS
b230400 CONST TERMIOS
b2400 CONST TERMIOS
b2500000 CONST TERMIOS
b300 CONST TERMIOS
b3000000 CONST TERMIOS
b3500000 CONST TERMIOS
b38400 CONST TERMIOS
b4000000 CONST TERMIOS
b460800 CONST TERMIOS
b4800 CONST TERMIOS
b50 CONST TERMIOS
b500000 CONST TERMIOS
b57600 CONST TERMIOS
b576000 CONST TERMIOS
b600 CONST TERMIOS
b75 CONST TERMIOS
b921600 CONST TERMIOS
b9600 CONST TERMIOS
backlog INT LISTEN
bind STRING SOCKET
brkint BOOL TERMIOS
bs0 CONST TERMIOS
bs1 CONST TERMIOS
bsdly BOOL TERMIOS
chroot STRING PROCESS
chroot-early STRING PROCESS
clocal BOOL TERMIOS
cloexec BOOL FD
connect-timeout STRUCT-TIMEVAL SOCKET
cool-write BOOL FD
cr CONST APPL
cr0 CONST TERMIOS
cr1 CONST TERMIOS
cr2 CONST TERMIOS
cr3 CONST TERMIOS
crdly UNSIGNED-INT TERMIOS
cread BOOL TERMIOS
crnl CONST APPL
crtscts BOOL TERMIOS
cs5 CONST TERMIOS
cs6 CONST TERMIOS
cs7 CONST TERMIOS
cs8 CONST TERMIOS
csize UNSIGNED-INT TERMIOS
cstopb BOOL TERMIOS
dash BOOL EXEC
echo BOOL TERMIOS
echoctl BOOL TERMIOS
echoe BOOL TERMIOS
echok BOOL TERMIOS
echoke BOOL TERMIOS
echonl BOOL TERMIOS
echoprt BOOL TERMIOS
end-close CONST FD
escape INT APPL
f-setlk-rd BOOL FD
f-setlk-wr BOOL FD
f-setlkw-rd BOOL FD
f-setlkw-wr BOOL FD
fdin UNSIGNED-SHORT FORK
fdout UNSIGNED-SHORT FORK
ff0 CONST TERMIOS
ff1 CONST TERMIOS
ffdly BOOL TERMIOS
fiosetown INT SOCKET
flock-ex BOOL FD
flock-ex-nb BOOL FD
flock-sh BOOL FD
flock-sh-nb BOOL FD
flusho BOOL TERMIOS
forever BOOL RETRY
fork BOOL CHILD
fs-append BOOL REG
fs-compr BOOL REG
fs-dirsync BOOL REG
fs-immutable BOOL REG
fs-journal-data BOOL REG
fs-noatime BOOL REG
fs-nodump BOOL REG
fs-notail BOOL REG
fs-secrm BOOL REG
fs-sync BOOL REG
fs-topdir BOOL REG
fs-unrm BOOL REG
ftruncate32 OFF_T REG
ftruncate64 OFF64_T REG
group GID_T FD,NAMED
group-early GID_T NAMED
group-late GID_T FD
hupcl BOOL TERMIOS
icanon BOOL TERMIOS
icrnl BOOL TERMIOS
iexten BOOL TERMIOS
iff-allmulti BOOL INTERFACE
iff-automedia BOOL INTERFACE
iff-broadcast BOOL INTERFACE
iff-debug BOOL INTERFACE
iff-loopback BOOL INTERFACE
iff-master BOOL INTERFACE
iff-multicast BOOL INTERFACE
iff-no-pi BOOL INTERFACE
iff-noarp BOOL INTERFACE
iff-notrailers BOOL INTERFACE
iff-pointopoint BOOL INTERFACE
iff-portsel BOOL INTERFACE
iff-promisc BOOL INTERFACE
iff-running BOOL INTERFACE
iff-slave BOOL INTERFACE
iff-up BOOL INTERFACE
ignbrk BOOL TERMIOS
igncr BOOL TERMIOS
ignorecr BOOL HTTP
ignoreeof BOOL APPL
ignpar BOOL TERMIOS
imaxbel BOOL TERMIOS
inlcr BOOL TERMIOS
inpck BOOL TERMIOS
interval STRUCT-TIMESPEC RETRY
ioctl-bin INT:BIN FD
ioctl-int INT:INT FD
ioctl-intp INT:INTP FD
ioctl-string INT:STRING FD
ioctl-void INT FD
ip-add-membership STRUCT-IP_MREQN IP4,IP6
ip-freebind INT IP4,IP6
ip-hdrincl INT IP4,IP6
ip-mtu INT IP4,IP6
ip-mtu-discover INT IP4,IP6
ip-multicast-if IP4NAME IP4,IP6
ip-multicast-loop BYTE IP4,IP6
ip-multicast-ttl BYTE IP4,IP6
ip-options BIN IP4,IP6
ip-pktinfo INT IP4,IP6
ip-pktoptions INT IP4,IP6
ip-recverr INT IP4,IP6
ip-recvopts INT IP4,IP6
ip-recvtos INT IP4,IP6
ip-recvttl INT IP4,IP6
ip-retopts INT IP4,IP6
ip-router-alert INT IP4,IP6
ip-tos INT IP4,IP6
ip-transparent BOOL IP4,IP6
ip-ttl INT IP4,IP6
ipv6-authhdr INT IP6
ipv6-dstopts INT IP6
ipv6-hoplimit INT IP6
ipv6-hopopts INT IP6
ipv6-join-group STRUCT-IP_MREQN IP6
ipv6-pktinfo INT IP6
ipv6-recvdstopts INT IP6
ipv6-recverr INT IP6
ipv6-recvhoplimit INT IP6
ipv6-recvhopopts INT IP6
ipv6-recvpathmtu INT IP6
ipv6-recvpktinfo INT IP6
ipv6-recvrthdr INT IP6
ipv6-recvtclass INT IP6
ipv6-rthdr INT IP6
ipv6-tclass INT IP6
ipv6-unicast-hops INT IP6
ipv6-v6only INT IP6
isig BOOL TERMIOS
ispeed UNSIGNED-INT TERMIOS
istrip BOOL TERMIOS
iuclc BOOL TERMIOS
ixany BOOL TERMIOS
ixoff BOOL TERMIOS
ixon BOOL TERMIOS
lockfile STRING APPL
lowport BOOL UDP,TCP,SCTP
lseek32-cur OFF_T BLK,REG
lseek32-end OFF_T BLK,REG
lseek32-set OFF_T BLK,REG
lseek64-cur OFF64_T BLK,REG
lseek64-end OFF64_T BLK,REG
lseek64-set OFF64_T BLK,REG
max-children INT CHILD
nl0 CONST TERMIOS
nl1 CONST TERMIOS
nldly BOOL TERMIOS
noflsh BOOL TERMIOS
nofork BOOL FORK
null-eof BOOL SOCKET
o-create BOOL OPEN
o-direct BOOL OPEN
o-directory BOOL OPEN
o-dsync BOOL OPEN
o-excl BOOL OPEN
o-largefile BOOL OPEN
o-noatime BOOL FD,OPEN
o-noctty BOOL OPEN
o-nofollow BOOL OPEN
o-nonblock BOOL FD,OPEN
o-rdonly BOOL OPEN
o-rdwr BOOL OPEN
o-rsync BOOL OPEN
o-sync BOOL OPEN
o-trunc BOOL OPEN
o-wronly BOOL OPEN
ocrnl BOOL TERMIOS
ofdel BOOL TERMIOS
ofill BOOL TERMIOS
olcuc BOOL TERMIOS
onlcr BOOL TERMIOS
onlret BOOL TERMIOS
onocr BOOL TERMIOS
openpty BOOL PTY
openssl-cafile STRING OPENSSL
openssl-capath STRING OPENSSL
openssl-certificate STRING OPENSSL
openssl-cipherlist STRING OPENSSL
openssl-commonname STRING OPENSSL
openssl-compress STRING OPENSSL
openssl-dhparam STRING OPENSSL
openssl-egd STRING OPENSSL
openssl-key STRING OPENSSL
openssl-max-proto-version STRING OPENSSL
openssl-min-proto-version STRING OPENSSL
openssl-no-sni BOOL OPENSSL
openssl-pseudo BOOL OPENSSL
openssl-snihost STRING OPENSSL
openssl-verify BOOL OPENSSL
opost BOOL TERMIOS
ospeed UNSIGNED-INT TERMIOS
parenb BOOL TERMIOS
parmrk BOOL TERMIOS
parodd BOOL TERMIOS
path STRING EXEC
pendin BOOL TERMIOS
perm MODE_T FD,NAMED
perm-early MODE_T NAMED
perm-late MODE_T FD
pipes BOOL FORK
protocol-family STRING SOCKET
proxy-authorization STRING HTTP
proxy-authorization-file STRING HTTP
proxy-resolve BOOL HTTP
proxyport STRING HTTP
ptmx BOOL PTY
pty BOOL FORK
pty-interval STRUCT-TIMESPEC PTY
pty-wait-slave BOOL PTY
range STRING RANGE
raw CONST TERMIOS
readbytes SIZE_T APPL
res-debug BOOL IP4,IP6
res-defnames BOOL IP4,IP6
res-dnsrch BOOL IP4,IP6
res-igntc BOOL IP4,IP6
res-recurse BOOL IP4,IP6
res-stayopen BOOL IP4,IP6
res-usevc BOOL IP4,IP6
retry UNSIGNED-INT RETRY
sane CONST TERMIOS
setgid GID_T PROCESS
setgid-early GID_T PROCESS
setpgid INT FORK
setsid BOOL PROCESS
setsockopt INT:INT:BIN SOCKET
setsockopt-bin INT:INT:BIN SOCKET
setsockopt-int INT:INT:INT SOCKET
setsockopt-listen INT:INT:BIN SOCKET
setsockopt-string INT:INT:STRING SOCKET
setuid UID_T PROCESS
setuid-early UID_T PROCESS
shut-close CONST FD
shut-down CONST FD
shut-none CONST FD
shut-null CONST FD
sighup CONST PARENT
sigint CONST PARENT
sigquit CONST PARENT
siocspgrp INT SOCKET
so-acceptconn INT SOCKET
so-attach-filter INT SOCKET
so-bindtodevice STRING SOCKET
so-broadcast INT SOCKET
so-bsdcompat INT SOCKET
so-debug INT SOCKET
so-detach-filter INT SOCKET
so-dontroute INT SOCKET
so-error INT SOCKET
so-keepalive INT SOCKET
so-linger STRUCT-LINGER SOCKET
so-no-check INT SOCKET
so-oobinline INT SOCKET
so-passcred INT SOCKET
so-peercred INT[3] SOCKET
so-priority INT SOCKET
so-protocol INT SOCKET
so-rcvbuf INT SOCKET
so-rcvbuf-late INT SOCKET
so-rcvlowat INT SOCKET
so-reuseaddr INT SOCKET
so-reuseport INT SOCKET
so-security-authentication INT SOCKET
so-security-encryption-network INT SOCKET
so-security-encryption-transport INT SOCKET
so-sndbuf INT SOCKET
so-sndbuf-late INT SOCKET
so-sndlowat INT SOCKET
so-timestamp INT SOCKET
so-type INT SOCKET
socksport STRING SOCKS4
socksuser STRING SOCKS4
sourceport UNSIGNED-SHORT UDP,TCP,SCTP
stderr BOOL FORK
substuser UID_T PROCESS
substuser-delayed UID_T PROCESS
substuser-early UID_T PROCESS
symbolic-link STRING PTY
tab0 CONST TERMIOS
tab1 CONST TERMIOS
tab2 CONST TERMIOS
tab3 CONST TERMIOS
tabdly UNSIGNED-INT TERMIOS
tcp-cork INT TCP
tcp-defer-accept INT TCP
tcp-info INT TCP
tcp-keepcnt INT TCP
tcp-keepidle INT TCP
tcp-keepintvl INT TCP
tcp-linger2 INT TCP
tcp-maxseg INT TCP
tcp-maxseg-late INT TCP
tcp-md5sig INT TCP
tcp-nodelay INT TCP
tcp-quickack INT TCP
tcp-syncnt INT TCP
tcp-window-clamp INT TCP
tcpwrap-etc STRING RANGE
tcpwrap-hosts-allow-table STRING RANGE
tcpwrap-hosts-deny-table STRING RANGE
tcpwrappers STRING-NULL RANGE
termios-cfmakeraw CONST TERMIOS
termios-rawer CONST TERMIOS
tiocsctty BOOL TERMIOS
tostop BOOL TERMIOS
tun-device STRING INTERFACE
tun-name STRING INTERFACE
tun-type STRING INTERFACE
umask MODE_T NAMED
unix-tightsocklen BOOL UNIX
unlink BOOL NAMED
unlink-close BOOL NAMED
unlink-early BOOL NAMED
unlink-late BOOL NAMED
user UID_T FD,NAMED
user-early UID_T NAMED
user-late UID_T FD
vdiscard BYTE TERMIOS
veof BYTE TERMIOS
veol BYTE TERMIOS
veol2 BYTE TERMIOS
verase BYTE TERMIOS
vintr BYTE TERMIOS
vkill BYTE TERMIOS
vlnext BYTE TERMIOS
vmin BYTE TERMIOS
vquit BYTE TERMIOS
vreprint BYTE TERMIOS
vstart BYTE TERMIOS
vstop BYTE TERMIOS
vsusp BYTE TERMIOS
vswtc BYTE TERMIOS
vt0 CONST TERMIOS
vt1 CONST TERMIOS
vtdly BOOL TERMIOS
vtime BYTE TERMIOS
vwerase BYTE TERMIOS
waitlock STRING APPL
xcase BOOL TERMIOS
xtabs CONST TERMIOS
`;

/** `alias target` */
const OPTION_ALIASES = `
acceptconn so-acceptconn
add-membership ip-add-membership
allmulti iff-allmulti
allow-table tcpwrap-hosts-allow-table
attach-filter so-attach-filter
attachfilter so-attach-filter
authhdr ipv6-authhdr
automedia iff-automedia
bindtodevice so-bindtodevice
broadcast so-broadcast
bsdcompat so-bsdcompat
bytes readbytes
cafile openssl-cafile
capath openssl-capath
cert openssl-certificate
certificate openssl-certificate
cfmakeraw termios-cfmakeraw
cipher openssl-cipherlist
cipherlist openssl-cipherlist
ciphers openssl-cipherlist
close end-close
cn openssl-commonname
commonname openssl-commonname
compr fs-compr
compress openssl-compress
coolwrite cool-write
cork tcp-cork
creat o-create
create o-create
crlf crnl
crterase echoe
crtkill echoke
ctlecho echoctl
ctty tiocsctty
debug so-debug
defer-accept tcp-defer-accept
defnames res-defnames
delete unlink
deny-table tcpwrap-hosts-deny-table
detach-filter so-detach-filter
detachfilter so-detach-filter
dh openssl-dhparam
dhparam openssl-dhparam
dhparams openssl-dhparam
direct o-direct
directory o-directory
dirsync fs-dirsync
discard vdiscard
dnsrch res-dnsrch
dontroute so-dontroute
dstopts ipv6-dstopts
dsync o-dsync
egd openssl-egd
eof veof
eol veol
eol2 veol2
erase verase
error so-error
excl o-excl
ext2-append fs-append
ext2-compr fs-compr
ext2-dirsync fs-dirsync
ext2-immutable fs-immutable
ext2-journal-data fs-journal-data
ext2-noatime fs-noatime
ext2-nodump fs-nodump
ext2-notail fs-notail
ext2-secrm fs-secrm
ext2-sync fs-sync
ext2-topdir fs-topdir
ext2-unrm fs-unrm
ext3-append fs-append
ext3-compr fs-compr
ext3-dirsync fs-dirsync
ext3-immutable fs-immutable
ext3-journal-data fs-journal-data
ext3-noatime fs-noatime
ext3-nodump fs-nodump
ext3-notail fs-notail
ext3-secrm fs-secrm
ext3-sync fs-sync
ext3-topdir fs-topdir
ext3-unrm fs-unrm
f-setlk f-setlk-wr
f-setlkw f-setlkw-wr
flock flock-ex
flock-nb flock-ex-nb
freebind ip-freebind
ftruncate ftruncate64
gid group
gid-e group-early
gid-l group-late
hdrincl ip-hdrincl
hoplimit ipv6-hoplimit
hopopts ipv6-hopopts
hosts-allow tcpwrap-hosts-allow-table
hosts-deny tcpwrap-hosts-deny-table
hup hupcl
if so-bindtodevice
ignoreof ignoreeof
igntc res-igntc
immutable fs-immutable
info tcp-info
interface so-bindtodevice
intervall interval
intr vintr
ioctl ioctl-void
ip-membership ip-add-membership
ipfreebind ip-freebind
iphdrincl ip-hdrincl
ipmtu ip-mtu
ipmtudiscover ip-mtu-discover
ipmulticastloop ip-multicast-loop
ipmulticastttl ip-multicast-ttl
ipoptions ip-options
ippktinfo ip-pktinfo
ippktoptions ip-pktoptions
iprecverr ip-recverr
iprecvopts ip-recvopts
iprecvtos ip-recvtos
iprecvttl ip-recvttl
ipretopts ip-retopts
iprouteralert ip-router-alert
iptos ip-tos
ipttl ip-ttl
ipv6-add-membership ipv6-join-group
ipv6only ipv6-v6only
join-group ipv6-join-group
journal fs-journal-data
journal-data fs-journal-data
keepalive so-keepalive
keepcnt tcp-keepcnt
keepidle tcp-keepidle
keepintvl tcp-keepintvl
key openssl-key
kill vkill
largefile o-largefile
libwrap tcpwrappers
linger so-linger
linger2 tcp-linger2
link symbolic-link
listen-timeout accept-timeout
lnext vlnext
lock f-setlkw-wr
lockw f-setlkw-wr
login dash
loopback iff-loopback
lseek lseek64-set
lseek32 lseek32-set
lseek64 lseek64-set
master iff-master
max-version openssl-max-proto-version
maxchildren max-children
maxseg tcp-maxseg
maxseg-late tcp-maxseg-late
membership ip-add-membership
min vmin
min-version openssl-min-proto-version
mode perm
mss tcp-maxseg
mss-late tcp-maxseg-late
mtu ip-mtu
mtudiscover ip-mtu-discover
multicast iff-multicast
multicast-if ip-multicast-if
multicast-loop ip-multicast-loop
multicast-ttl ip-multicast-ttl
multicastloop ip-multicast-loop
multicastttl ip-multicast-ttl
ndelay o-nonblock
new unlink-early
no-check so-no-check
no-pi iff-no-pi
no-sni openssl-no-sni
noarp iff-noarp
noatime o-noatime
nocheck so-no-check
noctty o-noctty
nodelay tcp-nodelay
nodump fs-nodump
nofollow o-nofollow
nonblock o-nonblock
nosni openssl-no-sni
notrailers iff-notrailers
o-append append
o-async async
o-creat o-create
o-ndelay o-nonblock
o_create o-create
o_direct o-direct
o_directory o-directory
o_dsync o-dsync
o_excl o-excl
o_largefile o-largefile
o_ndelay o-nonblock
o_noctty o-noctty
o_nofollow o-nofollow
o_rdonly o-rdonly
o_rdwr o-rdwr
o_rsync o-rsync
o_sync o-sync
o_wronly o-wronly
oobinline so-oobinline
openssl-dhparams openssl-dhparam
owner user
passcred so-passcred
peercred so-peercred
pf protocol-family
pgid setpgid
pktinfo ip-pktinfo
pktoptions ip-pktoptions
pktopts ip-pktoptions
pointopoint iff-pointopoint
portsel iff-portsel
priority so-priority
promisc iff-promisc
protocol so-protocol
prototype so-protocol
proxy-auth proxy-authorization
proxyauth proxy-authorization
proxyauthfile proxy-authorization-file
prterase echoprt
pseudo openssl-pseudo
pty-intervall pty-interval
quickack tcp-quickack
quit vquit
rawer termios-rawer
rcvbuf so-rcvbuf
rcvbuf-late so-rcvbuf-late
rcvlowat so-rcvlowat
rdonly o-rdonly
rdwr o-rdwr
recurse res-recurse
recvdstopts ipv6-recvdstopts
recverr ip-recverr
recvhoplimit ipv6-recvhoplimit
recvhopopts ipv6-recvhopopts
recvopts ip-recvopts
recvpktinfo ipv6-recvpktinfo
recvrthdr ipv6-recvrthdr
recvtos ip-recvtos
recvttl ip-recvttl
remove unlink
reprint vreprint
resolv proxy-resolve
resolve proxy-resolve
retopts ip-retopts
reuseaddr so-reuseaddr
reuseport so-reuseport
routeralert ip-router-alert
rprnt vreprint
rsync o-rsync
rthdr ipv6-rthdr
running iff-running
secrm fs-secrm
security-authentication so-security-authentication
security-encryption-network so-security-encryption-network
security-encryption-transport so-security-encryption-transport
securityauthentication so-security-authentication
securityencryptionnetwork so-security-encryption-network
securityencryptiontransport so-security-encryption-transport
seek lseek64-set
seek-cur lseek64-cur
seek-end lseek64-end
seek-set lseek64-set
setlk f-setlk-wr
setlk-rd f-setlk-rd
setlk-wr f-setlk-wr
setlkw f-setlkw-wr
setlkw-rd f-setlkw-rd
setlkw-wr f-setlkw-wr
sid setsid
slave iff-slave
sndbuf so-sndbuf
sndbuf-late so-sndbuf-late
sndlowat so-sndlowat
snihost openssl-snihost
so-prototype so-protocol
sockopt setsockopt
sockopt-bin setsockopt-bin
sockopt-int setsockopt-int
sockopt-listen setsockopt-listen
sockopt-string setsockopt-string
socktype so-type
sp sourceport
start vstart
stayopen res-stayopen
stop vstop
su substuser
su-d substuser-delayed
su-e substuser-early
susp vsusp
swtc vswtc
swtch vswtc
sync o-sync
syncnt tcp-syncnt
tandem ixoff
tcpwrap tcpwrappers
tcpwrap-dir tcpwrap-etc
tcpwrapper tcpwrappers
tightsocklen unix-tightsocklen
time vtime
timestamp so-timestamp
topdir fs-topdir
tos ip-tos
transparent ip-transparent
trunc o-trunc
truncate ftruncate64
ttl ip-ttl
tun-no-pi iff-no-pi
type so-type
uid user
uid-e user-early
uid-l user-late
unicast-hops ipv6-unicast-hops
unrm fs-unrm
up iff-up
usevc res-usevc
v6only ipv6-v6only
verify openssl-verify
wait-slave pty-wait-slave
waitslave pty-wait-slave
werase vwerase
window-clamp tcp-window-clamp
wrap tcpwrappers
wronly o-wronly
`;
/** An address type: how many `:` parameters it takes (a range for `tun`) and its option groups. */
export interface SocatAddressType {
  name: string;
  minParams: number;
  maxParams: number;
  groups: ReadonlySet<string>;
}

/** An address option: its value type (`BOOL`, `STRING`, `INT`, …) and the groups it applies to. */
export interface SocatOptionType {
  name: string;
  type: string;
  groups: ReadonlySet<string>;
}

function rows(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(' '));
}

function aliases(text: string): Map<string, string> {
  return new Map(rows(text).map(([a, b]) => [a, b] as [string, string]));
}

const addressTypes = new Map<string, SocatAddressType>(
  rows(ADDRESSES).map(([name, params, groups]) => {
    const [lo, hi] = params.split('-').map(Number);
    return [name, { name, minParams: lo, maxParams: hi ?? lo, groups: new Set(groups.split(',')) }];
  }),
);
const addressAliases = aliases(ADDRESS_ALIASES).set('fifo', 'pipe');
const optionTypes = new Map<string, SocatOptionType>(rows(OPTIONS).map(([name, type, groups]) => [name, { name, type, groups: new Set(groups.split(',')) }]));
const optionAliases = aliases(OPTION_ALIASES);

/**
 * The address type a keyword names (case-insensitive, aliases resolved), or undefined.
 *
 * @example
 * socatAddressType('UDP')?.name; // 'udp-connect'
 */
export function socatAddressType(keyword: string): SocatAddressType | undefined {
  const k = keyword.toLowerCase();
  return addressTypes.get(addressAliases.get(k) ?? k);
}

/**
 * The option an option name names (case-insensitive, aliases resolved), or undefined.
 *
 * @example
 * socatOptionType('sp')?.name; // 'sourceport'
 */
export function socatOptionType(name: string): SocatOptionType | undefined {
  const k = name.toLowerCase();
  return optionTypes.get(optionAliases.get(k) ?? k);
}
