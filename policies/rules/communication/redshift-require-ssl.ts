import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { Unknown } from '../../model/values';
import { parameterGroups } from './_shared';

export const redshiftRequireSsl: ResourceRule = {
  id: 'COM-10a',
  control: 'COM-10',
  title: 'Redshift clusters require SSL connections',
  strategy: 5,
  citations: ['164.312(a)(2)(iv)', '164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  severity: 'high',
  resourceTypes: ['aws_redshift_cluster'],
  scope: 'resource',
  rationale: 'Redshift accepts unencrypted connections unless the parameter group sets require_ssl = true.',
  remediation: 'Attach an aws_redshift_parameter_group with parameter { name = "require_ssl", value = "true" }.',
  anchors: { cdkNag: ['HIPAA.Security-RedshiftRequireTlsSSL'], awsConfig: ['redshift-require-tls-ssl'], checkov: ['CKV_AWS_105'] },
  check(c, ctx) {
    const groups = parameterGroups(ctx.graph, c, 'cluster_parameter_group_name', 'aws_redshift_parameter_group');
    if (groups === undefined) return unknown('the parameter group is outside these inputs');
    for (const g of groups) {
      for (const p of blocks(g, 'parameter')) {
        if (p instanceof Unknown) return unknown('parameters are known only after apply');
        if (str(attr(p, 'name')) === 'require_ssl') return String(str(attr(p, 'value'))).toLowerCase() === 'true' ? pass(`${g.address} sets require_ssl = true`) : fail('require_ssl is not true', { attribute: 'require_ssl', value: String(str(attr(p, 'value'))) });
      }
    }
    return fail('no parameter group sets require_ssl = true (the default allows plain connections)', { attribute: 'cluster_parameter_group_name', value: groups.length ? groups[0].address : '(default)' });
  },
  examples: {
    pass: [{ description: 'passes when the parameter group requires SSL', resources: { 'aws_redshift_parameter_group.p': { name: 'dw', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'true' }] }, 'aws_redshift_cluster.c': { cluster_identifier: 'dw', node_type: 'ra3.xlplus', cluster_parameter_group_name: '${aws_redshift_parameter_group.p.name}' } }, target: 'aws_redshift_cluster.c' }],
    fail: [{ description: 'fails with the default parameter group', resources: { 'aws_redshift_cluster.c': { cluster_identifier: 'dw', node_type: 'ra3.xlplus' } } }],
  },
};
