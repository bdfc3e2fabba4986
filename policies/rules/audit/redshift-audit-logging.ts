import type { ResourceRule } from '../../engine/types';
import { cfgAttr, expectBool, fail, noneJoined, pass } from '../helpers';

export const redshiftAuditLogging: ResourceRule = {
  id: 'AUD-11c',
  control: 'AUD-11',
  title: 'Redshift clusters have audit logging enabled',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.308(a)(5)(ii)(C)', '164.312(b)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: 'Redshift audit logs (connection, user and user-activity logs) record who queried PHI in the warehouse; they are off unless an aws_redshift_logging resource (or the legacy logging block) enables them.',
  remediation: 'Declare an aws_redshift_logging with cluster_identifier = the cluster and log_destination_type = "cloudwatch" (or an S3 bucket).',
  anchors: { cdkNag: ['HIPAA.Security-RedshiftClusterConfiguration'], awsConfig: ['redshift-cluster-configuration-check'], checkov: ['CKV_AWS_71'] },
  check(c, ctx) {
    const logging = ctx.graph.related(c, 'aws_redshift_logging', 'cluster_identifier');
    if (logging.length) return pass(`${logging[0].address} enables audit logging`);
    // A legacy logging block the configuration leaves out is computed by the provider (unknown in a
    // plan): it is off unless an aws_redshift_logging enables it, which is judged below.
    if (cfgAttr(c, 'logging.enable').state !== 'absent') return expectBool(c, 'logging.enable', true, false, 'audit logging is off');
    return noneJoined(ctx, c, 'aws_redshift_logging', 'cluster_identifier', fail('no aws_redshift_logging refers to this cluster and logging.enable is not set; audit logging is off', { attribute: 'aws_redshift_logging', value: '(none)' }));
  },
  examples: {
    pass: [
      {
        description: 'passes with an aws_redshift_logging referring to the cluster',
        resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus' }, 'aws_redshift_logging.l': { cluster_identifier: '${aws_redshift_cluster.r.id}', log_destination_type: 'cloudwatch', log_exports: ['connectionlog', 'userlog', 'useractivitylog'] } },
        target: 'aws_redshift_cluster.r',
      },
      {
        description: 'passes with an aws_redshift_logging naming the cluster literally',
        resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus' }, 'aws_redshift_logging.l': { cluster_identifier: 'dw', log_destination_type: 'cloudwatch' } },
        target: 'aws_redshift_cluster.r',
      },
    ],
    fail: [{ description: 'fails when no audit logging is declared', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', node_type: 'ra3.xlplus' } } }],
    unknown: [{ description: 'is unknown when the legacy logging.enable is known only after apply', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', logging: [{ enable: true, bucket_name: 'b' }] } }, unknown: { 'aws_redshift_cluster.r': ['logging.enable'] } }],
  },
};
