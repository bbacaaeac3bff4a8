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
import { runTracepath } from './tracepath.js';
import { runTraceroute } from './traceroute/index.js';
import { runDate } from './date.js';
import { runSocat } from './socat/socat.js';
import { runSysctl } from './sysctl.js';
import { runIptables } from './iptables/iptables.js';
import { runIptablesRestore } from './iptables/restore.js';
import { runIptablesSave } from './iptables/save.js';
import { runConntrack } from './conntrack/conntrack.js';
import { runNft } from './nft/nft.js';
import { runRa6 } from './ra6/index.js';
import { runIfconfig } from './ifconfig.js';
import { runNc } from './l4/nc.js';
import { runCurl } from './l4/curl.js';
import { runPython3 } from './l4/http-server.js';
import { runSs } from './l4/ss.js';
import { runTc } from './tc/index.js';
import { runRoute } from './route.js';
import { runEthtool } from './ethtool/index.js';

export const SIM_PROGRAMS: Readonly<Partial<Record<Program, SimProgram>>> = {
  ip: (ctx, argv) => runIp(ctx, argv),
  bridge: (ctx, argv) => runBridge(ctx, argv),
  brctl: (ctx, argv) => runBrctl(ctx, argv),
  sysctl: (ctx, argv) => runSysctl(ctx, argv),
  ping: (ctx, argv) => runPing(ctx, argv, ctx.sim),
  ping6: (ctx, argv) => runPing(ctx, argv, ctx.sim, { ping6: true }),
  arping: (ctx, argv) => runArping(ctx, argv),
  tracepath: (ctx, argv) => runTracepath(ctx, argv),
  traceroute: (ctx, argv) => runTraceroute(ctx, argv),
  date: (ctx, argv) => runDate(ctx, argv),
  socat: (ctx, argv) => runSocat(ctx, argv, ctx.sim, ctx.source),
  iptables: (ctx, argv) => runIptables(ctx, argv, 'iptables'),
  'iptables-nft': (ctx, argv) => runIptables(ctx, argv, 'iptables-nft'),
  'iptables-legacy': (ctx, argv) => runIptables(ctx, argv, 'iptables-legacy'),
  'iptables-save': (ctx, argv) => runIptablesSave(ctx, argv, 'iptables-save', ctx.sim.now),
  'iptables-nft-save': (ctx, argv) => runIptablesSave(ctx, argv, 'iptables-nft-save', ctx.sim.now),
  'iptables-legacy-save': (ctx, argv) => runIptablesSave(ctx, argv, 'iptables-legacy-save', ctx.sim.now),
  'iptables-restore': (ctx, argv) => runIptablesRestore(ctx, argv, 'iptables-restore', ctx.stdin ?? ''),
  'iptables-nft-restore': (ctx, argv) => runIptablesRestore(ctx, argv, 'iptables-nft-restore', ctx.stdin ?? ''),
  'iptables-legacy-restore': (ctx, argv) => runIptablesRestore(ctx, argv, 'iptables-legacy-restore', ctx.stdin ?? ''),
  ip6tables: (ctx, argv) => runIptables(ctx, argv, 'ip6tables'),
  'ip6tables-nft': (ctx, argv) => runIptables(ctx, argv, 'ip6tables-nft'),
  'ip6tables-legacy': (ctx, argv) => runIptables(ctx, argv, 'ip6tables-legacy'),
  'ip6tables-save': (ctx, argv) => runIptablesSave(ctx, argv, 'ip6tables-save', ctx.sim.now),
  'ip6tables-nft-save': (ctx, argv) => runIptablesSave(ctx, argv, 'ip6tables-nft-save', ctx.sim.now),
  'ip6tables-legacy-save': (ctx, argv) => runIptablesSave(ctx, argv, 'ip6tables-legacy-save', ctx.sim.now),
  'ip6tables-restore': (ctx, argv) => runIptablesRestore(ctx, argv, 'ip6tables-restore', ctx.stdin ?? ''),
  'ip6tables-nft-restore': (ctx, argv) => runIptablesRestore(ctx, argv, 'ip6tables-nft-restore', ctx.stdin ?? ''),
  'ip6tables-legacy-restore': (ctx, argv) => runIptablesRestore(ctx, argv, 'ip6tables-legacy-restore', ctx.stdin ?? ''),
  conntrack: (ctx, argv) => runConntrack(ctx, argv),
  nft: (ctx, argv) => runNft(ctx, argv),
  ra6: (ctx, argv) => runRa6(ctx, argv),
  ifconfig: (ctx, argv) => runIfconfig(ctx, argv),
  nc: (ctx, argv) => runNc(ctx, argv),
  curl: (ctx, argv) => runCurl(ctx, argv),
  python3: (ctx, argv) => runPython3(ctx, argv),
  ss: (ctx, argv) => runSs(ctx, argv),
  tc: (ctx, argv) => runTc(ctx, argv),
  route: (ctx, argv) => runRoute(ctx, argv),
  ethtool: (ctx, argv) => runEthtool(ctx, argv),
};
