import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { TASK_CITES, containerDefinitions, passUnlessOpaque, plaintextSecret } from './_shared';

const task = (c: Record<string, unknown>) => ({ 'aws_ecs_task_definition.t': { family: 'api', container_definitions: JSON.stringify([{ name: 'api', image: 'api:1', essential: true, ...c }]) } });

export const ecsEnvNoSecrets: ResourceRule = {
  id: 'ACC-13e',
  control: 'ACC-13',
  title: 'ECS container environment variables hold no plaintext secrets',
  strategy: 2,
  citations: TASK_CITES,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a plaintext credential in a container definition gives access to whoever can read it (the anchors ask the same of CodeBuild, ACC-13a)' },
  resourceTypes: ['aws_ecs_task_definition'],
  scope: 'resource',
  rationale:
    'The Security Rule requires access to ePHI only for persons or software programs granted access rights (164.312(a)(1)) and procedures that authorize it (164.308(a)(4)). A database password, a connection string with credentials (MONGO_URI, DATABASE_URL) or an AWS secret key in a container\'s "environment" is readable by anyone who can describe the task definition, is kept in Terraform state and in every task definition revision: a credential to PHI stores outside any access control. phikit recommends the container "secrets" list (valueFrom a Secrets Manager secret or SSM parameter), which ECS injects at start.',
  remediation: 'Move the value to Secrets Manager or SSM Parameter Store and list it under the container\'s "secrets" as { name, valueFrom = <secret or parameter ARN> }; grant the task execution role read access to it.',
  check(td) {
    const d = containerDefinitions(td);
    if (d.state === 'absent') return pass('no container definitions');
    if (d.state === 'unknown') return unknown('container_definitions is known only after apply', evv('container_definitions', '(known after apply)'));
    if (d.state !== 'known') return fail('container_definitions is not a JSON list of containers', evv('container_definitions', 'invalid'));
    let opaque: string | undefined;
    for (const c of d.containers) {
      const env = Array.isArray(c.environment) ? c.environment : [];
      for (const e of env) {
        if (!e || typeof e !== 'object') continue;
        const { name, value } = e as { name?: unknown; value?: unknown };
        if (typeof name !== 'string' || typeof value !== 'string') continue;
        const found = plaintextSecret(name, value);
        if (found) return fail(`container ${String(c.name ?? '?')}: environment variable ${name} holds ${found} (value withheld)`, evv('container_definitions.environment', name));
        if (!opaque && /^\$\{/.test(value) && /secret|passw|token|key|credential|uri|url/i.test(name)) opaque = name;
      }
    }
    if (opaque) return unknown(`environment variable ${opaque} is set from a value known only after apply; it could be a plaintext secret`, evv('container_definitions.environment', opaque));
    return passUnlessOpaque(d, pass('no plaintext secret in container environment variables (secrets come from "secrets" / valueFrom)'));
  },
  examples: {
    pass: [
      {
        description: 'passes when the password comes from secrets/valueFrom',
        resources: task({ environment: [{ name: 'STAGE', value: 'prod' }, { name: 'DB_SECRET_ARN', value: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' }], secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:us-east-1:111122223333:secret:db' }] }),
      },
      { description: 'passes when MONGO_URI carries no password', resources: task({ environment: [{ name: 'MONGO_URI', value: 'mongodb://mongo.internal:27017/phi' }, { name: 'PASSWORD_MIN_LENGTH', value: '14' }] }) },
    ],
    fail: [
      { description: 'fails when MONGO_URI embeds a password', resources: task({ environment: [{ name: 'MONGO_URI', value: 'mongodb://app:Sup3rS3cret@mongo.internal:27017/phi' }] }) },
      { description: 'fails when DB_PASSWORD holds a literal value', resources: task({ environment: [{ name: 'DB_PASSWORD', value: 'hunter2hunter2' }] }) },
      { description: 'fails when AWS_SECRET_ACCESS_KEY is set in the environment', resources: task({ environment: [{ name: 'AWS_SECRET_ACCESS_KEY', value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }] }) },
    ],
    unknown: [
      { description: 'is unknown when container_definitions is known only after apply', resources: task({ environment: [{ name: 'DB_PASSWORD', value: 'x' }] }), unknown: { 'aws_ecs_task_definition.t': ['container_definitions'] } },
      { description: 'is unknown when container_definitions is a for expression over containers rendered elsewhere (a module output, a local)', resources: { 'aws_ecs_task_definition.t': { family: 'api', container_definitions: '${jsonencode([for c in local.containers : c.definition])}' } } },
    ],
  },
};
