/** Helpers for collaboration rules: the external-auditor role and the policies attached to a role. */
import { attr, blocks, str, tagsOf } from '../../model/attrs';
import type { Graph } from '../../model/graph';
import { PolicyRead, readPolicy } from '../../model/iam';
import type { Resource } from '../../model/types';
import { Unknown } from '../../model/values';

export const READ_ONLY_AUDIT_POLICIES = ['arn:aws:iam::aws:policy/SecurityAudit', 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'arn:aws:iam::aws:policy/ReadOnlyAccess'];

export interface AttachedPolicies {
  /** Managed policy ARNs known as literals. */
  readonly managedArns: string[];
  /** Customer-managed or inline policy documents (with where they came from). */
  readonly documents: Array<{ readonly source: string; readonly read: PolicyRead }>;
  /** Some attachment's policy could not be resolved before apply. */
  readonly unresolved: boolean;
}

/** Every policy attached to a role: managed attachments, customer policies and inline policies. */
export function attachedPolicies(graph: Graph, role: Resource): AttachedPolicies {
  const managedArns: string[] = [];
  const documents: Array<{ source: string; read: PolicyRead }> = [];
  let unresolved = false;
  for (const att of graph.related(role, 'aws_iam_role_policy_attachment', 'role')) {
    const arn = attr(att, 'policy_arn');
    const literal = str(arn);
    if (literal && literal.startsWith('arn:aws:iam::aws:policy/')) {
      managedArns.push(literal);
      continue;
    }
    const policies = graph.deref(att, 'policy_arn').resources.filter((r) => r.type === 'aws_iam_policy');
    if (policies.length) for (const p of policies) documents.push({ source: p.address, read: readPolicy(graph, p, 'policy') });
    else if (literal) managedArns.push(literal);
    else unresolved = true;
  }
  for (const arn of valuesOf(role, 'managed_policy_arns')) managedArns.push(arn);
  for (const inline of graph.related(role, 'aws_iam_role_policy', 'role')) documents.push({ source: inline.address, read: readPolicy(graph, inline, 'policy') });
  for (const b of blocks(role, 'inline_policy')) {
    // A plan shows inline_policy as computed when the configuration does not set it.
    if (b instanceof Unknown) unresolved ||= b.refs.length > 0 || b.template !== undefined || b.reason !== 'after-apply';
    else documents.push({ source: `${role.address}.inline_policy`, read: readPolicy(graph, { ...role, values: b }, 'policy') });
  }
  return { managedArns, documents, unresolved };
}

function valuesOf(r: Resource, path: string): string[] {
  const a = attr(r, path);
  return a.state === 'known' && Array.isArray(a.value) ? a.value.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * An external-auditor role: tagged Purpose=auditor/security-audit, or a role that trusts another
 * account and carries the SecurityAudit managed policy.
 */
export function isAuditorRole(graph: Graph, role: Resource): boolean {
  const purpose = Object.entries(tagsOf(role)).find(([k]) => k.toLowerCase() === 'purpose')?.[1];
  if (purpose && /^(external[-_ ]?)?(auditor|security[-_ ]?audit)$/i.test(purpose)) return true;
  return attachedPolicies(graph, role).managedArns.some((a) => a.endsWith(':policy/SecurityAudit'));
}
