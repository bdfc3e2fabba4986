import type { ResourceRule } from '../../engine/types';
import { Unknown, isPlainObject } from '../../model/values';
import { evv, fail, pass, unknown } from '../helpers';
import { plaintextSecret } from './_shared';

const CITES = ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'];

export const lambdaEnvNoSecrets: ResourceRule = {
  id: 'ACC-13c',
  control: 'ACC-13',
  title: 'Lambda environment variables hold no plaintext secrets',
  strategy: 2,
  citations: CITES,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a plaintext credential in the function configuration gives access to whoever can read it (the anchors ask the same of CodeBuild, ACC-13a)' },
  resourceTypes: ['aws_lambda_function'],
  scope: 'resource',
  rationale: 'Environment variables are readable by anyone with lambda:GetFunctionConfiguration and are stored in Terraform state; a database password there is a PHI credential outside any secret store.',
  remediation: 'Store the secret in Secrets Manager or Parameter Store and pass its ARN/name; read it at run time with the function role.',
  anchors: { checkov: ['CKV_AWS_45'] },
  check(fn) {
    const env = fn.values.environment;
    const blocks = Array.isArray(env) ? env : env ? [env] : [];
    for (const b of blocks) {
      if (isPlainObject(b) && b.variables instanceof Unknown && (b.variables.refs.length || b.variables.template)) return unknown('environment.variables is known only after apply', evv('environment.variables', '(known after apply)'));
      if (!isPlainObject(b) || !isPlainObject(b.variables)) continue;
      for (const [k, v] of Object.entries(b.variables)) {
        if (typeof v !== 'string') continue;
        const found = plaintextSecret(k, v);
        if (found) return fail(`environment variable ${k} holds ${found} (value withheld)`, evv('environment.variables', k));
      }
    }
    return pass('no plaintext secret in environment variables');
  },
  examples: {
    pass: [
      { description: 'passes when the variable holds a secret ARN', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', environment: [{ variables: { DB_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db', STAGE: 'prod' } }] } } },
      {
        description: 'passes when a secret-named variable holds a Secrets Manager ARN whose resource part reads "secret:<name>"',
        resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', environment: [{ variables: { SECRET: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:phi/db-AbCdEf', CONFIG: 'source=arn:aws-us-gov:secretsmanager:us-gov-west-1:111122223333:secret:app-token-Zx9' } }] } },
      },
    ],
    fail: [
      { description: 'fails when DB_PASSWORD holds a literal value', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', environment: [{ variables: { DB_PASSWORD: 'hunter2hunter2' } }] } } },
      { description: 'fails when MONGO_URI embeds a password', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', environment: [{ variables: { MONGO_URI: 'mongodb+srv://app:Sup3rS3cret@cluster0.example.net/phi' } }] } } },
      { description: 'fails when a password assignment follows an ARN in the same value', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', environment: [{ variables: { OPTS: 'role=arn:aws:iam::111122223333:role/app password=hunter2hunter2' } }] } } },
      { description: 'fails when a variable holds an AWS access key id', resources: { 'aws_lambda_function.f': { function_name: 'f', role: 'r', environment: [{ variables: { KEY: 'AKIAIOSFODNN7EXAMPLE' } }] } } },
    ],
  },
};
