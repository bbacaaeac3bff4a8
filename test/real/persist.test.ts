/**
 * `--persist`: the one real-mode test that touches the machine's own named namespaces. It makes
 * only namespaces whose names carry a run prefix (never a link, address or route in the machine's
 * root namespace), and removes everything it made in afterAll, even when a test failed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { materialize } from '../../adapters/linux/materialize.js';
import { destroyRecorded, machineNamespaces, persistNames, recordedRuns } from '../../adapters/linux/persist.js';
import { PreconditionError } from '../../adapters/linux/preconditions.js';
import { k8sLab } from '../../src/lab.js';
import { projectRoot } from './cases.js';
import { describeReal, snapshotMachine } from './require-real.js';

const rootLinks = () => execFileSync('ip', ['-o', 'link'], { encoding: 'utf8' });

function cli(args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('persist names (no kernel)', () => {
  it('maps model paths to prefixed names of at most 15 bytes', () => {
    const m = persistNames(['h1', 'h1/NS1'], 'nt1-ab12-');
    expect([...m.values()]).toEqual(['nt1-ab12-h1', 'nt1-ab12-h1.NS1']);
    const long = persistNames(['node1', 'node1/pod1', '.infra'], 'nt1-ab12-');
    expect([...long.values()]).toEqual(['nt1-ab12-0', 'nt1-ab12-1', 'nt1-ab12-2']);
    for (const n of long.values()) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(15);
  });
});

describeReal(
  '--persist and destroy (the machine itself)',
  () => {
    let tmp = '';
    let statePath = '';
    let before = '';
    let namesBefore: string[] = [];
    /** a namespace made by hand for the collision test */
    const squatter = 'nt9-beef-0';

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
          if (!namesBefore.includes(n) && /^nt[19]-[0-9a-f]{4}-/.test(n)) spawnSync('ip', ['netns', 'del', n]);
        }
        fs.rmSync(tmp, { recursive: true, force: true });
      }
      expect(snapshotMachine()).toBe(before);
    });

    it('materializes into prefixed namespaces only, and destroy removes exactly them (twice is harmless)', async () => {
      const linksBefore = rootLinks();
      const real = await materialize(k8sLab({ nodes: 2, podsPerNode: 2 }), { persist: { statePath } });
      const prefix = real.run!.prefix;
      expect(prefix).toMatch(/^nt1-[0-9a-f]{4}-$/);
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
      expect(d1.stdout).toMatch(new RegExp(`^run ${prefix}: removed 7 namespace\\(s\\)`));
      expect(machineNamespaces()).toEqual(namesBefore);
      expect(snapshotMachine()).toBe(before);
      const d2 = cli(['destroy', '--state', statePath]);
      expect(d2.status).toBe(0);
      expect(d2.stdout).toMatch(/nothing to destroy/);
      await real.destroy(); // the handle's own destroy after the CLI's: harmless too
    });

    it('`nettwin run FILE --real --persist` shows the mapping, and `destroy` removes it', () => {
      const r = cli(['run', 'examples/seed/node1.sh', '--real', '--persist', '--state', statePath]);
      expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('nettwin: warning'))).toEqual([]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/the lab is now on this machine, in namespaces nt1-[0-9a-f]{4}-\*/);
      expect(r.stdout).toMatch(/^ {2}host -> nt1-[0-9a-f]{4}-\S+/m);
      expect(r.stdout).toMatch(/^ {2}host\/NS1 -> nt1-[0-9a-f]{4}-/m);
      const prefix = /namespaces (nt1-[0-9a-f]{4}-)\*/.exec(r.stdout)![1];
      expect(machineNamespaces().filter((n) => n.startsWith(prefix)).length).toBeGreaterThan(1);
      const d = cli(['destroy', '--state', statePath, '--json']);
      expect(d.status).toBe(0);
      expect(JSON.parse(d.stdout).runs[0].prefix).toBe(prefix);
      expect(machineNamespaces().filter((n) => n.startsWith(prefix))).toEqual([]);
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
      expect(again.stdout).toMatch(new RegExp(`^run ${prefix}: removed 0 namespace\\(s\\); already gone: `));
      expect(recordedRuns(statePath)).toEqual([]);
      await real.destroy();
      expect(snapshotMachine()).toBe(before);
    });

    it('refuses to run when a name it would use already exists', async () => {
      execFileSync('ip', ['netns', 'add', squatter]);
      try {
        await expect(materialize(k8sLab({ nodes: 1, podsPerNode: 1 }), { persist: { statePath, prefix: 'nt9-', id: 'beef' } })).rejects.toThrow(PreconditionError);
        expect(machineNamespaces().filter((n) => n.startsWith('nt9-beef-'))).toEqual([squatter]);
        expect(recordedRuns(statePath)).toEqual([]);
      } finally {
        spawnSync('ip', ['netns', 'del', squatter]);
      }
    });
  },
  { exclusive: true },
);
