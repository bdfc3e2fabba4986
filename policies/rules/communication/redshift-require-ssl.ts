import { attr, blocks, str, undecided } from '../../model/attrs';
import { AFTER_APPLY, Unknown } from '../../model/values';
import type { ResourceRule } from '../../engine/types';
import { cfgAttr, ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { TLS } from './_shared';

export const redshiftRequireSsl: ResourceRule = {
  id: 'COM-10a',
  control: 'COM-10',
  title: 'Redshift clusters require SSL through their parameter group (require_ssl = true)',
  strategy: 5,
  citations: TLS,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: 'The default Redshift parameter group accepts unencrypted connections, so SQL clients can pull PHI over the network in clear text.',
  remediation: 'Attach an aws_redshift_parameter_group with parameter { name = "require_ssl", value = "true" } via cluster_parameter_group_name.',
  anchors: { cdkNag: ['HIPAA.Security-RedshiftRequireTlsSSL'], awsConfig: ['redshift-require-tls-ssl'], checkov: ['CKV_AWS_105'] },
  check(c, ctx) {
    // Left out of the configuration (computed by the provider in a plan), the cluster gets the default group.
    const g = cfgAttr(c, 'cluster_parameter_group_name');
    const name = str(g);
    if (g.state === 'absent' || (name !== undefined && name.startsWith('default.'))) return fail(`cluster_parameter_group_name is ${name ?? 'not set'} (default group: require_ssl false)`, ev('cluster_parameter_group_name', g));
    const groups = ctx.graph.targetsOfType(c, 'cluster_parameter_group_name', ['aws_redshift_parameter_group']);
    if (!groups.length) return unknown(`cluster_parameter_group_name names a parameter group outside these inputs; require_ssl cannot be verified`, ev('cluster_parameter_group_name', g));
    const params = blocks(groups[0], 'parameter');
    const p = params.find((x) => !(x instanceof Unknown) && str(attr(x, 'name')) === 'require_ssl');
    const where = `${groups[0].address}.parameter[require_ssl].value`;
    if (!p && params.some((x) => x instanceof Unknown || undecided(attr(x, 'name')))) return unknown(`a parameter of ${groups[0].address} is known only after apply (it may set require_ssl)`, ev(where, { state: 'unknown', value: AFTER_APPLY }));
    if (!p) return fail(`${groups[0].address} does not set require_ssl (default false)`, ev(where, { state: 'absent' }));
    const v = attr(p as never, 'value');
    if (v.state !== 'known') return unknown(unknownMessage(where), ev(where, v));
    return String(v.value).toLowerCase() === 'true' ? pass(`${groups[0].address} sets require_ssl = true`, ev(where, v)) : fail(`${where} is ${String(v.value)}`, ev(where, v));
  },
  examples: {
    pass: [
      {
        description: 'passes when the parameter group (by reference) sets require_ssl = true',
        resources: { 'aws_redshift_parameter_group.p': { name: 'phi', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'true' }] }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', cluster_parameter_group_name: '${aws_redshift_parameter_group.p.name}' } },
        target: 'aws_redshift_cluster.r',
      },
      {
        description: 'passes when the group is named through a local and is the only parameter group in its module (joined by scope)',
        resources: { 'aws_redshift_parameter_group.p': { name: 'phi', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'true' }] }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', cluster_parameter_group_name: '${local.parameter_group_name}' } },
        target: 'aws_redshift_cluster.r',
      },
    ],
    fail: [
      { description: 'fails on the default parameter group', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw' } } },
      {
        description: 'fails when the parameter group named literally sets require_ssl = false',
        resources: { 'aws_redshift_parameter_group.p': { name: 'phi', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'false' }] }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', cluster_parameter_group_name: 'phi' } },
        target: 'aws_redshift_cluster.r',
      },
      {
        description: 'fails when the only parameter group in the module, named through a local, does not set require_ssl (joined by scope)',
        resources: { 'aws_redshift_parameter_group.p': { name: 'phi', family: 'redshift-1.0' }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', cluster_parameter_group_name: '${local.parameter_group_name}' } },
        target: 'aws_redshift_cluster.r',
      },
    ],
    unknown: [
      { description: 'is unknown when cluster_parameter_group_name is known only after apply', resources: { 'aws_redshift_cluster.r': { cluster_identifier: 'dw', cluster_parameter_group_name: 'phi' } }, unknown: { 'aws_redshift_cluster.r': ['cluster_parameter_group_name'] } },
      {
        description: 'is unknown when the group is named through a local and two parameter groups could be its target',
        resources: {
          'aws_redshift_parameter_group.p': { name: 'phi', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'true' }] },
          'aws_redshift_parameter_group.q': { name: 'other', family: 'redshift-1.0' },
          'aws_redshift_cluster.r': { cluster_identifier: 'dw', cluster_parameter_group_name: '${local.parameter_group_name}' },
        },
        target: 'aws_redshift_cluster.r',
      },
      {
        description: 'is unknown when the require_ssl value is known only after apply',
        resources: { 'aws_redshift_parameter_group.p': { name: 'phi', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'true' }] }, 'aws_redshift_cluster.r': { cluster_identifier: 'dw', cluster_parameter_group_name: 'phi' } },
        unknown: { 'aws_redshift_parameter_group.p': ['parameter.value'] },
        target: 'aws_redshift_cluster.r',
      },
    ],
  },
};
