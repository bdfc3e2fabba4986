import { attr, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { AVL } from './_shared';

const FN = { function_name: 'ingest', role: 'arn:aws:iam::111122223333:role/r', runtime: 'nodejs20.x', handler: 'index.handler' };

export const lambdaDlq: ResourceRule = {
  id: 'BAK-12d',
  control: 'BAK-12',
  title: 'Lambda functions send failed asynchronous events to a dead-letter queue or failure destination',
  strategy: 6,
  citations: [...AVL, '164.312(b)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_lambda_function'],
  scope: 'resource',
  rationale: 'An asynchronous invocation that fails all retries is dropped. For functions that ingest clinical events (lab results, ADT feeds) a dropped event is lost data; a DLQ or on-failure destination keeps it for replay and makes the failure visible.',
  remediation: 'Set dead_letter_config { target_arn = <SQS queue or SNS topic> } on the function, or declare an aws_lambda_function_event_invoke_config with destination_config { on_failure { destination = ... } }.',
  anchors: { cdkNag: ['HIPAA.Security-LambdaDLQ'], awsConfig: ['lambda-dlq-check'], checkov: ['CKV_AWS_116'] },
  check(fn, ctx) {
    const dlq = attr(fn, 'dead_letter_config.target_arn');
    if (isSet(dlq)) return dlq.state === 'unknown' && !dlq.value.refs.length ? unknown(unknownMessage('dead_letter_config.target_arn'), ev('dead_letter_config.target_arn', dlq)) : pass('dead_letter_config.target_arn is set', ev('dead_letter_config.target_arn', dlq));
    const cfg = ctx.graph.related(fn, 'aws_lambda_function_event_invoke_config', 'function_name').find((c) => isSet(attr(c, 'destination_config.on_failure.destination')));
    if (cfg) return pass(`failed events go to the on_failure destination of ${cfg.address}`);
    return fail('dead_letter_config is not set and no aws_lambda_function_event_invoke_config sets an on_failure destination; failed asynchronous events are dropped', ev('dead_letter_config.target_arn', dlq));
  },
  examples: {
    pass: [
      { description: 'passes with dead_letter_config.target_arn referring to a queue', resources: { 'aws_sqs_queue.dlq': { name: 'dlq' }, 'aws_lambda_function.f': { ...FN, dead_letter_config: [{ target_arn: '${aws_sqs_queue.dlq.arn}' }] } }, target: 'aws_lambda_function.f' },
      { description: 'passes with an on_failure destination joined by literal function name', resources: { 'aws_lambda_function.f': FN, 'aws_lambda_function_event_invoke_config.c': { function_name: 'ingest', destination_config: [{ on_failure: [{ destination: 'arn:aws:sqs:us-east-1:111122223333:dlq' }] }] } }, target: 'aws_lambda_function.f' },
    ],
    fail: [{ description: 'fails with no dead-letter queue and no failure destination', resources: { 'aws_lambda_function.f': FN } }],
  },
};
