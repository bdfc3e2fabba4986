import { attr, isSet, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, pass, unknown } from '../helpers';
import { IAM } from './_shared';

export const emrKerberos: ResourceRule = {
  id: 'ACC-27a',
  control: 'ACC-27',
  title: 'EMR clusters use a Kerberos-enabled security configuration',
  strategy: 2,
  citations: IAM,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_emr_cluster'],
  scope: 'resource',
  rationale: 'Kerberos authenticates users and services inside the cluster, so jobs and users reaching PHI in HDFS/Spark are identified (unique user identification) rather than trusted by network position.',
  remediation: 'Create an aws_emr_security_configuration with AuthenticationConfiguration.KerberosConfiguration, reference it in security_configuration, and set kerberos_attributes { realm, kdc_admin_password }.',
  anchors: { cdkNag: ['HIPAA.Security-EMRKerberosEnabled'], awsConfig: ['emr-kerberos-enabled'], checkov: ['CKV_AWS_114', 'CKV2_AWS_55'] },
  check(c, ctx) {
    const sc = attr(c, 'security_configuration');
    if (!isSet(sc)) return fail('security_configuration is not set', ev('security_configuration', sc));
    if (!isSet(attr(c, 'kerberos_attributes.realm'))) return fail('kerberos_attributes.realm is not set; the cluster does not use Kerberos', ev('kerberos_attributes.realm', attr(c, 'kerberos_attributes.realm')));
    const conf = ctx.graph.deref(c, 'security_configuration').resources.find((r) => r.type === 'aws_emr_security_configuration');
    if (!conf) return unknown('the security configuration is outside these inputs; whether it enables Kerberos is unknown', ev('security_configuration', sc));
    const text = str(attr(conf, 'configuration'));
    if (text === undefined) return unknown(`${conf.address}.configuration is known only after apply`, evv('configuration', '(known after apply)'));
    let kerb = false;
    try {
      const j = JSON.parse(text) as { AuthenticationConfiguration?: { KerberosConfiguration?: unknown } };
      kerb = !!j.AuthenticationConfiguration?.KerberosConfiguration;
    } catch {
      return fail(`${conf.address}.configuration is not JSON`, evv('configuration', '(invalid)'));
    }
    return kerb ? pass(`Kerberos is configured in ${conf.address}`) : fail(`${conf.address} has no AuthenticationConfiguration.KerberosConfiguration`, evv(`${conf.address}.configuration`, 'no KerberosConfiguration'));
  },
  examples: {
    pass: [
      {
        description: 'passes with a Kerberos security configuration and realm',
        resources: {
          'aws_emr_security_configuration.s': { name: 'k', configuration: JSON.stringify({ AuthenticationConfiguration: { KerberosConfiguration: { Provider: 'ClusterDedicatedKdc', ClusterDedicatedKdcConfiguration: { TicketLifetimeInHours: 24 } } } }) },
          'aws_emr_cluster.c': { name: 'c', release_label: 'emr-7.0.0', service_role: 'r', security_configuration: '${aws_emr_security_configuration.s.name}', kerberos_attributes: [{ realm: 'EC2.INTERNAL', kdc_admin_password: 'x' }] },
        },
        target: 'aws_emr_cluster.c',
      },
    ],
    fail: [
      { description: 'fails without a security configuration', resources: { 'aws_emr_cluster.c': { name: 'c', release_label: 'emr-7.0.0', service_role: 'r' } } },
      {
        description: 'fails when the security configuration has no Kerberos section',
        resources: {
          'aws_emr_security_configuration.s': { name: 'enc', configuration: JSON.stringify({ EncryptionConfiguration: { EnableInTransitEncryption: true } }) },
          'aws_emr_cluster.c': { name: 'c', release_label: 'emr-7.0.0', service_role: 'r', security_configuration: 'enc', kerberos_attributes: [{ realm: 'EC2.INTERNAL', kdc_admin_password: 'x' }] },
        },
        target: 'aws_emr_cluster.c',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the security configuration JSON is known only after apply',
        resources: {
          'aws_emr_security_configuration.s': { name: 'k', configuration: '{}' },
          'aws_emr_cluster.c': { name: 'c', service_role: 'r', security_configuration: '${aws_emr_security_configuration.s.name}', kerberos_attributes: [{ realm: 'R', kdc_admin_password: 'x' }] },
        },
        unknown: { 'aws_emr_security_configuration.s': ['configuration'] },
        target: 'aws_emr_cluster.c',
      },
    ],
  },
};
