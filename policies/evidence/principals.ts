/**
 * Joins between evidence files and the plan: the human principals that must have training
 * records, and the external AWS accounts that must have a BAA on record.
 */
import { attr, str } from '../model/attrs';
import type { Graph } from '../model/graph';
import { ownAccountIds, principalRefs, readPolicy, trustPrincipals } from '../model/iam';
import type { Resource } from '../model/types';

export interface HumanPrincipal {
  /** Identifiers a training record may use: user name, ARN. */
  readonly ids: readonly string[];
  readonly label: string;
  readonly resource: Resource;
}

/**
 * Named people in the inputs: IAM users, IAM Identity Center (identity store) users, and IAM
 * users named in role trust policies. Account-wide or SAML trust names no individual; those
 * people are joined through the identity provider, not the plan.
 */
export function humanPrincipals(graph: Graph): HumanPrincipal[] {
  const out: HumanPrincipal[] = [];
  const seen = new Set<string>();
  const add = (ids: string[], label: string, resource: Resource) => {
    const key = ids[0];
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push({ ids, label, resource });
  };
  for (const u of graph.ofType('aws_iam_user')) {
    const name = str(attr(u, 'name'));
    if (name) add([name, ...(str(attr(u, 'arn')) ? [str(attr(u, 'arn')) as string] : [])], `IAM user ${name}`, u);
  }
  for (const u of graph.ofType('aws_identitystore_user')) {
    const name = str(attr(u, 'user_name'));
    if (name) add([name], `Identity Center user ${name}`, u);
  }
  for (const role of graph.ofType('aws_iam_role')) {
    const trust = readPolicy(graph, role, 'assume_role_policy');
    if (trust.state !== 'known') continue;
    for (const p of trustPrincipals(trust.doc)) {
      if (p.kind !== 'iam-user') continue;
      const name = p.value.indexOf(':user/') >= 0 ? p.value.slice(p.value.lastIndexOf('/') + 1) || undefined : undefined;
      if (name) add([name, p.value], `IAM user ${name} (trusted by ${role.address})`, role);
    }
  }
  // Individuals named as SAML subjects in trust conditions (`saml:sub`). A SAML trust without a
  // subject condition names no individual: those people are joined through the IdP, not the plan.
  // OIDC subjects are workloads (CI systems, service accounts) and are not joined.
  for (const role of graph.ofType('aws_iam_role')) {
    const trust = readPolicy(graph, role, 'assume_role_policy');
    if (trust.state !== 'known') continue;
    for (const p of trustPrincipals(trust.doc)) {
      if (p.kind !== 'saml') continue;
      for (const c of p.statement.conditions) {
        if (c.key !== 'saml:sub' || /^ForAllValues:|Not/i.test(c.operator)) continue;
        for (const v of c.values) if (v && !/[*?$]/.test(v)) add([v], `SAML subject ${v} (trusted by ${role.address})`, role);
      }
    }
  }
  // Identity Center: users assigned directly, and members of assigned groups, by literal id when
  // the user is not declared in the inputs (declared users are joined above by user_name).
  const declared = (r: Resource, path: string) => graph.deref(r, path).resources.some((t) => t.type === 'aws_identitystore_user');
  const literal = (r: Resource, path: string) => {
    const a = attr(r, path);
    return a.state === 'known' && typeof a.value === 'string' && a.value ? a.value : undefined;
  };
  const groups = new Set<string>();
  for (const asg of graph.ofType('aws_ssoadmin_account_assignment')) {
    const type = str(attr(asg, 'principal_type'));
    if (type === 'GROUP') {
      for (const g of graph.deref(asg, 'principal_id').resources) groups.add(g.address);
      const id = literal(asg, 'principal_id');
      if (id) groups.add(id);
      continue;
    }
    if (type !== 'USER' || declared(asg, 'principal_id')) continue;
    const id = literal(asg, 'principal_id');
    if (id) add([id], `Identity Center user ${id} (assigned by ${asg.address})`, asg);
  }
  for (const m of graph.ofType('aws_identitystore_group_membership')) {
    const inAssigned = graph.deref(m, 'group_id').resources.some((g) => groups.has(g.address)) || groups.has(literal(m, 'group_id') ?? '');
    if (!inAssigned || declared(m, 'member_id')) continue;
    const id = literal(m, 'member_id');
    if (id) add([id], `Identity Center user ${id} (member of an assigned group, ${m.address})`, m);
  }
  return out;
}

/** Attributes holding resource or trust policies. */
const POLICY_ATTRS: ReadonlyArray<readonly [string, string]> = [
  ['aws_iam_role', 'assume_role_policy'],
  ['aws_s3_bucket_policy', 'policy'],
  ['aws_kms_key', 'policy'],
  ['aws_kms_key_policy', 'policy'],
  ['aws_sns_topic_policy', 'policy'],
  ['aws_sqs_queue_policy', 'policy'],
  ['aws_ecr_repository_policy', 'policy'],
  ['aws_secretsmanager_secret_policy', 'policy'],
  ['aws_backup_vault_policy', 'policy'],
  ['aws_glacier_vault', 'access_policy'],
  ['aws_efs_file_system_policy', 'policy'],
  ['aws_opensearch_domain_policy', 'access_policies'],
];

export interface ExternalAccount {
  readonly account: string;
  readonly resource: Resource;
  readonly where: string;
}

/** Every AWS account other than the plan's own that a trust or resource policy grants to. */
export function externalAccounts(graph: Graph): { accounts: ExternalAccount[]; unknownPolicies: Resource[] } {
  const own = ownAccountIds(graph);
  const accounts: ExternalAccount[] = [];
  const unknownPolicies: Resource[] = [];
  for (const [type, path] of POLICY_ATTRS) {
    for (const r of graph.ofType(type)) {
      const read = readPolicy(graph, r, path);
      if (read.state === 'unknown') unknownPolicies.push(r);
      if (read.state !== 'known') continue;
      for (const s of read.doc.statements) {
        if (s.effect !== 'Allow') continue;
        for (const p of principalRefs(s.principals)) {
          if (p.account && !own.has(p.account) && !p.self) accounts.push({ account: p.account, resource: r, where: `${r.address}.${path}` });
        }
      }
    }
  }
  for (const perm of graph.ofType('aws_lambda_permission')) {
    const p = str(attr(perm, 'principal'));
    if (p && /^\d{12}$/.test(p) && !own.has(p)) accounts.push({ account: p, resource: perm, where: `${perm.address}.principal` });
  }
  return { accounts, unknownPolicies };
}

/**
 * Sources that may name people but cannot be read before apply: role trust policies known only
 * after apply, and Identity Center user assignments whose principal id is computed and does not
 * refer to a user declared in the inputs. Rules report these as unknown, never as a pass.
 */
export function unresolvedPrincipalSources(graph: Graph): Resource[] {
  const out: Resource[] = [];
  for (const role of graph.ofType('aws_iam_role')) if (readPolicy(graph, role, 'assume_role_policy').state === 'unknown') out.push(role);
  for (const asg of graph.ofType('aws_ssoadmin_account_assignment')) {
    if (str(attr(asg, 'principal_type')) !== 'USER') continue;
    const a = attr(asg, 'principal_id');
    if (a.state === 'unknown' && !graph.deref(asg, 'principal_id').resources.some((t) => t.type === 'aws_identitystore_user')) out.push(asg);
  }
  return out;
}
