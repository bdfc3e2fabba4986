/** Data classification of stores (model/phi classifyStore) and the PHI-store rules that read it. */
import { findRule } from '../../policies/rules';
import { classifyStore } from '../../policies/model/phi';
import type { RuleCase } from '../../policies/engine/types';
import { FORMATS, caseGraph, runCase } from '../support/run-case';

/** The classification of `address` in the case, the same through both input formats. */
const classOf = (c: RuleCase, address: string) => {
  const [synth, plan] = FORMATS.map((format) => {
    const g = caseGraph(c, format);
    const r = g.resources.find((x) => x.address === address);
    if (!r) throw new Error(`no ${address}`);
    return classifyStore(g, r);
  });
  expect(synth.class).toBe(plan.class);
  return plan;
};
const bucket = (extra: Record<string, unknown> = {}) => ({ bucket: 'b', ...extra });

describe('classifyStore', () => {
  it('lets a data-classification tag decide: PHI, audit, other', () => {
    expect(classOf({ description: '', resources: { 'aws_s3_bucket.b': bucket({ tags: { DataClass: 'ePHI' } }) } }, 'aws_s3_bucket.b')).toMatchObject({ class: 'phi', why: 'tagged DataClass = ePHI' });
    expect(classOf({ description: '', resources: { 'aws_s3_bucket.b': bucket({ tags: { data_classification: 'audit' } }) } }, 'aws_s3_bucket.b').class).toBe('audit');
    expect(classOf({ description: '', resources: { 'aws_s3_bucket.b': bucket({ tags: { DataClass: 'public' } }) } }, 'aws_s3_bucket.b').class).toBe('other');
  });

  it('a PHI tag wins over being a log destination', () => {
    const c: RuleCase = { description: '', resources: { 'aws_s3_bucket.b': bucket({ tags: { DataClass: 'PHI' } }), 'aws_s3_bucket_logging.l': { bucket: 'src', target_bucket: '${aws_s3_bucket.b.id}' } } };
    expect(classOf(c, 'aws_s3_bucket.b').class).toBe('phi');
  });

  it.each([
    ['S3 server access logs', { 'aws_s3_bucket_logging.l': { bucket: 'src', target_bucket: '${aws_s3_bucket.b.id}' } }, false],
    ['ALB access logs', { 'aws_lb.a': { name: 'a', access_logs: [{ bucket: '${aws_s3_bucket.b.id}', enabled: true }] } }, false],
    ['VPC flow logs (bucket ARN)', { 'aws_flow_log.f': { vpc_id: 'vpc-1', traffic_type: 'ALL', log_destination_type: 's3', log_destination: '${aws_s3_bucket.b.arn}' } }, false],
    ['CloudFront access logs', { 'aws_cloudfront_distribution.d': { enabled: true, logging_config: [{ bucket: '${aws_s3_bucket.b.bucket_domain_name}' }] } }, false],
    ['WAF logs', { 'aws_wafv2_web_acl_logging_configuration.w': { resource_arn: 'arn:aws:wafv2:us-east-1:111122223333:regional/webacl/a/1', log_destination_configs: ['${aws_s3_bucket.b.arn}'] } }, false],
    ['CloudTrail logs (literal bucket name)', { 'aws_cloudtrail.t': { name: 't', s3_bucket_name: 'b' } }, true],
    ['AWS Config deliveries', { 'aws_config_delivery_channel.c': { name: 'c', s3_bucket_name: '${aws_s3_bucket.b.bucket}' } }, true],
  ])('an untagged bucket that receives %s is an audit store', (_what, writer, trail) => {
    const c = classOf({ description: '', resources: { 'aws_s3_bucket.b': bucket(), ...writer } }, 'aws_s3_bucket.b');
    expect(c.class).toBe('audit');
    expect(c.trail).toBe(trail);
    expect(c.why).toMatch(/^untagged, receives .* from /);
  });

  it('treats any other untagged bucket as PHI (conservative) and says so', () => {
    expect(classOf({ description: '', resources: { 'aws_s3_bucket.b': bucket() } }, 'aws_s3_bucket.b')).toMatchObject({ class: 'phi', why: expect.stringContaining('conservative') });
  });

  it('leaves untagged non-bucket stores unclassified and log groups audit', () => {
    expect(classOf({ description: '', resources: { 'aws_dynamodb_table.t': { name: 't', hash_key: 'id' } } }, 'aws_dynamodb_table.t').class).toBe('unclassified');
    expect(classOf({ description: '', resources: { 'aws_cloudwatch_log_group.g': { name: 'g' } } }, 'aws_cloudwatch_log_group.g').class).toBe('audit');
  });

  it('is unknown when the classification tag is known only after apply (plan)', () => {
    const c: RuleCase = { description: '', resources: { 'aws_s3_bucket.b': bucket({ tags: { DataClass: 'PHI' } }) }, unknown: { 'aws_s3_bucket.b': ['tags.DataClass'] } };
    const g = caseGraph(c, 'plan');
    expect(classifyStore(g, g.resources.find((r) => r.address === 'aws_s3_bucket.b')!).class).toBe('unknown');
  });
});

describe('PHI-store rules on audit stores', () => {
  const accessLogBucket: RuleCase = { description: 'an S3 access-log bucket', resources: { 'aws_s3_bucket.logs': bucket({ bucket: 'logs' }), 'aws_s3_bucket_logging.l': { bucket: 'src', target_bucket: '${aws_s3_bucket.logs.id}' } }, target: 'aws_s3_bucket.logs' };
  const plainBucket: RuleCase = { description: 'an untagged bucket', resources: { 'aws_s3_bucket.b': bucket() }, target: 'aws_s3_bucket.b' };

  it.each(['BAK-09', 'BAK-10a', 'BAK-03g', 'AUD-04', 'ENC-16'])('%s does not judge an S3 access-log bucket as a PHI store', (id) => {
    for (const format of FORMATS) expect(runCase(findRule(id)!, accessLogBucket, format)).toEqual([]);
  });

  it.each(['BAK-09', 'BAK-10a', 'AUD-04'])('%s judges an untagged, non-log bucket as PHI and says why', (id) => {
    for (const format of FORMATS) {
      const fs = runCase(findRule(id)!, plainBucket, format);
      expect(fs.map((f) => f.status)).toEqual(['fail']);
      expect(fs[0].message).toContain('treated as PHI (conservative)');
    }
  });

  it('BAK-09 still asks Object Lock of a CloudTrail bucket', () => {
    const c: RuleCase = { description: '', resources: { 'aws_s3_bucket.t': bucket({ bucket: 'trail' }), 'aws_cloudtrail.t': { name: 't', s3_bucket_name: '${aws_s3_bucket.t.id}' } }, target: 'aws_s3_bucket.t' };
    for (const format of FORMATS) expect(runCase(findRule('BAK-09')!, c, format).map((f) => f.status)).toEqual(['fail']);
  });
});
