/**
 * `ip maddr`'s words where the kernel comparisons do not reach: its argument errors (as
 * iproute2 6.1 prints them) and what is reported as not modelled.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const run = (script: string) => new Lab({ seed: 1 }).host('h').sh(script);

describe('ip maddr', () => {
  it('refuses a second device and an unknown command in iproute2 words', () => {
    const s = run('ip maddr show dev lo dev lo\nip maddr foo\nip maddr show dev');
    expect(s.map((x) => [x.exit, x.stderr])).toEqual([
      [255, 'Error: either "dev" is duplicate, or "lo" is a garbage.\n'],
      [255, 'Command "foo" is unknown, try "ip maddr help".\n'],
      [255, 'Command line is not complete. Try option "help"\n'],
    ]);
  });

  it('reports what it does not model', () => {
    const s = run('ip maddr add 33:33:00:00:00:07 dev lo\nip -j maddr\nsysctl -qw net.ipv6.conf.all.forwarding=1\nip maddr show dev lo\nip -o maddr');
    expect(s.map((x) => x.supported)).toEqual([false, false, true, false, false]);
  });
});
