/**
 * The documents the web view draws: the lab's neutral graph, `reach --json`, and a way to ask
 * for `explain --json` of one ping. Built by the CLI (src/cli/ui-data.ts), drawn by the page.
 */
import type { Graph } from '../graph/model-graph.js';

/** `reach --json`, as printed. */
export interface ReachDoc {
  sources: string[];
  destinations: string[];
  pairs: number;
  reachable: number;
  unreachable: { from: string; to: string }[];
}

export interface LabView {
  /** the script or lab file shown */
  file: string;
  graph: Graph;
  reach: ReachDoc;
  /** the scripts an edit may change: a script file, or a lab file's setup files */
  scripts: { file: string; text: string }[];
  /** lint findings and failing `expect:` intents, on the namespaces they concern */
  pins: Pin[];
  /**
   * Present only for `nettwin ui --real`: the drawing is the kernel's state read back and the
   * matrix the kernel's pings (`answers`: each pair's line, "from to" as key).
   */
  real?: { kernel: string; answers: Record<string, string> };
}

/** A lint finding or a failing `expect:` intent, pinned to namespaces of the graph (none: the whole lab). */
export interface Pin {
  source: 'lint' | 'expect';
  severity: 'error' | 'warning';
  /** namespace paths, as the graph's namespaces name them */
  ns: string[];
  file: string;
  line: number;
  /** the lint rule, or the intent's name */
  title: string;
  text: string;
  /** lint's suggested fix, or the intent's explanation */
  fix?: string;
}

/** One ping's `explain --json`, or why it cannot be asked. */
export type ExplainAnswer = { result: object } | { error: string };

/** What an edit changed: `reach --compare`'s pairs (`from` pings `to`, an address of `at`) gained and lost. */
export interface PairChange {
  gained: { from: string; to: string; at: string }[];
  lost: { from: string; to: string; at: string }[];
}

export type EditAnswer = { view: LabView; change: PairChange } | { error: string };

export interface ViewSource {
  view: LabView;
  explain(from: string, to: string): ExplainAnswer;
  /** runs the lab again with one of its scripts replaced by `text`; the view follows */
  edit(file: string, text: string): Promise<EditAnswer>;
}
