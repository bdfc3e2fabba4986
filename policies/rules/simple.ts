/**
 * A small factory for single-attribute rules ("on every <type>, <path> must be …"), so such a
 * rule file is a dozen lines of metadata. Cases are derived from the spec's good and bad values:
 * pass (good), fail (bad; and absent when the provider default is non-compliant), unknown
 * (the attribute known only after apply) — each run through both input formats by the tests.
 */
import { attr } from '../model/attrs';
import type { Resource } from '../model/types';
import type { Json } from '../model/values';
import type { ResourceRule, RuleCase, RuleMeta } from '../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from './helpers';

export interface SimpleRuleSpec extends Omit<RuleMeta, 'examples' | 'resourceTypes'> {
  readonly type: string;
  /** A minimal resource body the examples extend. */
  readonly base: Readonly<Record<string, unknown>>;
  /** Attribute path (blocks written as lists in `good`/`bad`). */
  readonly path: string;
  /** Is this (known) value compliant? `undefined` = attribute absent (after the provider default). */
  readonly ok: (value: Json | undefined) => boolean;
  /** The provider's value when the attribute is not set. */
  readonly providerDefault?: Json;
  /** What compliance means, for failure messages. */
  readonly want: string;
  /** Example values (set at `path`). */
  readonly good: unknown;
  readonly bad: unknown;
  /** Only some resources of the type are in scope. */
  readonly applies?: (r: Resource) => boolean;
  /** A reference (known only after apply) counts as compliant, e.g. a log destination ARN. */
  readonly referenceIsSet?: boolean;
}

function setAt(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const out = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const segs = path.split('.');
  let cur = out as Record<string, unknown>;
  for (const s of segs.slice(0, -1)) {
    const next = cur[s];
    if (Array.isArray(next)) cur = next[0] as Record<string, unknown>;
    else if (next && typeof next === 'object') cur = next as Record<string, unknown>;
    else {
      const block: Record<string, unknown> = {};
      cur[s] = [block];
      cur = block;
    }
  }
  cur[segs[segs.length - 1]] = value;
  return out;
}

export function simpleRule(spec: SimpleRuleSpec): ResourceRule {
  const address = `${spec.type}.r`;
  const caseOf = (description: string, value: unknown, unknownPath = false): RuleCase => ({
    description,
    resources: { [address]: value === undefined ? { ...spec.base } : setAt(spec.base as Record<string, unknown>, spec.path, value) },
    ...(unknownPath ? { unknown: { [address]: [spec.path] } } : {}),
  });
  const failCases = [caseOf(`fails when ${spec.path} is ${JSON.stringify(spec.bad)}`, spec.bad)];
  if (!spec.ok(spec.providerDefault)) failCases.push(caseOf(`fails when ${spec.path} is not set`, undefined));
  return {
    ...spec,
    resourceTypes: [spec.type],
    scope: 'resource',
    check(r) {
      if (spec.applies && !spec.applies(r)) return notApplicable('out of scope');
      const a = attr(r, spec.path);
      if (a.state === 'sensitive') return unknown(`${spec.path} is sensitive`, ev(spec.path, a));
      if (a.state === 'unknown') {
        if (spec.referenceIsSet && a.value.refs.some((x) => !/^(var|local|each|count)\./.test(x))) return pass(`${spec.path} refers to ${a.value.refs[0]}`, ev(spec.path, a));
        return unknown(unknownMessage(spec.path), ev(spec.path, a));
      }
      const value = a.state === 'known' ? a.value : spec.providerDefault;
      return spec.ok(value)
        ? pass(`${spec.path} is ${JSON.stringify(value ?? null)}${a.state === 'absent' ? ' (provider default)' : ''}`, ev(spec.path, a))
        : fail(`${spec.path} is ${a.state === 'absent' ? 'not set' : JSON.stringify(value)}; ${spec.want}`, ev(spec.path, a));
    },
    examples: {
      pass: [caseOf(`passes when ${spec.path} is ${JSON.stringify(spec.good)}`, spec.good)],
      fail: failCases,
      unknown: [caseOf(`is unknown when ${spec.path} is known only after apply`, spec.good, true)],
    },
  };
}

/** `true`, `"true"` */
export const isTrue = (v: Json | undefined) => v === true || v === 'true';
/** non-empty string / list / block */
export const isNonEmpty = (v: Json | undefined) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
