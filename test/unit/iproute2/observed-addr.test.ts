/**
 * `ip address` add/change/replace/delete/flush and its selectors.
 * Every expectation below was observed on iproute2 6.1 / kernel 6.18 in the sandbox
 * (test/tools/sbx, a fresh network namespace per sequence). Steps without an expectation
 * are show commands (the renderers' tests cover them) or follow from an unsupported step.
 */
import { describe, it } from 'vitest';
import { replay, type Step } from './replay.js';

describe('addr (observed on iproute2 6.1 / kernel 6.18)', () => {
  it('sequence 1: ip link add v0 type veth peer name v1 …', () => {
    const steps: Step[] = [
      ['ip link add v0 type veth peer name v1', 0, ''],
      ['ip addr add 10.0.0.1/24 dev v0', 0, ''],
      ['ip addr add 10.0.0.1/24 dev v0', 2, 'Error: ipv4: Address already assigned.\n'],
      ['ip addr add 10.0.0.2/24 dev v0', 0, ''],
      ['ip addr add 10.0.0.3/24 brd + dev v0', 0, ''],
      ['ip addr add 10.0.1.1/24 brd + dev v0', 0, ''],
      ['ip addr add 10.0.2.1/24 brd - dev v0', 0, ''],
      ['ip addr add 10.0.3.1/24 broadcast 10.0.3.200 dev v0', 0, ''],
      ['ip addr add 10.0.4.1/31 brd + dev v0', 0, ''],
      ['ip addr add 10.0.5.1/24 brd + brd + dev v0', 255, 'Error: duplicate "broadcast": "+" is the second value.\n'],
      ['ip addr add 10.0.6.1/24 label v0:x dev v0', 0, ''],
      ['ip addr add 10.0.7.1/24 scope link dev v0', 0, ''],
      ['ip addr add 10.0.8.1/24 scope foo dev v0', 255, 'Error: argument "foo" is wrong: invalid scope value.\n'],
      ['ip addr add 10.0.9.1/24 metric 10 dev v0', 0, ''],
      ['ip addr add 10.0.10.1/24 metric x dev v0', 255, 'Error: argument "x" is wrong: "metric" value is invalid\n\n'],
      ['ip addr add 10.0.11.1 dev v0', 0, ''],
      ['ip addr add 10.0.12.1/255.255.255.0 dev v0', 0, ''],
      ['ip addr add 10.0.13.1/255.0.255.0 dev v0', 1, 'Error: any valid prefix is expected rather than "10.0.13.1/255.0.255.0".\n'],
      ['ip addr add local 10.0.14.1/24 dev v0', 0, ''],
      ['ip addr add 10.0.15.1/24 peer 10.0.15.2 dev v0', 0, ''],
      ['ip addr add 10.0.16.1 peer 10.0.16.2/24 dev v0', 0, ''],
      ['ip addr add 10.0.17.1/24 dev v0 noprefixroute', 0, ''],
      ['ip addr add 10.0.18.1/24 dev v0 valid_lft forever preferred_lft forever', 0, ''],
      ['ip addr add 10.0.19.1/24 dev v0 valid_lft 0', 1, 'valid_lft is zero\n'],
      ['ip addr add 10.0.20.1/24 dev v0 valid_lft 10 preferred_lft 20', 1, 'preferred_lft is greater than valid_lft\n'],
      ['ip addr add 10.0.21.1/24 10.0.22.1/24 dev v0', 255, 'Error: either "local" is duplicate, or "10.0.22.1/24" is a garbage.\n'],
      ['ip addr add 10.0.23.1/24 dev', 255, 'Command line is not complete. Try option "help"\n'],
      ['ip addr add 2001:db8::1/64 dev v0', 0, ''],
      ['ip addr add 172.16.1..2/24 dev v0', 1, 'Error: any valid prefix is expected rather than "172.16.1..2/24".\n'],
      ['ip addr add 10.0.24.0/24 dev v0', 0, ''],
      ['ip addr add 127.0.0.2/8 dev v0', 0, ''],
      ['ip -4 addr add 10.0.25.1/24 dev v0', 0, ''],
      ['ip -6 addr add 10.0.26.1/24 dev v0', 1, 'Error: inet6 prefix is expected rather than "10.0.26.1/24".\n'],
      ['ip addr change 10.0.27.1/24 dev v0', 0, ''],
      ['ip addr replace 10.0.28.1/24 dev v0', 0, ''],
      ['ip addr replace 10.0.28.1/24 dev v0 scope link', 0, ''],
      ['ip addr chg 10.0.28.1/24 dev v0 scope global', 0, ''],
      ['ip -j addr show dev v0'],
      ['ip addr show dev v0'],
      ['ip addr del 10.0.0.2/24 dev v0', 0, ''],
      ['ip addr del 10.0.0.9/24 dev v0', 2, 'Error: ipv4: Address not found.\n'],
      [
        'ip addr del 10.0.11.1 dev v0',
        0,
        'Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (10.0.11.1/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n',
      ],
      [
        'ip addr del 10.0.12.1 dev v0',
        0,
        'Warning: Executing wildcard deletion to stay compatible with old scripts.\n         Explicitly specify the prefix length (10.0.12.1/32) to avoid this warning.\n         This special behaviour is likely to disappear in further releases,\n         fix your scripts!\n',
      ],
      ['ip addr del dev v0', 2, 'RTNETLINK answers: Operation not supported\n'],
      ['ip addr del 10.0.0.1/24', 1, 'Not enough information: "dev" argument is required.\n'],
      ['ip a s v0'],
      ['ip addr show label v0:x'],
      ['ip addr show scope link'],
      ['ip addr show to 10.0.0.0/8'],
      ['ip addr show primary'],
      ['ip addr show secondary'],
      ['ip addr show up'],
      ['ip addr show dev nosuch', 1, 'Device "nosuch" does not exist.\n'],
      ['ip addr show v0 v1', 255, 'Error: either "dev" is duplicate, or "v1" is a garbage.\n'],
      ['ip addr flush', 1, 'Flush requires arguments.\n'],
      ['ip addr flush dev nosuch', 1, 'Device "nosuch" does not exist.\n'],
      ['ip addr flush dev v0 scope link', 0, ''],
      ['ip addr flush dev v0 to 10.0.9.0/24', 0, ''],
      ['ip addr flush dev v0', 0, ''],
      ['ip addr show dev v0'],
      ['ip -0 addr flush dev v0', 1, 'Cannot flush link addresses.\n'],
      ['ip addr flush label foo', 'unsupported'],
      ['ip addr foo', 255, 'Command "foo" is unknown, try "ip address help".\n'],
      [
        'ip addr help',
        255,
        'Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n                                                      [ CONFFLAG-LIST ]\n       ip address del IFADDR dev IFNAME [mngtmpaddr]\n       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]\n                         [ nomaster ]\n                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]\n                         [ label LABEL ] [up] [ vrf NAME ] ]\n       ip address {showdump|restore}\nIFADDR := PREFIX | ADDR peer PREFIX\n          [ broadcast ADDR ] [ anycast ADDR ]\n          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\nSCOPE-ID := [ host | link | global | NUMBER ]\nFLAG-LIST := [ FLAG-LIST ] FLAG\nFLAG  := [ permanent | dynamic | secondary | primary |\n           [-]tentative | [-]deprecated | [-]dadfailed | temporary |\n           CONFFLAG-LIST ]\nCONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\nCONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]\nLIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]\nLFT := forever | SECONDS\nTYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n          ipip | ipoib | ipvlan | ipvtap |\n          macsec | macvlan | macvtap |\n          netdevsim | nlmon | rmnet | sit | team | team_slave |\n          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n          xfrm | virt_wifi }\n',
      ],
    ];
    replay(steps);
  });
});
