/**
 * `type bridge` settings as br_changelink applies them: values converted through jiffies
 * (HZ=250), STP's ranges, multicast checks, a refused `ip link add` using up an ifindex, and
 * the priority in the bridge id. Every expectation was observed on kernel 6.18 / iproute2 6.1.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';

function run(script: string) {
  // the kernel they were observed on (built without VLAN filtering)
  return new Lab({ seed: 1, kernel: KERNEL_PROFILES['ci-6.18'] }).host('h').sh(script);
}

/** The `bridge …` details of `ip -d link show DEV`, from forward_delay to nf_call_arptables. */
function details(stdout: string): string {
  return /bridge (forward_delay.*nf_call_arptables \d+)/.exec(stdout)?.[1] ?? '';
}

describe('bridge settings (br_changelink)', () => {
  it('accepts and shows the common options (the tutorial line: mcast_snooping 1 mcast_router 2)', () => {
    const s = run('ip link add br1 type bridge mcast_snooping 1 mcast_router 2\nip -d link show br1');
    expect(s[0]).toMatchObject({ exit: 0, stderr: '', supported: true });
    expect(details(s[1].stdout)).toBe(
      'forward_delay 1500 hello_time 200 max_age 2000 ageing_time 30000 stp_state 0 priority 32768 vlan_filtering 0 bridge_id 8000.0:0:0:0:0:0 designated_root 8000.0:0:0:0:0:0 root_port 0 root_path_cost 0 topology_change 0 topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 topology_change_timer    0.00 gc_timer    0.00 group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 2 mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 mcast_last_member_interval 100 mcast_membership_interval 26000 mcast_querier_interval 25500 mcast_query_interval 12500 mcast_query_response_interval 1000 mcast_startup_query_interval 3124 mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 nf_call_iptables 0 nf_call_ip6tables 0 nf_call_arptables 0',
    );
  });

  it('stores every setting the kernel keeps, converted as the kernel converts it', () => {
    const s = run(
      'ip link add br0 type bridge mcast_snooping 0 mcast_router 2 stp_state 1 forward_delay 400 hello_time 150 max_age 1000 ageing_time 1001 priority 100 group_fwd_mask 0x4000 no_linklocal_learn 1 mcast_query_use_ifaddr 1 mcast_querier 5 mcast_hash_elasticity 3 mcast_hash_max 512 mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 199 mcast_membership_interval 20000 mcast_querier_interval 20000 mcast_query_interval 1 mcast_query_response_interval 500 mcast_startup_query_interval 100000000 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 nf_call_iptables 1 nf_call_ip6tables 1 nf_call_arptables 1 vlan_default_pvid 5 vlan_protocol 802.1ad group_address 01:80:c2:00:00:0e fdb_flush\nip -d link show br0',
    );
    expect(s[0].exit).toBe(0);
    const d = details(s[1].stdout);
    // odd centiseconds lose one going through jiffies; the query intervals are clamped to 1 s .. 1 day
    expect(d).toContain('forward_delay 400 hello_time 150 max_age 1000 ageing_time 1000 stp_state 1 priority 100 ');
    expect(d).toContain('bridge_id 0064.0:0:0:0:0:0 designated_root 0064.0:0:0:0:0:0 ');
    expect(d).toContain('group_fwd_mask 0x4000 group_address 01:80:c2:00:00:0e mcast_snooping 0 no_linklocal_learn 1 ');
    expect(d).toContain('mcast_router 2 mcast_query_use_ifaddr 1 mcast_querier 1 mcast_hash_elasticity 16 mcast_hash_max 512 ');
    expect(d).toContain('mcast_last_member_interval 198 mcast_membership_interval 20000 mcast_querier_interval 20000 mcast_query_interval 100 ');
    expect(d).toContain('mcast_startup_query_interval 8640000 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 nf_call_iptables 1');
  });

  it('refuses out-of-range values with the kernel errors, and the refused bridge uses up its ifindex', () => {
    const s = run(
      [
        'ip link add brx type bridge mcast_router 3 hello_time 1',
        'ip link add bry type bridge group_fwd_mask 1',
        'ip link add bry type bridge mcast_igmp_version 9',
        'ip link add bry type bridge mcast_vlan_snooping 1',
        'ip link add bry type bridge priority 7 vlan_filtering 0',
        'ip link add bry type bridge group_address 01:80:c2:00:00:01',
        'ip link add ok type bridge',
        'ip -o link show ok',
      ].join('\n'),
    );
    expect(s.slice(0, 6).map((x) => x.stderr)).toEqual([
      'RTNETLINK answers: Numerical result out of range\n',
      'RTNETLINK answers: Invalid argument\n',
      'RTNETLINK answers: Invalid argument\n',
      'Error: bridge: Cannot enable multicast vlan snooping with vlan filtering disabled.\n',
      'RTNETLINK answers: Operation not supported\n',
      'RTNETLINK answers: Invalid argument\n',
    ]);
    expect(s.slice(0, 6).every((x) => x.exit === 2)).toBe(true);
    expect(s[7].stdout.startsWith('8: ok: ')).toBe(true);
  });

  it('checks forward_delay against STP only while STP runs, and clamps it when STP starts', () => {
    const s = run(
      [
        'ip link add ok type bridge',
        'ip link set ok type bridge priority 5 ageing_time 500 mcast_router 9',
        'ip link set ok type bridge stp_state 1 forward_delay 100',
        'ip link set ok type bridge forward_delay 3100',
        'ip link set ok type bridge forward_delay 201',
        'ip link set ok type bridge stp_state 0 forward_delay 100',
        'ip -d link show ok',
        'brctl show ok',
      ].join('\n'),
    );
    expect(s.slice(1, 6).map((x) => x.exit)).toEqual([2, 0, 2, 0, 2]);
    const d = details(s[6].stdout);
    // settings before the refused one stay (priority, ageing_time)
    expect(d).toContain('forward_delay 200 hello_time 200 max_age 2000 ageing_time 500 stp_state 1 priority 5 ');
    expect(s[7].stdout).toBe('bridge name\tbridge id\t\tSTP enabled\tinterfaces\nok\t\t0005.000000000000\tyes\t\t\n');
  });
});
