import { attr, blocks, str } from '../../model/attrs';
import type { Resource } from '../../model/types';
import type { ResourceRule, Verdict } from '../../engine/types';
import { Unknown } from '../../model/values';
import { ev, evv, fail, pass, unknown, unknownMessage } from '../helpers';
import { isRestrictingCondition } from '../../model/iam';
import { RESOURCE_POLICY_CITES, policyJson, publicPrincipalJudge, resourcePolicyVerdict } from './_shared';

const judge = publicPrincipalJudge();

/** aws_cloudwatch_event_permission: principal "*" needs a condition block (aws:PrincipalOrgID is the one EventBridge accepts). */
function permissionVerdict(p: Resource): Verdict {
  const principal = attr(p, 'principal');
  if (principal.state === 'unknown' || principal.state === 'sensitive') return unknown(unknownMessage('principal'), ev('principal', principal));
  const who = str(principal) ?? '';
  if (who !== '*') return pass(`events may be put by ${who || '(no principal)'} only`, ev('principal', principal));
  const conds = blocks(p, 'condition');
  if (conds.some((c) => c instanceof Unknown)) return unknown('the condition block is known only after apply', evv('condition', '(known after apply)'));
  const restricted = conds.some((c) => {
    if (c instanceof Unknown) return false;
    const key = str(attr(c, 'key'));
    const value = attr(c, 'value');
    return key !== undefined && value.state !== 'absent' && isRestrictingCondition({ operator: str(attr(c, 'type')) ?? 'StringEquals', key: key.toLowerCase(), values: [str(value) ?? '(reference)'] });
  });
  if (!restricted && conds.some((c) => !(c instanceof Unknown) && ['key', 'type', 'value'].some((k) => { const a = attr(c, k); return a.state === 'unknown' || a.state === 'sensitive'; }))) {
    return unknown('principal is "*" and a condition key, type or value is known only after apply (it may restrict the principal)', evv('condition', '(known after apply)'));
  }
  return restricted ? pass('principal "*" is limited by a condition', evv('condition', 'restricting')) : fail('principal is "*" with no restricting condition: every AWS account can put events on the bus', ev('principal', principal));
}

export const eventbridgeBusPolicyNotPublic: ResourceRule = {
  id: 'ACC-24i',
  control: 'ACC-24',
  title: 'EventBridge event bus policies do not allow Principal "*" without a restricting condition',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a public event bus policy lets anyone inject events' },
  resourceTypes: ['aws_cloudwatch_event_bus_policy', 'aws_cloudwatch_event_permission'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). An Allow to Principal "*" (or {"AWS": "*"}) that no aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpc(e) or aws:SourceIp condition narrows lets any AWS account put events on the bus and so drive the rules and targets that process PHI: access nobody authorized. phikit judges only this public case here; least privilege between named principals is left to the IAM rules.',
  remediation: 'Name the principals that need access (accounts, roles, service principals with aws:SourceArn / aws:SourceAccount), or add a restricting condition such as aws:PrincipalOrgID to every statement that allows "*".',
  check(res, ctx) {
    if (res.type === 'aws_cloudwatch_event_permission') return permissionVerdict(res);
    return resourcePolicyVerdict(ctx, res, 'policy', judge, false);
  },
  examples: {
    pass: [
      { description: 'passes when "*" is limited to the organization by aws:PrincipalOrgID', resources: { 'aws_cloudwatch_event_bus_policy.p': { event_bus_name: 'phi-events', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111122223333:event-bus/phi-events', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } } }) } } },
      { description: 'passes when one role is the principal', resources: { 'aws_cloudwatch_event_bus_policy.p': { event_bus_name: 'phi-events', policy: policyJson({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111122223333:event-bus/phi-events' }) } } },
      { description: 'passes when an event permission for "*" has an aws:PrincipalOrgID condition', resources: { 'aws_cloudwatch_event_permission.o': { principal: '*', statement_id: 'org', condition: [{ key: 'aws:PrincipalOrgID', type: 'StringEquals', value: 'o-abc123' }] } } },
    ],
    fail: [
      { description: 'fails when an event permission allows principal "*" with no condition', resources: { 'aws_cloudwatch_event_permission.o': { principal: '*', statement_id: 'all' } } },
      { description: 'fails when Principal "*" is allowed with no condition', resources: { 'aws_cloudwatch_event_bus_policy.p': { event_bus_name: 'phi-events', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111122223333:event-bus/phi-events' }) } } },
      { description: 'fails when only a non-restricting condition (aws:SecureTransport) narrows AWS "*"', resources: { 'aws_cloudwatch_event_bus_policy.p': { event_bus_name: 'phi-events', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111122223333:event-bus/phi-events', Condition: { Bool: { 'aws:SecureTransport': 'true' } } }) } } },
      { description: 'fails when everyone but a NotPrincipal list is allowed', resources: { 'aws_cloudwatch_event_bus_policy.p': { event_bus_name: 'phi-events', policy: policyJson({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111122223333:event-bus/phi-events' }) } } },
    ],
    unknown: [
      { description: 'is unknown when the policy is known only after apply', resources: { 'aws_cloudwatch_event_bus_policy.p': { event_bus_name: 'phi-events', policy: policyJson({ Effect: 'Allow', Principal: '*', Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111122223333:event-bus/phi-events' }) } }, unknown: { 'aws_cloudwatch_event_bus_policy.p': ['policy'] } },
      { description: 'is unknown when the allowed principal comes from a variable (it could be "*")', resources: { 'aws_cloudwatch_event_bus_policy.p': { event_bus_name: 'phi-events', policy: policyJson({ Effect: 'Allow', Principal: { AWS: '${var.reader}' }, Action: 'events:PutEvents', Resource: 'arn:aws:events:us-east-1:111122223333:event-bus/phi-events' }) } } },
    ],
  },
};
