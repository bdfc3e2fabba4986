import { attr, isSet } from '../../model/attrs';
import type { Resource } from '../../model/types';
import type { CheckContext, ResourceRule } from '../../engine/types';
import { pass } from '../helpers';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

/** Types whose policy attribute sits on the protected resource itself (optional there). */
const INLINE = new Set(['aws_opensearch_domain', 'aws_elasticsearch_domain']);
const judge = publicPrincipalJudge();

/** The domain a policy applies to: itself, or the domain its `domain_name` names (by reference or literal name). */
function domainOf(ctx: CheckContext, res: Resource): Resource | undefined {
  if (INLINE.has(res.type)) return res;
  return ctx.graph.deref(res, 'domain_name').resources.find((d) => INLINE.has(d.type));
}

/** A domain with VPC access (vpc_options.subnet_ids) has no public endpoint: "*" there means "anyone its security groups let in". */
const inVpc = (domain: Resource | undefined) => !!domain && isSet(attr(domain, 'vpc_options.subnet_ids'));

export const opensearchPolicyNotPublic: ResourceRule = {
  id: 'ACC-24e',
  control: 'ACC-24',
  title: 'OpenSearch and Elasticsearch domain access policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'critical',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public domain access policy lets anyone query the indexed data' },
  resourceTypes: ['aws_opensearch_domain_policy', 'aws_opensearch_domain', 'aws_elasticsearch_domain_policy', 'aws_elasticsearch_domain'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}) that no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpc(e) or aws:SourceIp condition narrows lets any AWS account query and change the indexed documents, which may be PHI: access nobody authorized. A domain with VPC access only has no internet endpoint, so "*" there is limited by its network (security groups, ACC-16 rules). phikit judges only this public case here; least privilege between named principals is left to the IAM rules.',
  remediation: 'Name the principals that need access (accounts, roles, service principals with aws:SourceArn / aws:SourceAccount), or add a restricting condition such as aws:PrincipalOrgID to every statement that allows "*".',
  check(res, ctx) {
    const v = resourcePolicyVerdict(ctx, res, 'access_policies', judge, INLINE.has(res.type));
    const domain = domainOf(ctx, res);
    if (v.status === 'fail' && inVpc(domain)) return pass(`${domain?.address} has VPC access only (vpc_options.subnet_ids), so Principal "*" reaches only clients its security groups admit (COM/ACC network rules judge those)`, v.evidence);
    return v;
  },
  examples: {
    pass: [
      { description: 'passes when "*" is limited to the organization by aws:PrincipalOrgID', resources: { 'aws_opensearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } },
      { description: 'passes when one role is the principal', resources: { 'aws_opensearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } } },
      {
        description: 'passes when "*" is allowed on a domain with VPC access only (the policy joined by domain name)',
        resources: {
          'aws_opensearch_domain.d': { domain_name: 'phi', vpc_options: [{ subnet_ids: ['subnet-1', 'subnet-2'] }] },
          'aws_opensearch_domain_policy.p': { domain_name: '${aws_opensearch_domain.d.domain_name}', access_policies: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) },
        },
        target: 'aws_opensearch_domain_policy.p',
      },
    ],
    fail: [
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_opensearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: '*', Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } } },
      { description: 'fails when only a non-restricting condition (aws:SecureTransport) narrows AWS "*"', resources: { 'aws_opensearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) } } },
      { description: 'fails when everyone but a NotPrincipal list is allowed', resources: { 'aws_opensearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } } },
      { description: 'fails when the access_policies of aws_opensearch_domain allows "*" with no condition', resources: { 'aws_opensearch_domain.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: '*', Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } } },
      { description: 'fails when the access_policies of aws_elasticsearch_domain_policy allows "*" with no condition', resources: { 'aws_elasticsearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: '*', Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } } },
      { description: 'fails when the access_policies of aws_elasticsearch_domain allows "*" with no condition', resources: { 'aws_elasticsearch_domain.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: '*', Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_opensearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: '*', Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } }, unknown: { 'aws_opensearch_domain_policy.p': ['access_policies'] } },
      { description: 'is unknown when the allowed principal comes from a variable (it could be "*")', resources: { 'aws_opensearch_domain_policy.p': { domain_name: 'phi', access_policies: policyJson({ Effect: 'Allow', Principal: { AWS: '${var.reader}' }, Action: 'es:ESHttpGet', Resource: 'arn:aws:es:us-east-1:111122223333:domain/phi/*' }) } } },
    ],
  },
};
