/**
 * The lower twin: a lab's model, its simulator and the runner of scripts on it, with nothing
 * of the public facade. Lab files, presets, graphs, the testing arbitraries, verify and the
 * Linux adapter build on this; `Lab` (src/lab.ts) wraps it for the public API and the CLI.
 *
 * @example
 * const twin = new Twin();
 * twin.run('node1', 'ip netns add NS1\nip netns list')[1].stdout; // "NS1\n"
 */
import { LabModel, type LabModelOptions } from '../model/lab-model.js';
import type { Host } from '../model/host.js';
import { Simulator } from '../../sim/simulator.js';
import { addrconfPort } from '../../sim/ipv6/addrconf-timers.js';
import type { Step } from '../exec/step.js';
import { runScriptSim } from './sim-executor.js';

/** How a script is run: its file name for the steps, variables set before it starts, and where its lines are in that file. */
export interface TwinRunOptions {
  file?: string;
  env?: Record<string, string>;
  /** the line a command of this script has in its file, when the script is part of one (lab files) */
  lineOf?: (line: number) => number;
  /** `source FILE`: the text of a file beside the script (see ShellOptions.readSource) */
  readSource?: (name: string) => { text: string } | { error: string };
}

export class Twin {
  readonly model: LabModel;
  private simulator: Simulator | null = null;

  constructor(model: LabModel | LabModelOptions = {}) {
    this.model = model instanceof LabModel ? model : new LabModel(model);
  }

  /** The simulator of this lab (neighbour caches, FDBs and the clock persist across calls). */
  get sim(): Simulator {
    if (!this.simulator) {
      this.simulator = new Simulator(this.model, { netfilter: 'model' });
      // addrconf's timers and packets (DAD, router solicitations, lifetimes) run on this clock
      this.model.inet6Port = addrconfPort(this.simulator);
    }
    return this.simulator;
  }

  /** A host by name, created on first use with `lo` up, as a machine boots. */
  host(name = 'host'): Host {
    return this.model.addHost(name);
  }

  /** Runs a shell script on a host (created on first use), one Step per command. */
  run(host: string | Host, script: string, opts: TwinRunOptions = {}): Step[] {
    const h = typeof host === 'string' ? this.host(host) : host;
    return runScriptSim(h, script, { file: opts.file ?? '<script>', host: h.name, env: opts.env, sim: this.sim, lineOf: opts.lineOf, readSource: opts.readSource });
  }
}
