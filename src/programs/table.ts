/**
 * Every program the simulator models, by name: the one table the simulator's executor
 * dispatches through. A program of the catalogue (src/exec/catalogue.ts) without an entry here
 * is "not modelled": the simulator reports its lines and skips them. Adding a program is one
 * entry here, with its module beside this file.
 */
import { runIp } from '../iproute2/ip.js';
import { runBridge } from '../iproute2/bridge.js';
import { runBrctl } from '../iproute2/brctl.js';
import type { Program } from '../exec/catalogue.js';
import type { SimProgram } from './program.js';
import { runPing } from './ping/index.js';
import { runArping } from './arping/index.js';
import { runSocat } from './socat/socat.js';
import { runSysctl } from './sysctl.js';

export const SIM_PROGRAMS: Readonly<Partial<Record<Program, SimProgram>>> = {
  ip: (ctx, argv) => runIp(ctx, argv),
  bridge: (ctx, argv) => runBridge(ctx, argv),
  brctl: (ctx, argv) => runBrctl(ctx, argv),
  sysctl: (ctx, argv) => runSysctl(ctx, argv),
  ping: (ctx, argv) => runPing(ctx, argv, ctx.sim),
  arping: (ctx, argv) => runArping(ctx, argv),
  socat: (ctx, argv) => runSocat(ctx, argv, ctx.sim, ctx.source),
};
