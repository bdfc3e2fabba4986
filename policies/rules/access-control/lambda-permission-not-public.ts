import { attr, isSet, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { PUB } from './_shared';

export const lambdaPermissionNotPublic: ResourceRule = {
  id: 'ACC-21b',
  control: 'ACC-21',
  title: 'Lambda resource policies do not let anyone (or any account\'s use of a service) invoke the function',
  strategy: 2,
  citations: PUB,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_lambda_permission'],
  scope: 'resource',
  rationale: 'Principal "*" lets any AWS account invoke the function; a service principal without source_arn/source_account lets any customer\'s bucket, topic or API of that service invoke it (confused deputy).',
  remediation: 'Name the invoking account or service and set source_arn (and source_account for S3); use principal_org_id for organization-wide access.',
  anchors: { cdkNag: ['HIPAA.Security-LambdaFunctionPublicAccessProhibited'], awsConfig: ['lambda-function-public-access-prohibited'], checkov: ['CKV_AWS_301'] },
  check(p) {
    const principal = attr(p, 'principal');
    if (principal.state === 'unknown') return unknown(unknownMessage('principal'), ev('principal', principal));
    if (principal.state === 'absent') return unknown('principal is not in the input, so who may invoke the function is unknown', ev('principal', principal));
    const who = str(principal) ?? '';
    const scoped = ['source_arn', 'source_account', 'principal_org_id'].some((k) => isSet(attr(p, k)));
    if (who === '*' || who.includes('*')) return scoped && isSet(attr(p, 'principal_org_id')) ? pass('"*" is limited to the organization', ev('principal_org_id', attr(p, 'principal_org_id'))) : fail(`principal is "${who}": anyone can invoke the function`, ev('principal', principal));
    if (/\.amazonaws\.com$/.test(who) && !scoped) return fail(`service principal ${who} without source_arn or source_account: any account's ${who.split('.')[0]} resources can invoke it`, ev('principal', principal));
    return pass(`invocation limited to ${who}${scoped ? ' with a source condition' : ''}`, ev('principal', principal));
  },
  examples: {
    pass: [
      { description: 'passes for s3.amazonaws.com with source_arn', resources: { 'aws_lambda_permission.p': { action: 'lambda:InvokeFunction', function_name: 'f', principal: 's3.amazonaws.com', source_arn: 'arn:aws:s3:::phi-in', source_account: '111122223333' } } },
      { description: 'passes for a named account principal', resources: { 'aws_lambda_permission.p': { action: 'lambda:InvokeFunction', function_name: 'f', principal: '111122223333' } } },
    ],
    fail: [
      { description: 'fails when principal is "*"', resources: { 'aws_lambda_permission.p': { action: 'lambda:InvokeFunction', function_name: 'f', principal: '*' } } },
      { description: 'fails for sns.amazonaws.com without source_arn', resources: { 'aws_lambda_permission.p': { action: 'lambda:InvokeFunction', function_name: 'f', principal: 'sns.amazonaws.com' } } },
    ],
    unknown: [{ description: 'is unknown when the principal is known only after apply', resources: { 'aws_lambda_permission.p': { action: 'lambda:InvokeFunction', function_name: 'f', principal: '*' } }, unknown: { 'aws_lambda_permission.p': ['principal'] } }],
  },
};
