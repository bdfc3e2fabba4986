/**
 * phikit policy checker — library entry point. Pure TypeScript over JSON; no cdktf import.
 */
export { evaluate, summarize, selectRules } from './engine/evaluate';
export type * from './engine/types';
export { STRATEGIES, SEVERITIES } from './engine/types';
export { loadWaivers, parseWaivers } from './engine/waivers';
export { Graph } from './model/graph';
export { loadGraph, loadInputs, parseDocument } from './model/load';
export { InputError } from './model/errors';
export * as attrs from './model/attrs';
export * as iam from './model/iam';
export { RULES, CATALOGUE_VERSION, findRule } from './rules';
export { REPORTERS } from './reporters';
export { runCheck, exitCodeFor, parseStrategies } from './pipeline';
export type { CheckRun } from './pipeline';
export { main } from './cli/main';
export { UsageError } from './model/errors';
export { VERSION } from './version';
