/**
 * Property: an unknown value never turns a verdict into `fail`.
 *
 * For every rule's passing and unknown cases, through both input formats, every attribute path
 * present in the case (every leaf and every ancestor block, one at a time) is made unknown after
 * apply, and the target's findings must contain no `fail`. The plan form is tried in the two shapes
 * Terraform writes: an unknown value whose configuration expression names a reference, and a
 * whole block (as a `dynamic` block builds it) that `after_unknown` marks `true` with no
 * configuration expression at all. That second shape applies to blocks only, and not to blocks the
 * provider computes: an attribute (or computed block) with no expression is one the configuration
 * leaves out, and the provider default is judged (model/defaults).
 *
 * Join keys and data-source policy documents are left to the joins work (see GAPS).
 */
import type { Finding, Rule, RuleCase } from '../../policies/engine/types';
import { evaluate } from '../../policies/engine/evaluate';
import { Graph } from '../../policies/model/graph';
import { parseDocument } from '../../policies/model/load';
import { RULES } from '../../policies/rules';
import { isComputedBlock } from '../../policies/model/schema';
import { toPlan, toSynth } from '../support/cases';
import { caseEvidence } from '../support/run-case';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const META = new Set(['lifecycle', 'depends_on', 'count', 'for_each', 'provider', 'provisioner', 'connection']);

/** Every dotted attribute path in a resource body (lists walked through, no indices), ancestors included. */
function pathsOf(body: Obj): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, prefix: string) => {
    if (Array.isArray(v)) {
      for (const x of v) if (isObj(x)) walk(x, prefix);
      return;
    }
    if (!isObj(v)) return;
    for (const [k, x] of Object.entries(v)) {
      const p = prefix ? `${prefix}.${k}` : k;
      if (!prefix && META.has(k)) continue;
      out.add(p);
      // Tags are a map attribute, not a block: the map itself is the leaf.
      if (k !== 'tags' && k !== 'tags_all') walk(x, p);
    }
  };
  walk(body, '');
  return [...out];
}

/** In a plan document: make `path` of `address` unknown after apply with no configuration expression. */
function dropExpression(doc: Obj, address: string, path: string[]): void {
  const config = ((doc.configuration as Obj).root_module as Obj).resources as Obj[];
  const cfg = config.find((r) => r.address === address);
  const del = (e: unknown, segs: string[]): void => {
    if (Array.isArray(e)) return e.forEach((x) => del(x, segs));
    if (!isObj(e)) return;
    if (segs.length === 1) delete e[segs[0]];
    else del(e[segs[0]], segs.slice(1));
  };
  if (cfg) del(cfg.expressions, path);
}

function findings(rule: Rule, c: RuleCase, doc: Obj, file: string): Finding[] {
  const text = JSON.stringify(doc);
  const graph = Graph.from([parseDocument(JSON.parse(text), file, text)]);
  const result = evaluate(graph, { rules: RULES, ruleIds: [rule.id], now: c.now ? new Date(c.now) : new Date('2026-11-28T12:00:00Z'), evidence: caseEvidence(c) });
  return result.findings.filter((f) => f.ruleId === rule.id && (!c.target || f.address === c.target));
}

/** The value at a dotted path (through lists: the first element that has it). */
function valueAt(body: unknown, path: string[]): unknown {
  if (!path.length) return body;
  if (Array.isArray(body)) {
    for (const x of body) {
      const v = valueAt(x, path);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  return isObj(body) ? valueAt(body[path[0]], path.slice(1)) : undefined;
}

/** A nested block in the case (a list of objects, or an object that is not a map attribute). */
const isBlock = (body: Obj, path: string): boolean => {
  const v = valueAt(body, path.split('.'));
  const last = path.split('.').pop()!;
  return last !== 'tags' && last !== 'tags_all' && (isObj(v) || (Array.isArray(v) && v.length > 0 && v.every(isObj)));
};

/**
 * Does the value at `path` join the resource to another resource of the case: a `${…}` reference,
 * a literal that another resource carries (a bucket name, an ARN, an account id inside an ARN), or
 * an attribute another resource refers to (`${aws_dynamodb_table.t.name}`)? Joins that an unknown
 * value breaks are the joins work's (issue 11 item 4: an unresolved join is unknown, never a
 * failure); until it lands they are counted, not failed, below.
 */
function isJoinKey(c: RuleCase, address: string, path: string): boolean {
  const v = valueAt(c.resources[address], path.split('.'));
  const strings = (x: unknown, out: string[]): string[] => {
    if (typeof x === 'string') out.push(x);
    else if (Array.isArray(x)) x.forEach((y) => strings(y, out));
    else if (isObj(x)) Object.values(x).forEach((y) => strings(y, out));
    return out;
  };
  const mine = strings(v, []);
  if (mine.some((x) => x.includes('${'))) return true;
  const others: string[] = [];
  for (const [a, body] of Object.entries(c.resources)) if (a !== address) strings(body, others);
  const self = `\${${address}.${path.split('.')[0]}`;
  if (others.some((o) => o.includes(self))) return true;
  if (mine.some((x) => others.some((o) => o === x || (x.length >= 3 && o.includes(x))))) return true;
  // An account id inside an ARN that another resource names (the plan's own account, seen in a resource ARN).
  const accounts = (xs: string[]) => new Set(xs.flatMap((x) => x.match(/\b\d{12}\b/g) ?? []));
  const theirs = accounts(others);
  return [...accounts(mine)].some((a) => theirs.has(a));
}

interface Variant {
  readonly label: string;
  /** Paths the variant applies to: an attribute cannot be unknown without an expression (that is "not configured"), a block can (`dynamic`). */
  readonly blocksOnly?: boolean;
  readonly doc: (c: RuleCase, address: string, path: string) => Obj;
  readonly file: string;
  readonly formats: 'synth' | 'plan';
}

const withUnknown = (c: RuleCase, address: string, path: string): RuleCase => ({
  ...c,
  unknown: { ...(c.unknown ?? {}), [address]: [...(c.unknown?.[address] ?? []), path] },
});

const VARIANTS: readonly Variant[] = [
  { label: 'synth, ${var.x}', formats: 'synth', file: 'case/cdk.tf.json', doc: (c, a, p) => toSynth(withUnknown(c, a, p)) },
  { label: 'plan, reference', formats: 'plan', file: 'case/plan.json', doc: (c, a, p) => toPlan(withUnknown(c, a, p)) },
  {
    label: 'plan, no expression',
    formats: 'plan',
    blocksOnly: true,
    file: 'case/plan.json',
    doc: (c, a, p) => {
      const doc = toPlan(withUnknown(c, a, p));
      dropExpression(doc, a, p.split('.'));
      return doc;
    },
  },
];

/**
 * Violations in the gap classes (see isJoinKey): left out of the property because the joins work
 * (issue 11 items 4-5) owns them; `PHIKIT_PRINT_GAPS=1` lists them (362 on 2026-12-02). When the
 * model answers an unresolved join with unknown, drop the gap classes and let these fail too.
 */
const GAPS: string[] = [];

const cases: Array<[string, Rule, RuleCase]> = [];
for (const rule of RULES) for (const c of [...rule.examples.pass, ...(rule.examples.unknown ?? [])]) cases.push([`${rule.id}: ${c.description}`, rule, c]);

describe('an unknown value never makes a verdict fail', () => {
  it('walks every path of every case', () => {
    expect(pathsOf({ a: 1, b: [{ c: { d: 2 } }], tags: { x: 'y' } })).toEqual(['a', 'b', 'b.c', 'b.c.d', 'tags']);
    expect(cases.length).toBeGreaterThan(RULES.length);
  });

  it.each(cases)('%s', (_name, rule, c) => {
    const problems: string[] = [];
    for (const v of VARIANTS) {
      if (c.formats && !c.formats.includes(v.formats)) continue;
      for (const [address, body] of Object.entries(c.resources)) {
        if (c.actions?.[address] === 'delete') continue;
        for (const path of pathsOf(body as Obj)) {
          if (v.blocksOnly && (!isBlock(body as Obj, path) || isComputedBlock(address.split(".")[0], path))) continue;
          for (const f of findings(rule, c, v.doc(c, address, path), v.file)) {
            if (f.status !== 'fail') continue;
            const line = `[${v.label}] ${address}.${path} unknown → ${f.address}: fail — ${f.message}`;
            // Gaps other work owns (issue 11 items 4-5): joins an unknown value breaks, and policy documents of data sources.
            if (isJoinKey(c, address, path) || address.startsWith('data.')) GAPS.push(`${rule.id} ${line}`);
            else problems.push(line);
          }
        }
      }
    }
    if (problems.length) throw new Error(problems.join('\n'));
  });

  afterAll(() => {
    if (process.env.PHIKIT_PRINT_GAPS) console.log(`${GAPS.length} join / data-source gaps:\n${GAPS.join('\n')}`);
  });
});
