import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule, Verdict } from '../../engine/types';
import { combine, ev, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';
import { TRANSMISSION } from './_shared';

export const ecsEfsTransit: ResourceRule = {
  id: 'COM-13c',
  control: 'COM-13',
  title: 'ECS task definitions mount EFS volumes with transit encryption',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_ecs_task_definition'],
  scope: 'resource',
  rationale: 'An EFS volume in a task definition is mounted over plain NFS unless transit_encryption is ENABLED, so PHI files cross the network unencrypted between the task and EFS.',
  remediation: 'Set efs_volume_configuration.transit_encryption = "ENABLED" on every EFS volume of the task definition.',
  anchors: { checkov: ['CKV_AWS_97'] },
  check(td) {
    const verdicts: Verdict[] = [];
    blocks(td, 'volume').forEach((v, i) => {
      for (const e of blocks(v as never, 'efs_volume_configuration')) {
        const where = `volume[${i}].efs_volume_configuration.transit_encryption`;
        const a = attr(e as never, 'transit_encryption');
        if (a.state === 'unknown' || a.state === 'sensitive') verdicts.push(unknown(unknownMessage(where), ev(where, a)));
        else if (str(a) === 'ENABLED') verdicts.push(pass(`${where} is ENABLED`, ev(where, a)));
        else verdicts.push(fail(`${where} is ${str(a) ?? 'not set (DISABLED)'}`, ev(where, a)));
      }
    });
    if (!verdicts.length) return notApplicable('no EFS volumes');
    return combine(verdicts, 'every EFS volume uses transit encryption');
  },
  examples: {
    pass: [{ description: 'passes with transit_encryption ENABLED', resources: { 'aws_ecs_task_definition.t': { family: 'app', container_definitions: '[]', volume: [{ name: 'data', efs_volume_configuration: [{ file_system_id: 'fs-1', transit_encryption: 'ENABLED' }] }] } } }],
    fail: [{ description: 'fails when transit_encryption is not set', resources: { 'aws_ecs_task_definition.t': { family: 'app', container_definitions: '[]', volume: [{ name: 'data', efs_volume_configuration: [{ file_system_id: 'fs-1' }] }] } } }],
    unknown: [
      {
        description: 'is unknown when transit_encryption is known only after apply',
        resources: { 'aws_ecs_task_definition.t': { family: 'app', container_definitions: '[]', volume: [{ name: 'data', efs_volume_configuration: [{ file_system_id: 'fs-1', transit_encryption: 'ENABLED' }] }] } },
        unknown: { 'aws_ecs_task_definition.t': ['volume.efs_volume_configuration.transit_encryption'] },
      },
    ],
  },
};
