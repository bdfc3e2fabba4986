/** HIPAA-eligible services data (policies/data) and COL-08 messages. */
import services from '../../policies/data/hipaa-eligible-services.json';
import prefixes from '../../policies/data/aws-terraform-service-prefixes.json';
import { serviceOf } from '../../policies/data/eligibility';
import { findRule } from '../../policies/rules';
import { runCase } from '../support/run-case';

describe('eligible-services data', () => {
  it('keeps its source and date', () => {
    expect(services.source).toBe('https://aws.amazon.com/compliance/hipaa-eligible-services-reference/');
    expect(services.as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(services.services).toHaveLength(services.service_count);
  });

  it('every eligible prefix names an entry of the list exactly', () => {
    const listed = new Set(services.services);
    const table = (prefixes as { prefixes: Record<string, { service: string; eligible: unknown }> }).prefixes;
    const bad = Object.entries(table).filter(([, v]) => v.eligible === true && !listed.has(v.service)).map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('matches the longest prefix', () => {
    expect(serviceOf('aws_cloudwatch_log_group')?.prefix).toBe('aws_cloudwatch_log_');
    expect(serviceOf('aws_cloudwatch_event_rule')?.prefix).toBe('aws_cloudwatch_event_');
    expect(serviceOf('aws_quantumledger_widget')).toBeUndefined();
  });
});

describe('COL-08 verdicts', () => {
  const rule = findRule('COL-08')!;

  it('says a control plane is not a PHI data service', () => {
    const f = runCase(rule, { description: 'x', resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: '{}' } } }, 'plan');
    expect(f).toHaveLength(1);
    expect(f[0].status).toBe('pass');
    expect(f[0].message).toContain('control plane, not a PHI data service');
  });

  it('gives one passing verdict per resource type and one failing verdict per resource', () => {
    const f = runCase(
      rule,
      {
        description: 'x',
        resources: {
          'aws_s3_bucket.a': { bucket: 'a' },
          'aws_s3_bucket.b': { bucket: 'b' },
          'aws_lightsail_instance.x': { name: 'x', availability_zone: 'us-east-1a', blueprint_id: 'b', bundle_id: 'n' },
          'aws_lightsail_instance.y': { name: 'y', availability_zone: 'us-east-1a', blueprint_id: 'b', bundle_id: 'n' },
        },
      },
      'synth',
    );
    expect(f.filter((x) => x.status === 'pass').map((x) => x.message)).toEqual([expect.stringMatching(/^2 aws_s3_bucket: /)]);
    expect(f.filter((x) => x.status === 'fail').map((x) => x.address).sort()).toEqual(['aws_lightsail_instance.x', 'aws_lightsail_instance.y']);
  });
});
