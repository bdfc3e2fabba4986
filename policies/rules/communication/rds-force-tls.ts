import { attr, blocks, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { fail, notApplicable, pass, unknown } from '../helpers';
import { parameterGroups } from './_shared';
import { Unknown } from '../../model/values';

/** The parameter that forces TLS for an engine, and its required value. */
export function tlsParameter(engine: string): { name: string; value: string } | undefined {
  if (/postgres/.test(engine)) return { name: 'rds.force_ssl', value: '1' };
  if (/sqlserver/.test(engine)) return { name: 'rds.force_ssl', value: '1' };
  if (/mysql|mariadb/.test(engine)) return { name: 'require_secure_transport', value: 'ON' };
  return undefined;
}

export const rdsForceTls: ResourceRule = {
  id: 'COM-09',
  control: 'COM-09',
  title: 'RDS databases refuse connections without TLS (parameter group)',
  strategy: 5,
  citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
  severity: 'high',
  resourceTypes: ['aws_db_instance'],
  scope: 'resource',
  rationale: 'RDS accepts unencrypted client connections unless the parameter group forces TLS (rds.force_ssl = 1 for PostgreSQL and SQL Server, require_secure_transport = ON for MySQL and MariaDB).',
  remediation: 'Attach a aws_db_parameter_group that sets rds.force_ssl = 1 (PostgreSQL/SQL Server) or require_secure_transport = ON (MySQL/MariaDB); the phikit HipaaDatabase construct does.',
  construct: 'HipaaDatabase',
  anchors: { checkov: ['CKV2_AWS_69'] },
  check(db, ctx) {
    const engine = str(attr(db, 'engine'));
    if (attr(db, 'engine').state === 'unknown') return unknown('engine is known only after apply');
    const want = engine ? tlsParameter(engine) : undefined;
    if (!want) return notApplicable(`engine ${engine ?? '(not set)'} has no TLS-forcing parameter phikit knows`);
    const groups = parameterGroups(ctx.graph, db, 'parameter_group_name', 'aws_db_parameter_group');
    if (groups === undefined) return unknown('the parameter group is outside these inputs');
    if (!groups.length) return fail(`no custom parameter group: the default does not set ${want.name} = ${want.value}`, { attribute: 'parameter_group_name', value: '(default)' });
    for (const g of groups) {
      for (const p of blocks(g, 'parameter')) {
        if (p instanceof Unknown) return unknown(`${g.address}.parameter is known only after apply`);
        const name = str(attr(p, 'name'));
        const value = attr(p, 'value');
        if (name !== want.name) continue;
        if (value.state === 'unknown') return unknown(`${g.address} ${want.name} is known only after apply`);
        if (String(str(value) ?? (value.state === 'known' ? value.value : '')).toUpperCase() === want.value) return pass(`${g.address} sets ${want.name} = ${want.value}`);
        return fail(`${g.address} sets ${want.name} = ${String(value.state === 'known' ? value.value : '')}, not ${want.value}`, { attribute: `${g.address}.parameter.${want.name}`, value: String(value.state === 'known' ? value.value : '') });
      }
    }
    return fail(`the parameter group does not set ${want.name} = ${want.value}`, { attribute: 'parameter', value: '(not set)' });
  },
  examples: {
    pass: [
      {
        description: 'passes when the PostgreSQL parameter group sets rds.force_ssl = 1 (joined by reference)',
        resources: {
          'aws_db_parameter_group.pg': { name: 'phi-pg', family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '1' }] },
          'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro', parameter_group_name: '${aws_db_parameter_group.pg.name}' },
        },
        target: 'aws_db_instance.db',
      },
      {
        description: 'passes when the MySQL parameter group (by literal name) requires secure transport',
        resources: {
          'aws_db_parameter_group.my': { name: 'phi-mysql', family: 'mysql8.0', parameter: [{ name: 'require_secure_transport', value: 'ON' }] },
          'aws_db_instance.db': { engine: 'mysql', instance_class: 'db.t3.micro', parameter_group_name: 'phi-mysql' },
        },
        target: 'aws_db_instance.db',
      },
    ],
    fail: [
      { description: 'fails with the default parameter group', resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } } },
      {
        description: 'fails when rds.force_ssl is 0',
        resources: {
          'aws_db_parameter_group.pg': { name: 'phi-pg', family: 'postgres16', parameter: [{ name: 'rds.force_ssl', value: '0' }] },
          'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro', parameter_group_name: '${aws_db_parameter_group.pg.name}' },
        },
        target: 'aws_db_instance.db',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the engine is known only after apply',
        resources: { 'aws_db_instance.db': { engine: 'postgres', instance_class: 'db.t3.micro' } },
        unknown: { 'aws_db_instance.db': ['engine'] },
      },
    ],
  },
};
