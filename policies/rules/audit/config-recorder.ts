import type { GraphRule, Verdict } from '../../engine/types';
import { combine, expectBool, fail, noneJoined, pass } from '../helpers';

export const configRecorder: GraphRule = {
  id: 'AUD-13a',
  control: 'AUD-13',
  title: 'AWS Config records all supported and global resources, is enabled, and has a delivery channel',
  strategy: 3,
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(8)', '164.312(b)'],
  severity: 'high',
  level: 'recommended',
  resourceTypes: ['aws_config_configuration_recorder'],
  scope: 'account',
  rationale:
    'The configuration history AWS Config records is the evidence of what the environment looked like at any time, and it is the prerequisite of every Config rule in the HIPAA conformance pack. A recorder that skips global resources misses IAM; one without a status resource never starts.',
  remediation:
    'Declare aws_config_configuration_recorder with recording_group { all_supported = true, include_global_resource_types = true }, an aws_config_configuration_recorder_status with is_enabled = true and an aws_config_delivery_channel (the phikit AuditTrail construct does), or waive this rule for stacks whose account baseline owns Config.',
  construct: 'AuditTrail',
  anchors: { checkov: ['CKV2_AWS_45', 'CKV2_AWS_48'] },
  check(ctx) {
    const recorders = ctx.graph.ofType('aws_config_configuration_recorder');
    if (!recorders.length) return [fail('no aws_config_configuration_recorder in the inputs; configuration changes are not recorded')];
    const channel = ctx.graph.ofType('aws_config_delivery_channel').length > 0;
    return recorders.map((r): Verdict => {
      const statuses = ctx.graph.related(r, 'aws_config_configuration_recorder_status', 'name');
      const status = statuses.length
        ? combine(statuses.map((s) => expectBool(s, 'is_enabled', true, undefined, 'the recorder is stopped')), 'the recorder is enabled')
        : noneJoined(ctx, r, 'aws_config_configuration_recorder_status', 'name', fail('no aws_config_configuration_recorder_status refers to this recorder; it never starts', { attribute: 'aws_config_configuration_recorder_status', value: '(none)' }));
      const v = combine(
        [
          expectBool(r, 'recording_group.all_supported', true, true, 'only selected resource types are recorded'),
          expectBool(r, 'recording_group.include_global_resource_types', true, false, 'IAM and other global resources are not recorded'),
          status,
          channel ? pass('a delivery channel is declared') : fail('no aws_config_delivery_channel is declared; recorded items go nowhere', { attribute: 'aws_config_delivery_channel', value: '(none)' }),
        ],
        'all supported and global resources are recorded, the recorder is enabled and delivers',
      );
      return { ...v, resource: r };
    });
  },
  examples: {
    pass: [
      {
        description: 'passes with a recorder recording everything, an enabled status (by reference) and a delivery channel',
        resources: {
          'aws_config_configuration_recorder.r': { name: 'default', role_arn: 'arn:aws:iam::111122223333:role/config', recording_group: [{ all_supported: true, include_global_resource_types: true }] },
          'aws_config_configuration_recorder_status.s': { name: '${aws_config_configuration_recorder.r.name}', is_enabled: true },
          'aws_config_delivery_channel.c': { name: 'default', s3_bucket_name: 'config' },
        },
        target: 'aws_config_configuration_recorder.r',
      },
    ],
    fail: [
      { description: 'fails when no recorder is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      {
        description: 'fails when include_global_resource_types is not set (default false; status joined by literal name)',
        resources: {
          'aws_config_configuration_recorder.r': { name: 'default', role_arn: 'arn:r', recording_group: [{ all_supported: true }] },
          'aws_config_configuration_recorder_status.s': { name: 'default', is_enabled: true },
          'aws_config_delivery_channel.c': { name: 'default', s3_bucket_name: 'config' },
        },
        target: 'aws_config_configuration_recorder.r',
      },
      {
        description: 'fails when the recorder status is_enabled = false',
        resources: {
          'aws_config_configuration_recorder.r': { name: 'default', role_arn: 'arn:r', recording_group: [{ all_supported: true, include_global_resource_types: true }] },
          'aws_config_configuration_recorder_status.s': { name: 'default', is_enabled: false },
          'aws_config_delivery_channel.c': { name: 'default', s3_bucket_name: 'config' },
        },
        target: 'aws_config_configuration_recorder.r',
      },
    ],
    unknown: [
      {
        description: 'is unknown when is_enabled is known only after apply',
        resources: {
          'aws_config_configuration_recorder.r': { name: 'default', role_arn: 'arn:r', recording_group: [{ all_supported: true, include_global_resource_types: true }] },
          'aws_config_configuration_recorder_status.s': { name: 'default', is_enabled: true },
          'aws_config_delivery_channel.c': { name: 'default', s3_bucket_name: 'config' },
        },
        unknown: { 'aws_config_configuration_recorder_status.s': ['is_enabled'] },
        target: 'aws_config_configuration_recorder.r',
      },
    ],
  },
};
