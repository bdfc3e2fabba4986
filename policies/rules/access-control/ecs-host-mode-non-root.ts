import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TASK_CITES, containerDefinitions, passUnlessOpaque } from './_shared';

const defs = (c: Record<string, unknown>) => JSON.stringify([{ name: 'app', image: 'app:1', essential: true, ...c }]);
const isRoot = (u: unknown) => u === undefined || u === null || u === '' || /^(root|0)(:.*)?$/.test(String(u));

export const ecsHostModeNonRoot: ResourceRule = {
  id: 'ACC-26b',
  control: 'ACC-26',
  title: 'ECS tasks using host networking run containers as a non-root user',
  strategy: 2,
  citations: TASK_CITES,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_ecs_task_definition'],
  scope: 'resource',
  rationale: 'With network_mode host a container shares the host network stack; running it as root (the default when user is unset) lets it bind privileged ports and sniff traffic of other tasks carrying PHI.',
  remediation: 'Set "user" to a non-root UID (or non-root user name) for every container, or use awsvpc networking.',
  anchors: { cdkNag: ['HIPAA.Security-ECSTaskDefinitionUserForHostMode'], awsConfig: ['ecs-task-definition-user-for-host-mode-check'] },
  check(td) {
    const mode = attr(td, 'network_mode');
    if (mode.state === 'unknown') return unknown(unknownMessage('network_mode'), ev('network_mode', mode));
    if (str(mode) !== 'host') return notApplicable(`network_mode is ${str(mode) ?? 'bridge (default)'}`);
    const d = containerDefinitions(td);
    if (d.state === 'unknown') return unknown('container_definitions is known only after apply', evv('container_definitions', '(known after apply)'));
    if (d.state !== 'known') return fail('container_definitions is not a JSON list of containers', evv('container_definitions', d.state));
    const bad = d.containers.find((c) => c.privileged === true || isRoot(c.user));
    return bad ? fail(`container ${String(bad.name ?? '?')} runs as ${bad.user === undefined ? 'root (user not set)' : String(bad.user)}${bad.privileged === true ? ', privileged' : ''} with host networking`, evv('container_definitions.user', (bad.user as string | undefined) ?? null)) : passUnlessOpaque(d, pass('every container runs as a non-root user'));
  },
  examples: {
    pass: [{ description: 'passes with host networking and user 1000', resources: { 'aws_ecs_task_definition.t': { family: 'f', network_mode: 'host', container_definitions: defs({ user: '1000' }) } } }],
    fail: [
      { description: 'fails with host networking and no user (root)', resources: { 'aws_ecs_task_definition.t': { family: 'f', network_mode: 'host', container_definitions: defs({}) } } },
      { description: 'fails with host networking and user root', resources: { 'aws_ecs_task_definition.t': { family: 'f', network_mode: 'host', container_definitions: defs({ user: 'root' }) } } },
    ],
    unknown: [
      { description: 'is unknown when network_mode is known only after apply', resources: { 'aws_ecs_task_definition.t': { family: 'f', network_mode: 'host', container_definitions: defs({}) } }, unknown: { 'aws_ecs_task_definition.t': ['network_mode'] } },
      { description: 'is unknown with host networking when container_definitions is a for expression over containers rendered elsewhere (a module output, a local)', resources: { 'aws_ecs_task_definition.t': { family: 'f', network_mode: 'host', container_definitions: '${jsonencode([for c in local.containers : c.definition])}' } } },
    ],
  },
};
