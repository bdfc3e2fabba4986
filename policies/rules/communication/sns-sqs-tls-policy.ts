import { attr, computedOnly } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { PolicyDocument, conditionOn, coversAction, deniesInsecureTransport, readPolicy } from '../../model/iam';

/** SNS topic policies cannot use wildcards for every action; AWS's own TLS example denies SNS:Publish. */
function deniesInsecure(d: PolicyDocument, svc: 'sns' | 'sqs'): boolean {
  if (deniesInsecureTransport(d, svc)) return true;
  return (
    svc === 'sns' &&
    d.statements.some((s) => {
      const c = conditionOn(s, 'aws:SecureTransport', /^Bool(IfExists)?$/i);
      return s.effect === 'Deny' && (s.principals?.anyone ?? false) && coversAction(s, 'sns:Publish') && !!c && c.values.some((v) => v.toLowerCase() === 'false');
    })
  );
}
import { fail, pass } from '../helpers';
import { TRANSMISSION, judgeDocs, policyReads } from './_shared';

const deny = (svc: string) => JSON.stringify({ Statement: [{ Effect: 'Deny', Principal: '*', Action: `${svc}:*`, Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] });

export const snsSqsTlsPolicy: ResourceRule = {
  id: 'COM-13b',
  control: 'COM-13',
  title: 'SNS topic and SQS queue policies deny requests without TLS',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_sns_topic', 'aws_sqs_queue'],
  scope: 'resource',
  rationale: 'SNS and SQS accept HTTP API calls unless a resource policy denies aws:SecureTransport = false; messages about patients would then travel unencrypted.',
  remediation: 'Attach an aws_sns_topic_policy / aws_sqs_queue_policy (or the policy attribute) with a Deny of sqs:* (SQS) or SNS:Publish / sns:* (SNS) to "*" when Bool aws:SecureTransport = false.',
  check(res, ctx) {
    const svc: 'sns' | 'sqs' = res.type === 'aws_sns_topic' ? 'sns' : 'sqs';
    const reads = res.type === 'aws_sns_topic' ? policyReads(ctx, res, 'aws_sns_topic_policy', 'arn') : policyReads(ctx, res, 'aws_sqs_queue_policy', 'queue_url');
    const inline = readPolicy(ctx.graph, res, 'policy');
    // An inline policy known only at apply is read like a known one: its unknown state gives unknown, never "no policy".
    if (inline.state === 'known' || inline.state === 'invalid' || (inline.state === 'unknown' && !computedOnly(attr(res, 'policy')))) reads.push({ read: inline, where: 'policy' });
    if (!reads.length) return fail(`no ${svc.toUpperCase()} resource policy is declared; non-TLS requests are allowed`, { attribute: 'policy', value: '(not set)' });
    const ok = reads.some((r) => r.read.state === 'known' && deniesInsecure(r.read.doc, svc));
    if (ok) return pass(`a ${svc.toUpperCase()} policy denies non-TLS requests`);
    return judgeDocs(reads, (d) => deniesInsecure(d, svc), 'does not deny aws:SecureTransport = false') ?? pass('policy denies non-TLS requests');
  },
  examples: {
    pass: [
      { description: 'passes when the queue policy (by reference) denies insecure transport', resources: { 'aws_sqs_queue.q': { name: 'phi' }, 'aws_sqs_queue_policy.p': { queue_url: '${aws_sqs_queue.q.id}', policy: deny('sqs') } }, target: 'aws_sqs_queue.q' },
      { description: 'passes when the topic policy attribute denies insecure transport', resources: { 'aws_sns_topic.t': { name: 'phi', policy: deny('sns') } } },
    ],
    fail: [
      { description: 'fails when a topic has no policy', resources: { 'aws_sns_topic.t': { name: 'phi' } } },
      {
        description: 'fails when the topic policy (by reference) has no SecureTransport deny',
        resources: { 'aws_sns_topic.t': { name: 'phi' }, 'aws_sns_topic_policy.p': { arn: '${aws_sns_topic.t.arn}', policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish', Resource: '*' }] }) } },
        target: 'aws_sns_topic.t',
      },
    ],
    unknown: [
      { description: 'is unknown when the queue policy is known only after apply', resources: { 'aws_sqs_queue.q': { name: 'phi' }, 'aws_sqs_queue_policy.p': { queue_url: '${aws_sqs_queue.q.id}', policy: deny('sqs') } }, unknown: { 'aws_sqs_queue_policy.p': ['policy'] }, target: 'aws_sqs_queue.q' },
    ],
  },
};
