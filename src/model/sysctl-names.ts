/**
 * What /proc/sys/net/ipv4 holds in a network namespace other than the machine's first one, on
 * the reference kernel (6.18, `ls /proc/sys/net/ipv4` in a sandbox). A name outside this list
 * is "cannot stat … No such file or directory" for sysctl; a name in it that the model does not
 * hold is reported as not modelled, never guessed.
 */

/** Entries of /proc/sys/net/ipv4 that are directories. */
export const IPV4_SYSCTL_DIRS: ReadonlySet<string> = new Set(['conf', 'neigh', 'route']);

/** Every entry of /proc/sys/net/ipv4 (files and directories). */
export const IPV4_SYSCTL_NAMES: ReadonlySet<string> = new Set(
  `conf fib_multipath_hash_fields fib_multipath_hash_policy fib_multipath_hash_seed fib_multipath_use_neigh
fib_notify_on_flag_change fwmark_reflect icmp_echo_enable_probe icmp_echo_ignore_all icmp_echo_ignore_broadcasts
icmp_errors_use_inbound_ifaddr icmp_ignore_bogus_error_responses icmp_msgs_burst icmp_msgs_per_sec icmp_ratelimit
icmp_ratemask igmp_link_local_mcast_reports igmp_max_memberships igmp_max_msf igmp_qrv ip_autobind_reuse
ip_default_ttl ip_dynaddr ip_early_demux ip_forward ip_forward_update_priority ip_forward_use_pmtu
ip_local_port_range ip_local_reserved_ports ip_no_pmtu_disc ip_nonlocal_bind ip_unprivileged_port_start
ipfrag_high_thresh ipfrag_low_thresh ipfrag_max_dist ipfrag_time neigh nexthop_compat_mode ping_group_range
raw_l3mdev_accept route tcp_abort_on_overflow tcp_adv_win_scale tcp_allowed_congestion_control tcp_app_win
tcp_autocorking tcp_available_congestion_control tcp_backlog_ack_defer tcp_base_mss tcp_challenge_ack_limit
tcp_child_ehash_entries tcp_comp_sack_delay_ns tcp_comp_sack_nr tcp_comp_sack_slack_ns tcp_congestion_control
tcp_dsack tcp_early_demux tcp_early_retrans tcp_ecn tcp_ecn_fallback tcp_ecn_option tcp_ecn_option_beacon
tcp_ehash_entries tcp_fack tcp_fastopen tcp_fastopen_blackhole_timeout_sec tcp_fastopen_key tcp_fin_timeout
tcp_frto tcp_fwmark_accept tcp_invalid_ratelimit tcp_keepalive_intvl tcp_keepalive_probes tcp_keepalive_time
tcp_l3mdev_accept tcp_limit_output_bytes tcp_max_reordering tcp_max_syn_backlog tcp_max_tw_buckets
tcp_migrate_req tcp_min_rtt_wlen tcp_min_snd_mss tcp_min_tso_segs tcp_moderate_rcvbuf tcp_mtu_probe_floor
tcp_mtu_probing tcp_no_metrics_save tcp_no_ssthresh_metrics_save tcp_notsent_lowat tcp_orphan_retries
tcp_pacing_ca_ratio tcp_pacing_ss_ratio tcp_pingpong_thresh tcp_plb_cong_thresh tcp_plb_enabled
tcp_plb_idle_rehash_rounds tcp_plb_rehash_rounds tcp_plb_suspend_rto_sec tcp_probe_interval tcp_probe_threshold
tcp_recovery tcp_reflect_tos tcp_reordering tcp_retrans_collapse tcp_retries1 tcp_retries2 tcp_rfc1337 tcp_rmem
tcp_rto_max_ms tcp_rto_min_us tcp_sack tcp_shrink_window tcp_slow_start_after_idle tcp_stdurg
tcp_syn_linear_timeouts tcp_syn_retries tcp_synack_retries tcp_syncookies tcp_thin_linear_timeouts
tcp_timestamps tcp_tso_rtt_log tcp_tso_win_divisor tcp_tw_reuse tcp_tw_reuse_delay tcp_window_scaling tcp_wmem
tcp_workaround_signed_windows udp_child_hash_entries udp_early_demux udp_hash_entries udp_l3mdev_accept
udp_rmem_min udp_wmem_min xfrm4_gc_thresh`.split(/\s+/),
);
