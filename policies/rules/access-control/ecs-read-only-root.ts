import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { TASK_CITES, containerDefinitions, passUnlessOpaque } from './_shared';

const defs = (c: Record<string, unknown>) => JSON.stringify([{ name: 'app', image: 'app:1', essential: true, ...c }]);

export const ecsReadOnlyRoot: ResourceRule = {
  id: 'ACC-26c',
  control: 'ACC-26',
  title: 'ECS containers use a read-only root filesystem',
  strategy: 2,
  citations: TASK_CITES,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_ecs_task_definition'],
  scope: 'resource',
  rationale: 'A read-only root filesystem stops an intruder from planting tools or persisting in the container and keeps PHI from being written to unmanaged, unencrypted container storage.',
  remediation: 'Set "readonlyRootFilesystem": true on every container; mount volumes for paths that must be writable.',
  anchors: { awsConfig: ['ecs-containers-readonly-access'], checkov: ['CKV_AWS_336'] },
  check(td) {
    const d = containerDefinitions(td);
    if (d.state === 'unknown') return unknown('container_definitions is known only after apply', evv('container_definitions', '(known after apply)'));
    if (d.state !== 'known') return fail('container_definitions is not a JSON list of containers', evv('container_definitions', d.state));
    const bad = d.containers.find((c) => c.readonlyRootFilesystem !== true);
    return bad ? fail(`container ${String(bad.name ?? '?')} has readonlyRootFilesystem ${bad.readonlyRootFilesystem === undefined ? 'not set (default false)' : String(bad.readonlyRootFilesystem)}`, evv('container_definitions.readonlyRootFilesystem', (bad.readonlyRootFilesystem as boolean | undefined) ?? null)) : passUnlessOpaque(d, pass('every container has a read-only root filesystem'));
  },
  examples: {
    pass: [{ description: 'passes when readonlyRootFilesystem is true', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: defs({ readonlyRootFilesystem: true }) } } }],
    fail: [{ description: 'fails when readonlyRootFilesystem is not set', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: defs({}) } } }],
    unknown: [
      { description: 'is unknown when container_definitions is known only after apply', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: defs({ readonlyRootFilesystem: true }) } }, unknown: { 'aws_ecs_task_definition.t': ['container_definitions'] } },
      { description: 'is unknown when container_definitions is a for expression over containers rendered elsewhere (a module output, a local)', resources: { 'aws_ecs_task_definition.t': { family: 'f', container_definitions: '${jsonencode([for c in local.containers : c.definition])}' } } },
    ],
  },
};
