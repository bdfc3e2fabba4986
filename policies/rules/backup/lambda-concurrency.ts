import { num } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { AVL } from './_shared';
import { cfgAttr } from '../helpers';

const PATH = 'reserved_concurrent_executions';
const FN = { function_name: 'ingest', role: 'arn:aws:iam::111122223333:role/r', runtime: 'nodejs20.x', handler: 'index.handler' };

export const lambdaConcurrency: ResourceRule = {
  id: 'BAK-12e',
  control: 'BAK-12',
  title: 'Lambda functions reserve concurrency',
  strategy: 6,
  citations: [...AVL, '164.312(b)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_lambda_function'],
  scope: 'resource',
  rationale: 'All functions in an account share one concurrency pool: a runaway or attacked function can starve the functions that serve patients. Reserved concurrency guarantees each critical function its capacity and caps what it can consume.',
  remediation: `Set ${PATH} to a positive number sized for the function (the default -1 means no reservation).`,
  anchors: { cdkNag: ['HIPAA.Security-LambdaConcurrency'], awsConfig: ['lambda-concurrency-check'], checkov: ['CKV_AWS_115'] },
  check(fn) {
    const a = cfgAttr(fn, PATH);
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(PATH), ev(PATH, a));
    const n = a.state === 'absent' ? -1 : num(a);
    if (n === undefined) return fail(`${PATH} is not a number`, ev(PATH, a));
    if (n === 0) return fail(`${PATH} is 0, which throttles every invocation`, ev(PATH, a));
    return n > 0 ? pass(`${PATH} is ${n}`, ev(PATH, a)) : fail(`${PATH} is ${n}${a.state === 'absent' ? ' (provider default, not set)' : ''}; the function has no reserved concurrency`, ev(PATH, a));
  },
  examples: {
    pass: [{ description: `passes with ${PATH} = 50`, resources: { 'aws_lambda_function.f': { ...FN, [PATH]: 50 } } }],
    fail: [
      { description: `fails when ${PATH} is not set (-1)`, resources: { 'aws_lambda_function.f': FN } },
      { description: `fails when ${PATH} is 0`, resources: { 'aws_lambda_function.f': { ...FN, [PATH]: 0 } } },
    ],
    unknown: [{ description: `is unknown when ${PATH} is known only after apply`, resources: { 'aws_lambda_function.f': { ...FN, [PATH]: 50 } }, unknown: { 'aws_lambda_function.f': [PATH] } }],
  },
};
