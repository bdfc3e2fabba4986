import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';

/** Lambda runtimes past their AWS deprecation date (no more security patches). */
export const DEPRECATED_RUNTIMES = new Set([
  'nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x',
  'python2.7', 'python3.6', 'python3.7', 'python3.8',
  'java8', 'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1', 'dotnetcore3.1', 'dotnet5.0', 'dotnet6', 'dotnet7',
  'ruby2.5', 'ruby2.7', 'ruby3.2', 'go1.x', 'provided',
]);

export const lambdaRuntimeSupported: ResourceRule = {
  id: 'AUD-15e',
  control: 'AUD-15',
  title: 'Lambda functions do not use a deprecated runtime',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_lambda_function'],
  scope: 'resource',
  rationale: 'A deprecated runtime no longer receives security patches from AWS, so functions processing PHI keep running on a language runtime with known vulnerabilities.',
  remediation: 'Move the function to a supported runtime (e.g. nodejs22.x, python3.13, java21) or a container image you patch.',
  anchors: { checkov: ['CKV_AWS_363'] },
  check(fn) {
    if (str(attr(fn, 'package_type')) === 'Image') return notApplicable('container-image function: the image carries its runtime');
    const r = attr(fn, 'runtime');
    if (r.state === 'unknown' || r.state === 'sensitive') return unknown(unknownMessage('runtime'), ev('runtime', r));
    const v = str(r);
    if (v === undefined) return notApplicable('no runtime set');
    return DEPRECATED_RUNTIMES.has(v) ? fail(`runtime is ${v}, which is deprecated and no longer patched`, ev('runtime', r)) : pass(`runtime ${v} is supported`, ev('runtime', r));
  },
  examples: {
    pass: [{ description: 'passes with runtime nodejs20.x', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'arn:r', handler: 'index.handler', runtime: 'nodejs20.x' } } }],
    fail: [{ description: 'fails with runtime python3.7', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'arn:r', handler: 'index.handler', runtime: 'python3.7' } } }],
    unknown: [{ description: 'is unknown when runtime is known only after apply', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'arn:r', runtime: 'nodejs20.x' } }, unknown: { 'aws_lambda_function.f': ['runtime'] } }],
  },
};
