/** Helpers for collaboration rules: the external-auditor role and the policies attached to a role. */
import { blocks, tagValue } from '../../model/attrs';
import type { Graph } from '../../model/graph';
import { PolicyRead, policiesAttachedTo } from '../../model/iam';
import { memoizeByResource } from '../../model/memo';
import type { Resource } from '../../model/types';
import { Unknown, isComputedOnly } from '../../model/values';

/** AWS managed policies (by name) that give read-only access for audits. */
export const READ_ONLY_AUDIT_POLICIES = ['SecurityAudit', 'ViewOnlyAccess', 'ReadOnlyAccess'];

export interface AttachedPolicies {
  /** AWS managed policy names, and ARNs of policies not declared in the inputs. */
  readonly managed: readonly string[];
  /** Customer-managed or inline policy documents (with where they came from). */
  readonly documents: ReadonlyArray<{ readonly source: string; readonly read: PolicyRead }>;
  /** Some attachment's policy could not be resolved before apply. */
  readonly unresolved: boolean;
}

/** The policies attached to a role (from the model's `policiesAttachedTo`), grouped for the auditor rules. Computed once per role (shared, read-only). */
export function attachedPolicies(graph: Graph, role: Resource): AttachedPolicies {
  return attachedPoliciesOnce(graph, role, '');
}

const attachedPoliciesOnce = memoizeByResource((graph: Graph, role: Resource): AttachedPolicies => {
  const managed: string[] = [];
  const documents: Array<{ source: string; read: PolicyRead }> = [];
  let unresolved = false;
  for (const p of policiesAttachedTo(graph, role)) {
    if (p.kind === 'aws-managed') managed.push(p.name);
    else if (p.kind === 'external') {
      if (p.name.startsWith('arn:')) managed.push(p.name);
      else unresolved = true;
    } else documents.push({ source: p.name, read: p.read });
  }
  // A configured inline_policy known only after apply (a plan shows an unconfigured one as computed).
  for (const b of blocks(role, 'inline_policy')) {
    if (b instanceof Unknown) unresolved ||= !isComputedOnly(b);
  }
  return { managed, documents, unresolved };
});

/**
 * An external-auditor role: tagged Purpose=auditor/security-audit, or a role that trusts another
 * account and carries the SecurityAudit managed policy.
 */
export function isAuditorRole(graph: Graph, role: Resource): boolean {
  const purpose = tagValue(role, 'Purpose');
  if (purpose && /^(external[-_ ]?)?(auditor|security[-_ ]?audit)$/i.test(purpose)) return true;
  return attachedPolicies(graph, role).managed.includes('SecurityAudit');
}
