import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

const sub = (protocol: string) => ({ 'aws_sns_topic_subscription.s': { topic_arn: 'arn:aws:sns:us-east-1:111122223333:phi-events', protocol, endpoint: `${protocol}://hooks.example.org/phi` } });

export const snsSubscriptionHttps: ResourceRule = {
  id: 'COM-16',
  control: 'COM-16',
  title: 'SNS subscriptions do not deliver messages over plain HTTP',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security: messages delivered over plain HTTP cross the network unencrypted' },
  resourceTypes: ['aws_sns_topic_subscription'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical security measures against unauthorized access to ePHI transmitted over a network (164.312(e)(1)), and encryption of it where reasonable and appropriate (164.312(e)(2)(ii)). An SNS subscription with protocol "http" posts every message — which may describe a patient — to its endpoint unencrypted across the internet; "https" delivers the same messages over TLS at no cost, so no risk analysis can justify plain HTTP.',
  remediation: 'Set protocol = "https" and an https:// endpoint (the endpoint must present a certificate from a trusted CA), or deliver to SQS / Lambda instead.',
  check(s) {
    const protocol = attr(s, 'protocol');
    if (protocol.state === 'unknown' || protocol.state === 'sensitive') return unknown(unknownMessage('protocol'), ev('protocol', protocol));
    const p = (str(protocol) ?? '').toLowerCase();
    if (p === 'http') return fail('protocol is "http": SNS delivers the messages to the endpoint without TLS', ev('protocol', protocol));
    return pass(`protocol is "${p || '(not set)'}"${p === 'https' ? ' (TLS)' : ''}`, ev('protocol', protocol));
  },
  examples: {
    pass: [
      { description: 'passes when protocol is https', resources: sub('https') },
      { description: 'passes when the subscription delivers to SQS', resources: { 'aws_sns_topic_subscription.s': { topic_arn: 'arn:aws:sns:us-east-1:111122223333:phi-events', protocol: 'sqs', endpoint: 'arn:aws:sqs:us-east-1:111122223333:phi-in' } } },
    ],
    fail: [{ description: 'fails when protocol is http', resources: sub('http') }],
    unknown: [{ description: 'is unknown when protocol is known only after apply', resources: sub('http'), unknown: { 'aws_sns_topic_subscription.s': ['protocol'] } }],
  },
};
