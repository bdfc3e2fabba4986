import { attr, computedOnly } from '../../model/attrs';
import { coversAction, principalRefs, readPolicy, type PolicyRead } from '../../model/iam';
import type { Resource } from '../../model/types';
import type { CheckContext, ResourceRule, Verdict } from '../../engine/types';
import { policyJson } from '../helpers';
import { joined, notApplicable, pass, fail, unknown } from '../helpers';

const ROOT = { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' };
const LOGS = { Sid: 'Logs', Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'], Resource: '*' };
const TRAIL = { Sid: 'Trail', Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*' };

/** The service that encrypts with the key for each consuming type, and the key actions it calls. */
const CONSUMERS: Record<string, { service: string; actions: readonly string[] }> = {
  aws_cloudwatch_log_group: { service: 'logs', actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'] },
  aws_cloudtrail: { service: 'cloudtrail', actions: ['kms:GenerateDataKey'] },
};

/** Does a Service principal name this service (`logs.<region>.amazonaws.com`, `logs.amazonaws.com`, with a region from a reference)? */
function namesService(value: string, service: string): boolean | undefined {
  if (value === '*') return true;
  if (!value.startsWith(`${service}.`) || !value.endsWith('.amazonaws.com')) return value.includes('${') ? undefined : false;
  return true;
}

function keyAllows(read: PolicyRead, service: string, actions: readonly string[]): 'yes' | 'no' | 'unknown' {
  if (read.state !== 'known') return 'unknown';
  let undecided = false;
  for (const s of read.doc.statements) {
    if (s.effect !== 'Allow' || !actions.every((a) => coversAction(s, a))) continue;
    for (const p of principalRefs(s.principals)) {
      if (p.type !== 'Service' && p.value !== '*') continue;
      const n = namesService(p.value, service);
      if (n) return 'yes';
      if (n === undefined) undecided = true;
    }
  }
  return undecided || read.doc.partial ? 'unknown' : 'no';
}

function judge(ctx: CheckContext, res: Resource, key: Resource): Verdict {
  const { service, actions } = CONSUMERS[res.type];
  const own = attr(key, 'policy');
  const reads: PolicyRead[] = [];
  if (own.state !== 'absent' && !computedOnly(own)) reads.push(readPolicy(ctx.graph, key, 'policy'));
  for (const kp of joined(ctx, key, 'aws_kms_key_policy', 'key_id')) reads.push(readPolicy(ctx.graph, kp, 'policy'));
  if (!reads.length) {
    return fail(`${key.address} has no key policy: the default policy lets IAM principals of the account use it, not the ${service} service, so ${res.type} cannot encrypt with it`);
  }
  const answers = reads.map((r) => keyAllows(r, service, actions));
  if (answers.includes('yes')) return pass(`the key policy of ${key.address} lets the ${service} service use the key`);
  if (answers.includes('unknown')) return unknown(`the key policy of ${key.address} is not fully known before apply: cannot tell whether it lets the ${service} service use the key`);
  return fail(`the key policy of ${key.address} has no statement allowing a ${service}.…amazonaws.com service principal ${actions.join(', ')}; ${res.type} cannot encrypt with this key (apply fails)`);
}

export const kmsKeyUsableByService: ResourceRule = {
  id: 'ENC-03d',
  control: 'ENC-03',
  title: 'Keys given to CloudWatch Logs and CloudTrail let that service use them',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.312(b)'],
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'No cdk-nag or AWS Config anchor asks it: a log group or trail whose key policy does not let the service use the key fails at apply, leaving audit logs unencrypted or not delivered; phikit catches it before apply.' },
  resourceTypes: Object.keys(CONSUMERS),
  scope: 'resource',
  rationale:
    'CloudWatch Logs and CloudTrail encrypt with a customer-managed key through their own service principal, which the key policy must allow. A root-only key policy passes every encryption rule on paper and then fails at apply, so the audit trail the key was meant to protect is never written encrypted.',
  remediation:
    'Add a key-policy statement allowing the service principal (logs.<region>.amazonaws.com for log groups, cloudtrail.amazonaws.com for trails) kms:Encrypt*/Decrypt*/GenerateDataKey*/Describe*, ideally with an aws:SourceAccount or encryption-context condition; phikit constructs add it to a HipaaKmsKey they are given.',
  construct: 'HipaaKmsKey',
  check(res, ctx) {
    const a = attr(res, 'kms_key_id');
    if (a.state === 'absent') return notApplicable('no kms_key_id (ENC-09b / AUD-02 check encryption itself)');
    const keys = ctx.graph.deref(res, 'kms_key_id').resources.filter((r) => r.type === 'aws_kms_key');
    if (!keys.length) {
      if (a.state === 'unknown' && !ctx.graph.deref(res, 'kms_key_id').external) return unknown('kms_key_id is known only after apply');
      return notApplicable('the key is not declared in the inputs: its policy cannot be read here');
    }
    const verdicts = keys.map((k) => judge(ctx, res, k));
    return verdicts.find((v) => v.status === 'fail') ?? verdicts.find((v) => v.status === 'unknown') ?? verdicts[0];
  },
  examples: {
    pass: [
      { description: 'passes when the log group key lets the Logs service use it', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT, LOGS) }, 'aws_cloudwatch_log_group.g': { name: '/app', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_cloudwatch_log_group.g' },
      { description: 'passes when the trail key lets CloudTrail use it', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT, TRAIL) }, 'aws_cloudtrail.t': { name: 't', s3_bucket_name: 'b', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_cloudtrail.t' },
    ],
    fail: [
      { description: 'fails when the log group key policy names only the account root', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT) }, 'aws_cloudwatch_log_group.g': { name: '/app', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_cloudwatch_log_group.g' },
      { description: 'fails when the trail key lets only the Logs service use it', resources: { 'aws_kms_key.k': { policy: policyJson(ROOT, LOGS) }, 'aws_cloudtrail.t': { name: 't', s3_bucket_name: 'b', kms_key_id: '${aws_kms_key.k.arn}' } }, target: 'aws_cloudtrail.t' },
    ],
    unknown: [
      {
        description: 'is unknown when the key policy is known only after apply',
        resources: { 'aws_kms_key.k': { policy: policyJson(ROOT, LOGS) }, 'aws_cloudwatch_log_group.g': { name: '/app', kms_key_id: '${aws_kms_key.k.arn}' } },
        unknown: { 'aws_kms_key.k': ['policy'] },
        target: 'aws_cloudwatch_log_group.g',
      },
    ],
  },
};
