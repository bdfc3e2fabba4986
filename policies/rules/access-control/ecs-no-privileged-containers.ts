import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { TASK_CITES, containerDefinitions, passUnlessOpaque } from './_shared';

const defs = (c: Record<string, unknown>) => JSON.stringify([{ name: 'app', image: 'app:1', essential: true, ...c }]);

export const ecsNoPrivilegedContainers: ResourceRule = {
  id: 'ACC-26a',
  control: 'ACC-26',
  title: 'ECS task definitions run no privileged containers',
  strategy: 2,
  citations: TASK_CITES,
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_ecs_task_definition'],
  scope: 'resource',
  rationale: 'A privileged container has root on the host: it can read every other task\'s PHI and credentials on that instance.',
  remediation: 'Remove "privileged": true from the container definitions; grant specific Linux capabilities only if needed.',
  anchors: { checkov: ['CKV_AWS_334'] },
  check(td) {
    const d = containerDefinitions(td);
    if (d.state === 'unknown') return unknown('container_definitions is known only after apply', evv('container_definitions', '(known after apply)'));
    if (d.state !== 'known') return fail('container_definitions is not a JSON list of containers', evv('container_definitions', d.state));
    const bad = d.containers.find((c) => c.privileged === true);
    return bad ? fail(`container ${String(bad.name ?? '?')} sets privileged = true`, evv('container_definitions.privileged', true)) : passUnlessOpaque(d, pass('no container is privileged'));
  },
  examples: {
    pass: [{ description: 'passes when no container is privileged', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: defs({ privileged: false }) } } }],
    fail: [{ description: 'fails when a container is privileged', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: defs({ privileged: true }) } } }],
    unknown: [
      { description: 'is unknown when container_definitions is known only after apply', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: defs({}) } }, unknown: { 'aws_ecs_task_definition.t': ['container_definitions'] } },
      { description: 'is unknown when container_definitions is a for expression over containers rendered elsewhere (a module output, a local)', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: '${jsonencode([for c in local.containers : c.definition])}' } } },
    ],
  },
};
