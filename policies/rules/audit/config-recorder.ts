import { attr, bool } from '../../model/attrs';
import type { GraphRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

export const configRecorder: GraphRule = {
  id: 'AUD-13',
  control: 'AUD-13',
  title: 'AWS Config records all resources (including global types) and is switched on',
  strategy: 3,
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(8)', '164.312(b)'],
  severity: 'high',
  resourceTypes: ['aws_config_configuration_recorder', 'aws_config_configuration_recorder_status', 'aws_config_delivery_channel'],
  scope: 'account',
  rationale: 'A configuration history of every resource lets reviewers see when PHI storage was weakened and by whom (information system activity review), and runs the HIPAA conformance-pack rules continuously.',
  remediation: 'Declare aws_config_configuration_recorder with recording_group { all_supported = true, include_global_resource_types = true }, an aws_config_delivery_channel and aws_config_configuration_recorder_status with is_enabled = true; the phikit AuditTrail construct does.',
  construct: 'AuditTrail',
  anchors: { checkov: ['CKV2_AWS_45', 'CKV2_AWS_48'] },
  check(ctx) {
    const recorders = ctx.graph.ofType('aws_config_configuration_recorder');
    if (!recorders.length) return [fail('no aws_config_configuration_recorder in the inputs')];
    const r = recorders[0];
    const all = attr(r, 'recording_group.all_supported');
    const global = attr(r, 'recording_group.include_global_resource_types');
    if (all.state === 'unknown' || global.state === 'unknown') return [unknown('recording_group is known only after apply', undefined, r)];
    if (bool(all) === false) return [fail('recording_group.all_supported is false; only some resource types are recorded', { attribute: 'recording_group.all_supported', value: 'false' }, r)];
    if (bool(global) !== true) return [fail('recording_group.include_global_resource_types is not true; IAM changes are not recorded', { attribute: 'recording_group.include_global_resource_types', value: String(bool(global) ?? '(not set)') }, r)];
    if (!ctx.graph.ofType('aws_config_delivery_channel').length) return [fail('no aws_config_delivery_channel: the recorder cannot start without one', undefined, r)];
    const status = ctx.graph.ofType('aws_config_configuration_recorder_status');
    const on = status.map((s) => attr(s, 'is_enabled'));
    if (on.some((a) => a.state === 'unknown')) return [unknown('is_enabled is known only after apply', undefined, r)];
    if (!on.some((a) => bool(a) === true)) return [fail('no aws_config_configuration_recorder_status with is_enabled = true; the recorder is stopped', { attribute: 'aws_config_configuration_recorder_status.is_enabled', value: '(not true)' }, r)];
    return [pass('Config records all supported and global resources, and is on', undefined, r)];
  },
  examples: {
    pass: [
      {
        description: 'passes with a recorder, delivery channel and enabled status',
        resources: {
          'aws_config_configuration_recorder.r': { name: 'r', role_arn: 'arn:aws:iam::111122223333:role/config', recording_group: [{ all_supported: true, include_global_resource_types: true }] },
          'aws_config_delivery_channel.d': { name: 'd', s3_bucket_name: 'config-logs' },
          'aws_config_configuration_recorder_status.s': { name: 'r', is_enabled: true },
        },
      },
    ],
    fail: [
      { description: 'fails when no recorder is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      {
        description: 'fails when the recorder is not switched on',
        resources: {
          'aws_config_configuration_recorder.r': { name: 'r', role_arn: 'arn:aws:iam::111122223333:role/config', recording_group: [{ all_supported: true, include_global_resource_types: true }] },
          'aws_config_delivery_channel.d': { name: 'd', s3_bucket_name: 'config-logs' },
          'aws_config_configuration_recorder_status.s': { name: 'r', is_enabled: false },
        },
      },
    ],
  },
};
