/**
 * `--persist`, `ls`, `exec` and `destroy`: the one real-mode test that touches the machine's own
 * named namespaces. It makes only namespaces whose names carry a lab's prefix (never a link,
 * address or route in the machine's root namespace), and removes everything it made in
 * afterAll, even when a test failed; each test checks that the machine is as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { materialize } from '../../adapters/linux/materialize.js';
import { destroyRecorded, machineNamespaces, recordedRuns } from '../../adapters/linux/persist.js';
import { PersistClash } from '../../adapters/linux/persist.js';
import { k8sLab } from '../../src/lab.js';
import { projectRoot } from './cases.js';
import { describeReal, snapshotMachine } from './require-real.js';

const rootLinks = () => execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' });

function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describeReal(
  '--persist and destroy (the machine itself)',
  () => {
    let tmp = '';
    let statePath = '';
    let before = '';
    let namesBefore: string[] = [];
    /** a namespace made by hand for the collision test */
    const squatter = 'nt-beef-0';

    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-persist-'));
      statePath = path.join(tmp, 'state.json');
      before = snapshotMachine();
      namesBefore = machineNamespaces();
    });

    afterAll(() => {
      // whatever happened: every recorded run goes, then any prefixed namespace this file made
      try {
        destroyRecorded({ statePath });
      } finally {
        for (const n of machineNamespaces()) {
          if (!namesBefore.includes(n) && /^nt-[a-z][a-z0-9]{0,5}-/.test(n)) spawnSync('ip', ['netns', 'del', n]);
        }
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      expect(snapshotMachine()).toBe(before);
    });

    it('materializes into prefixed namespaces only, and destroy removes exactly them (twice is harmless)', async () => {
      const linksBefore = rootLinks();
      const real = await materialize(k8sLab({ nodes: 2, podsPerNode: 2 }), { persist: { statePath } });
      const prefix = real.run!.prefix;
      expect(prefix).toMatch(/^nt-x[0-9a-f]{3}-$/);
      const made = machineNamespaces().filter((n) => !namesBefore.includes(n));
      expect(made.sort()).toEqual([...real.mapping.values()].sort());
      for (const n of made) {
        expect(n.startsWith(prefix)).toBe(true);
        expect(Buffer.byteLength(n)).toBeLessThanOrEqual(15);
      }
      // nothing in the machine's root namespace
      expect(rootLinks()).toBe(linksBefore);
      expect(recordedRuns(statePath).map((r) => r.prefix)).toEqual([prefix]);
      expect((await real.ping('node1/pod1', '10.244.2.3')).received).toBe(1);
      expect(execFileSync('ip', ['-n', real.mapping.get('node1/pod1')!, '-br', 'addr', 'show', 'dev', 'eth0'], { encoding: 'utf8' })).toMatch(/10\.244\.1\.2\/24/);

      const d1 = cli(['destroy', '--state', statePath]);
      expect(d1.stderr).toBe('');
      expect(d1.status).toBe(0);
      expect(d1.stdout).toMatch(new RegExp(`^lab ${real.run!.id} \\(${prefix}\\*\\): removed 7 namespace\\(s\\)`));
      expect(machineNamespaces()).toEqual(namesBefore);
      expect(snapshotMachine()).toBe(before);
      const d2 = cli(['destroy', '--state', statePath]);
      expect(d2.status).toBe(0);
      expect(d2.stdout).toMatch(/nothing to destroy/);
      await real.destroy(); // the handle's own destroy after the CLI's: harmless too
    });

    it('`run LAB --persist` (no --real needed): ls lists it, exec runs checked commands in its namespaces, destroy LAB removes it', () => {
      const linksBefore = rootLinks();
      const r = cli(['run', 'examples/seed/lab-fixed-routes.yaml', '--persist', '--state', statePath]);
      expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('nettwin: warning'))).toEqual([]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('nettwin: lab seedr is now on this machine, in namespaces nt-seedr-*:\n');
      expect(r.stdout).toMatch(/^ {2}node1 +-> nt-seedr-node1$/m);
      expect(r.stdout).toMatch(/^ {2}node1\/NS1 +-> nt-seedr-n1-NS1$/m);
      expect(r.stdout).toContain('nettwin exec seedr node1/NS1');
      const made = machineNamespaces().filter((n) => !namesBefore.includes(n));
      expect(made.every((n) => n.startsWith('nt-seedr-') && Buffer.byteLength(n) <= 15)).toBe(true);
      expect(made.sort()).toEqual(['nt-seedr-n1-NS1', 'nt-seedr-n1-NS2', 'nt-seedr-n2-NS1', 'nt-seedr-n2-NS2', 'nt-seedr-node1', 'nt-seedr-node2']);
      expect(rootLinks()).toBe(linksBefore);

      // the same name again while it is there: refused, nothing made
      const again = cli(['run', 'examples/seed/lab-fixed-routes.yaml', '--persist', '--state', statePath]);
      expect(again.status).toBe(2);
      expect(again.stderr).toBe('nettwin: lab "seedr" is persisted already (nettwin ls); remove it with nettwin destroy seedr, or give another --name\n');

      const ls = cli(['ls', '--state', statePath]);
      expect(ls.status).toBe(0);
      expect(ls.stdout).toMatch(/^seedr {2}6 namespace\(s\), since \S+, from examples\/seed\/lab-fixed-routes\.yaml\n/);
      expect(ls.stdout).toMatch(/^ {2}node2\/NS2 +nt-seedr-n2-NS2$/m);
      const json = JSON.parse(cli(['ls', '--state', statePath, '--json']).stdout);
      expect(json.labs.map((l: { lab: string }) => l.lab)).toEqual(['seedr']);
      expect(json.labs[0].namespaces.every((n: { state: string }) => n.state === 'present')).toBe(true);

      // exec: argv in the namespace named by HOST/NS, the command's own exit status
      const addr = cli(['exec', 'seedr', 'node1/NS1', '--state', statePath, '--', 'ip', '-br', 'addr', 'show', 'dev', 'veth11']);
      expect(addr.stderr).toBe('');
      expect(addr.status).toBe(0);
      expect(addr.stdout).toMatch(/^veth11@if\d+ +UP +172\.16\.0\.2\/24 /);
      const ping = cli(['exec', 'seedr', 'node1/NS1', '--state', statePath, '--', 'ping', '-c', '1', '-W', '1', '172.16.1.2']);
      expect(ping.status).toBe(0);
      expect(ping.stdout).toContain('1 packets transmitted, 1 received');
      expect(cli(['exec', 'seedr', 'node1/NS1', '--state', statePath, '--', 'ip', 'link', 'show', 'nope']).status).toBe(1);
      const refusals: [string[], RegExp][] = [
        [['NS1', '--', 'ip', 'link'], /^nettwin exec: lab seedr: namespace "NS1" is on several hosts \(node1\/NS1, node2\/NS1\): say which, as HOST\/NS1\n$/],
        [['node1/NS9', '--', 'ip', 'link'], /^nettwin exec: lab seedr: unknown namespace "node1\/NS9" \(did you mean node1\/NS1 or node1\/NS2\?\)\n$/],
        [['node1/NS1', '--', 'ip', 'netns', 'exec', 'nt-seedr-node2', 'ip', 'link'], /^nettwin exec: the namespace is HOST\/NS, not ip netns exec/],
        [['node1/NS1', '--', 'ip', '-n', 'nt-seedr-node2', 'link'], /^nettwin exec: refused: ip option -n/],
        [['node1/NS1', '--', 'touch', join(tmp, 'should-not-exist')], /^nettwin exec: not something nettwin runs: /],
      ];
      for (const [args, why] of refusals) {
        const x = cli(['exec', 'seedr', ...args.slice(0, 1), '--state', statePath, ...args.slice(1)]);
        expect(x.status, args.join(' ')).toBe(2);
        expect(x.stderr, args.join(' ')).toMatch(why);
      }
      expect(fs.existsSync(join(tmp, 'should-not-exist'))).toBe(false);
      expect(cli(['exec', 'nosuch', 'node1', '--state', statePath, '--', 'ip', 'link']).stderr).toBe('nettwin exec: no persisted lab "nosuch" (there are: seedr)\n');

      const d = cli(['destroy', 'seedr', '--state', statePath, '--json']);
      expect(d.status).toBe(0);
      expect(JSON.parse(d.stdout).runs[0]).toMatchObject({ id: 'seedr', prefix: 'nt-seedr-' });
      expect(machineNamespaces()).toEqual(namesBefore);
      expect(cli(['ls', '--state', statePath]).stdout).toBe(`no persisted lab (none recorded in ${statePath})\n`);
      expect(cli(['destroy', 'seedr', '--state', statePath]).stdout).toBe(`nettwin: nothing to destroy (no lab "seedr" recorded in ${statePath}; nettwin ls lists them)\n`);
      expect(snapshotMachine()).toBe(before);
    });

    it("records each namespace's identity; a state file tampered after creation deletes nothing it cannot prove", async () => {
      const real = await materialize(k8sLab({ nodes: 1, podsPerNode: 2 }), { persist: { statePath } });
      const prefix = real.run!.prefix;
      const names = [...real.mapping.values()];
      const recorded = recordedRuns(statePath).find((r) => r.prefix === prefix)!;
      expect(Object.keys(recorded.inodes ?? {}).sort()).toEqual([...names].sort());
      for (const n of names) {
        const st = fs.statSync(`/run/netns/${n}`, { bigint: true });
        expect(recorded.inodes![n]).toEqual({ dev: String(st.dev), ino: String(st.ino), ctime: String(st.ctimeNs) });
      }
      // one recorded inode changed by hand; one namespace deleted and made again under its name
      const [changed, remade] = names.slice(-2);
      const s = JSON.parse(fs.readFileSync(statePath, 'utf8')) as { runs: { prefix: string; inodes: Record<string, { ino: string }> }[] };
      const run = s.runs.find((r) => r.prefix === prefix)!;
      run.inodes[changed].ino = String(BigInt(run.inodes[changed].ino) + 1n);
      fs.writeFileSync(statePath, JSON.stringify(s));
      execFileSync('ip', ['netns', 'del', remade]);
      execFileSync('ip', ['netns', 'add', remade]);
      const d = cli(['destroy', '--state', statePath]);
      expect(d.status).toBe(1);
      expect(d.stdout).toContain(`could not remove ${changed}: not the namespace run ${prefix} made`);
      expect(d.stdout).toContain(`could not remove ${remade}: not the namespace run ${prefix} made`);
      expect(
        machineNamespaces()
          .filter((n) => n.startsWith(prefix))
          .sort(),
      ).toEqual([changed, remade].sort());
      // still recorded, so nothing is forgotten; once they are gone by hand, destroy forgets the run
      expect(recordedRuns(statePath).map((r) => r.prefix)).toEqual([prefix]);
      execFileSync('ip', ['netns', 'del', changed]);
      execFileSync('ip', ['netns', 'del', remade]);
      const again = cli(['destroy', '--state', statePath]);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(new RegExp(`^lab ${real.run!.id} \\(${prefix}\\*\\): removed 0 namespace\\(s\\); already gone: `));
      expect(recordedRuns(statePath)).toEqual([]);
      await real.destroy();
      expect(snapshotMachine()).toBe(before);
    });

    it('refuses to run when a name it would use already exists', async () => {
      execFileSync('ip', ['netns', 'add', squatter]);
      try {
        await expect(materialize(k8sLab({ nodes: 1, podsPerNode: 1 }), { persist: { statePath, lab: 'beef' } })).rejects.toThrow(PersistClash);
        expect(machineNamespaces().filter((n) => n.startsWith('nt-beef-'))).toEqual([squatter]);
        expect(recordedRuns(statePath)).toEqual([]);
      } finally {
        spawnSync('ip', ['netns', 'del', squatter]);
      }
    });
  },
  { exclusive: true },
);
