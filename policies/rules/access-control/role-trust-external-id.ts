import type { ResourceRule } from '../../engine/types';
import { externalWithoutExternalId, isUnresolved, ownAccountIds, ownAccountUnresolved, trustPrincipals } from '../../model/iam';
import { evv, fail, pass, unknown } from '../helpers';
import { SERVICE_TRUST, isVerdict, policyJson, statementSummary, trustOf } from './_shared';

/**
 * Third parties are accounts other than the ones the plan itself uses. Account ids are rarely
 * known in a plan, so a 12-digit account principal counts as external unless the same id
 * appears in an ARN of a resource in the inputs (outside policies and principals) — see
 * `ownAccountIds` in model/iam.
 */
export const roleTrustExternalId: ResourceRule = {
  id: 'ACC-10b',
  control: 'ACC-10',
  title: 'Roles trusted by third-party accounts require sts:ExternalId',
  strategy: 2,
  citations: ['164.308(a)(4)(ii)(B)', '164.308(b)(1)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_iam_role'],
  scope: 'resource',
  rationale:
    'A vendor (a business associate under 164.308(b)(1)) that assumes roles in many customers\' accounts can be tricked into using its access on the wrong customer (confused deputy); requiring an sts:ExternalId agreed with the vendor prevents it.',
  remediation: 'Add Condition { StringEquals = { "sts:ExternalId" = "<id agreed with the vendor>" } } to the statement trusting the external account.',
  check(role, ctx) {
    const doc = trustOf(ctx.graph, role);
    if (isVerdict(doc)) return doc;
    const own = ownAccountIds(ctx.graph);
    const principals = trustPrincipals(doc).filter((p) => p.type === 'AWS' && p.kind !== 'anyone');
    const [ext] = externalWithoutExternalId(doc, own);
    if (ext) {
      const ev = evv('assume_role_policy', statementSummary(ext.statement));
      if (ownAccountUnresolved(ctx.graph)) return unknown(`trusts account ${ext.account} (${ext.value}) without an sts:ExternalId condition; whether it is this account is known only from data.aws_caller_identity, which these inputs do not resolve`, ev);
      return fail(`trusts external account ${ext.account} (${ext.value}) without an sts:ExternalId condition`, ev);
    }
    // `arn:aws:iam::${data.aws_caller_identity.current.account_id}:root` is this account; any other
    // unresolved account (a variable) may be a third party.
    const open = principals.find((p) => !p.account && (p.kind === 'unresolved' || isUnresolved(p.value)) && !p.self);
    if (open) return unknown(`trusted principal ${open.value} is known only after apply; whether it is a third party is unknown`, evv('assume_role_policy', open.value));
    return pass('every trusted account is this plan\'s own or requires an ExternalId');
  },
  examples: {
    pass: [
      { description: 'passes for a service role', resources: { 'aws_iam_role.r': { name: 'fn', assume_role_policy: SERVICE_TRUST } } },
      {
        description: 'passes when the external account must present an ExternalId',
        resources: { 'aws_iam_role.r': { name: 'vendor', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'v-123' } } }) } },
      },
      {
        description: 'passes when the trusted account is the plan\'s own (seen in a resource ARN)',
        resources: {
          'aws_s3_bucket_server_side_encryption_configuration.s': { bucket: 'b', rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: 'aws:kms', kms_master_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' }] }] },
          'aws_iam_role.r': { name: 'ops', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) },
        },
        target: 'aws_iam_role.r',
      },
    ],
    fail: [
      { description: 'fails when an external account role is trusted without ExternalId', resources: { 'aws_iam_role.r': { name: 'vendor', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:role/scanner' }, Action: 'sts:AssumeRole' }) } } },
    ],
    unknown: [
      {
        description: 'is unknown when the account is not among the inputs\' own and the inputs read their own account id only at apply (data.aws_caller_identity)',
        resources: {
          'data.aws_caller_identity.current': {},
          'aws_iam_role.r': { name: 'vendor', assume_role_policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:role/scanner' }, Action: 'sts:AssumeRole' }) },
        },
        unknown: { 'data.aws_caller_identity.current': ['account_id'] },
        target: 'aws_iam_role.r',
      },
      {
        description: 'is unknown when the trusted account id is a variable inside the ARN',
        resources: { 'aws_iam_role.r': { name: 'vendor', assume_role_policy: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::${var.vendor_account}:root"},"Action":"sts:AssumeRole"}]}' } },
      },
      {
        description: 'is unknown when the trusted principal comes from a variable',
        resources: { 'aws_iam_role.r': { name: 'vendor', assume_role_policy: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"${var.vendor_arn}"},"Action":"sts:AssumeRole"}]}' } },
        unknown: { 'aws_iam_role.r': ['assume_role_policy'] },
      },
    ],
  },
};
