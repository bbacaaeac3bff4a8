/**
 * brctl is not installed on the reference machine: these expectations follow the source of
 * bridge-utils 1.5 (with 1.7.1's "never heard of command" fix), not an observation.
 */
import { describe, expect, it } from 'vitest';
import { freshLab, runLine } from './replay.js';

describe('brctl (modelled on bridge-utils source)', () => {
  it('adds, shows, enslaves and deletes a bridge', () => {
    const { ctx } = freshLab();
    expect(runLine(ctx, 'brctl addbr br0').exit).toBe(0);
    expect(runLine(ctx, 'brctl addbr br0')).toEqual({ exit: 1, stdout: '', stderr: "device br0 already exists; can't create bridge with the same name\n" });
    runLine(ctx, 'ip link add v0 type veth peer name v1');
    expect(runLine(ctx, 'brctl addif br0 v0').exit).toBe(0);
    expect(runLine(ctx, 'brctl addif br0 v0').stderr).toBe("device v0 is already a member of a bridge; can't enslave it to bridge br0.\n");
    expect(runLine(ctx, 'brctl addif br0 nosuch').stderr).toBe('interface nosuch does not exist!\n');
    expect(runLine(ctx, 'brctl addif nobr v1').stderr).toBe('bridge nobr does not exist!\n');
    expect(runLine(ctx, 'brctl addif br0 lo').stderr).toBe("can't add lo to bridge br0: Invalid argument\n");
    const mac = ctx.ns.linkByName('br0')!.mac.replace(/:/g, '');
    expect(runLine(ctx, 'brctl show').stdout).toBe(`bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr0\t\t8000.${mac}\tno\t\tv0\n`);
    expect(runLine(ctx, 'brctl stp br0 on').exit).toBe(0);
    expect(runLine(ctx, 'brctl stp br0 maybe')).toEqual({ exit: 1, stdout: '', stderr: 'expect on/off for argument\n' });
    expect(runLine(ctx, 'brctl delif br0 v1').stderr).toBe('device v1 is not a slave of br0\n');
    expect(runLine(ctx, 'brctl delif br0 v0').exit).toBe(0);
    runLine(ctx, 'ip link set br0 up');
    expect(runLine(ctx, 'brctl delbr br0').stderr).toBe("bridge br0 is still up; can't delete it\n");
    runLine(ctx, 'ip link set br0 down');
    expect(runLine(ctx, 'brctl delbr br0').exit).toBe(0);
    expect(runLine(ctx, 'brctl delbr br0').stderr).toBe("bridge br0 doesn't exist; can't delete it\n");
  });

  it('answers usage mistakes on stdout and stderr as brctl does', () => {
    const { ctx } = freshLab();
    const none = runLine(ctx, 'brctl');
    expect(none.exit).toBe(1);
    expect(none.stdout.startsWith('Usage: brctl [commands]\ncommands:\n\taddbr     \t<bridge>\t\tadd bridge\n')).toBe(true);
    expect(runLine(ctx, 'brctl addif br0')).toEqual({
      exit: 1,
      stdout: 'Incorrect number of arguments for command\nUsage: brctl addif <bridge> <device>\tadd interface to bridge\n',
      stderr: '',
    });
    expect(runLine(ctx, 'brctl frob').stderr).toBe('never heard of command [frob]\n');
    expect(runLine(ctx, 'brctl setageing br0 10').unsupported).toBe(true);
  });
});
