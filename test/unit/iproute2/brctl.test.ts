/**
 * Expectations observed with Debian's bridge-utils 1.7.1 (/usr/sbin/brctl) in a sandbox with
 * its own sysfs, as real mode runs it.
 */
import { describe, expect, it } from 'vitest';
import { freshLab, runLine } from './replay.js';

describe('brctl (observed: bridge-utils 1.7.1)', () => {
  it('adds, shows, enslaves and deletes a bridge', () => {
    const { ctx } = freshLab();
    expect(runLine(ctx, 'brctl addbr br0').exit).toBe(0);
    expect(runLine(ctx, 'brctl addbr br0')).toEqual({ exit: 1, stdout: '', stderr: "device br0 already exists; can't create bridge with the same name\n" });
    runLine(ctx, 'ip link add v0 type veth peer name v1');
    expect(runLine(ctx, 'brctl addif br0 v0').exit).toBe(0);
    expect(runLine(ctx, 'brctl addif br0 v0').stderr).toBe("device v0 is already a member of a bridge; can't add it to bridge br0.\n");
    expect(runLine(ctx, 'brctl addif br0 nosuch').stderr).toBe('interface nosuch does not exist!\n');
    expect(runLine(ctx, 'brctl addif nobr v1').stderr).toBe('bridge nobr does not exist!\n');
    expect(runLine(ctx, 'brctl addif br0 lo').stderr).toBe("can't add lo to bridge br0: Invalid argument\n");
    expect(runLine(ctx, 'brctl addif br0 br0').stderr).toBe("device br0 is a bridge device itself; can't add a bridge device to a bridge device.\n");
    const mac = ctx.ns.linkByName('br0')!.mac.replace(/:/g, '');
    expect(runLine(ctx, 'brctl show').stdout).toBe(`bridge name\tbridge id\t\tSTP enabled\tinterfaces\nbr0\t\t8000.${mac}\tno\t\tv0\n`);
    expect(runLine(ctx, 'brctl stp br0 on').exit).toBe(0);
    expect(runLine(ctx, 'brctl stp br0 maybe')).toEqual({ exit: 1, stdout: '', stderr: 'expect on/off for argument\n' });
    expect(runLine(ctx, 'brctl delif br0 v1').stderr).toBe('device v1 is not a port of br0\n');
    expect(runLine(ctx, 'brctl delif br0 v0').exit).toBe(0);
    runLine(ctx, 'ip link set br0 up');
    expect(runLine(ctx, 'brctl delbr br0').stderr).toBe("bridge br0 is still up; can't delete it\n");
    runLine(ctx, 'ip link set br0 down');
    expect(runLine(ctx, 'brctl delbr br0').exit).toBe(0);
    expect(runLine(ctx, 'brctl delbr br0').stderr).toBe("bridge br0 doesn't exist; can't delete it\n");
  });

  it('prints the header only with a bridge, zero ids for bridges that never had a port, names in byte order', () => {
    const { ctx } = freshLab();
    expect(runLine(ctx, 'brctl show')).toEqual({ exit: 0, stdout: '', stderr: '' });
    runLine(ctx, 'brctl addbr zz');
    runLine(ctx, 'brctl addbr aa');
    runLine(ctx, 'brctl addbr Ab');
    runLine(ctx, 'ip link add v9 type veth peer name v1');
    runLine(ctx, 'ip link add B2 type veth peer name a2');
    expect(runLine(ctx, 'brctl addif aa v9 v1 B2 a2').exit).toBe(0);
    const mac = ctx.ns.linkByName('aa')!.mac.replace(/:/g, '');
    const aa = `aa\t\t8000.${mac}\tno\t\tB2\n\t\t\t\t\t\t\ta2\n\t\t\t\t\t\t\tv1\n\t\t\t\t\t\t\tv9\n`;
    const header = 'bridge name\tbridge id\t\tSTP enabled\tinterfaces\n';
    expect(runLine(ctx, 'brctl show').stdout).toBe(`${header}Ab\t\t8000.000000000000\tno\t\t\n${aa}zz\t\t8000.000000000000\tno\t\t\n`);
    expect(runLine(ctx, 'brctl show nosuch')).toEqual({ exit: 1, stdout: '', stderr: 'bridge nosuch does not exist!\n' });
    expect(runLine(ctx, 'brctl show lo')).toEqual({ exit: 1, stdout: '', stderr: 'device lo is not a bridge!\n' });
    expect(runLine(ctx, 'brctl show nosuch aa')).toEqual({ exit: 1, stdout: header + aa, stderr: 'bridge nosuch does not exist!\n' });
    expect(runLine(ctx, 'brctl -V').stdout).toBe('bridge-utils, 1.7\n');
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
