import { blocks } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { Unknown } from '../../model/values';
import { evv, fail, pass, unknown } from '../helpers';

const CITES = ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'];
const CRED_NAMES = /^(AWS_ACCESS_KEY_ID|AWS_SECRET_ACCESS_KEY|AWS_SESSION_TOKEN)$/i;

export const codebuildNoPlaintextAwsCredentials: ResourceRule = {
  id: 'ACC-13a',
  control: 'ACC-13',
  title: 'CodeBuild projects hold no AWS credentials in plaintext environment variables',
  strategy: 2,
  citations: CITES,
  severity: 'critical',
  level: 'required',
  resourceTypes: ['aws_codebuild_project'],
  scope: 'resource',
  rationale: 'AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY as PLAINTEXT variables are visible to anyone who can read the project and in build logs; the project\'s service role already provides credentials.',
  remediation: 'Remove the variables and grant access through the project service_role; if a key is unavoidable, store it in Secrets Manager or Parameter Store and use type SECRETS_MANAGER / PARAMETER_STORE.',
  anchors: { cdkNag: ['HIPAA.Security-CodeBuildProjectEnvVarAwsCred'], awsConfig: ['codebuild-project-envvar-awscred-check'] },
  check(p) {
    for (const v of blocks(p, 'environment.environment_variable')) {
      if (v instanceof Unknown) {
        if (v.refs.length || v.template) return unknown('an environment variable block is known only after apply', evv('environment.environment_variable', '(known after apply)'));
        continue;
      }
      if (v.name instanceof Unknown || v.type instanceof Unknown) return unknown('an environment variable name or type is known only after apply', evv('environment.environment_variable', '(known after apply)'));
      const name = typeof v.name === 'string' ? v.name : '';
      const type = typeof v.type === 'string' ? v.type : 'PLAINTEXT';
      if (CRED_NAMES.test(name) && type === 'PLAINTEXT') return fail(`environment variable ${name} is of type PLAINTEXT (value withheld)`, evv('environment.environment_variable.name', name));
    }
    return pass('no AWS credential is passed as a plaintext environment variable');
  },
  examples: {
    pass: [
      {
        description: 'passes when the key comes from Parameter Store',
        resources: { 'aws_codebuild_project.p': { name: 'b', service_role: 'arn:aws:iam::111122223333:role/cb', environment: [{ compute_type: 'BUILD_GENERAL1_SMALL', image: 'img', type: 'LINUX_CONTAINER', environment_variable: [{ name: 'AWS_SECRET_ACCESS_KEY', value: '/ci/key', type: 'PARAMETER_STORE' }] }] } },
      },
    ],
    fail: [
      {
        description: 'fails when AWS_ACCESS_KEY_ID is a PLAINTEXT variable (type default)',
        resources: { 'aws_codebuild_project.p': { name: 'b', service_role: 'x', environment: [{ compute_type: 'BUILD_GENERAL1_SMALL', image: 'img', type: 'LINUX_CONTAINER', environment_variable: [{ name: 'AWS_ACCESS_KEY_ID', value: 'AKIAEXAMPLEEXAMPLE12' }] }] } },
      },
    ],
  },
};
