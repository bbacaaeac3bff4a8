import { describe, expect, it } from 'vitest';
import { tcpdumpProblems } from '../../../../adapters/linux/real-pcap.js';

describe('run --real --pcap preconditions', () => {
  it('names the missing tcpdump and its package, nothing when it is there', () => {
    expect(tcpdumpProblems(() => null)).toEqual(['missing `tcpdump` (install the Debian package tcpdump): --real --pcap captures with it in the sandbox']);
    expect(tcpdumpProblems(() => '/usr/bin/tcpdump')).toEqual([]);
  });
});
