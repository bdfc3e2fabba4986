import { attr, blocks, str } from '../../model/attrs';
import { isPhiTagged } from '../../model/phi';
import type { ResourceRule } from '../../engine/types';
import { Unknown } from '../../model/values';
import { fail, notApplicable, pass, unknown } from '../helpers';
import { BKP } from './_shared';

const REP = 'aws_s3_bucket_replication_configuration';
const PHI = { bucket: 'phi', tags: { DataClass: 'PHI' } };
const rep = (bucket: string, status = 'Enabled') => ({ bucket, role: 'arn:aws:iam::111122223333:role/rep', rule: [{ id: 'all', status, destination: [{ bucket: 'arn:aws:s3:::phi-dr' }] }] });

export const s3PhiReplication: ResourceRule = {
  id: 'BAK-10a',
  control: 'BAK-10',
  title: 'PHI-tagged S3 buckets replicate to another bucket (cross-region)',
  strategy: 6,
  citations: BKP,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'Replication keeps a continuously updated copy of PHI objects in another region (and ideally account), so a regional outage or a destroyed bucket does not take the data with it (disaster recovery plan, 164.308(a)(7)(ii)(B)). Applies to buckets tagged as PHI; replica buckets themselves are exempt.',
  remediation: `Declare an ${REP} for the bucket with an Enabled rule to a bucket in another region (versioning required on both), or use the phikit HipaaBucket construct.`,
  construct: 'HipaaBucket',
  anchors: { cdkNag: ['HIPAA.Security-S3BucketReplicationEnabled'], awsConfig: ['s3-bucket-replication-enabled'], checkov: ['CKV_AWS_144'] },
  check(bucket, ctx) {
    if (!isPhiTagged(bucket)) return notApplicable('not tagged as PHI');
    if (ctx.graph.related(bucket, REP, 'rule.destination.bucket').length) return notApplicable('this bucket is a replication destination');
    const configs = ctx.graph.related(bucket, REP, 'bucket');
    if (!configs.length) return fail(`no ${REP} refers to this PHI bucket, so it has no copy outside its region`);
    let sawUnknown = false;
    for (const c of configs) {
      for (const r of blocks(c, 'rule')) {
        if (r instanceof Unknown || attr(r, 'status').state === 'unknown') {
          sawUnknown = true;
          continue;
        }
        if (str(attr(r, 'status')) === 'Enabled') return pass(`replicated by ${c.address}`);
      }
    }
    return sawUnknown ? unknown('a replication rule status is known only after apply') : fail(`${configs[0].address} has no Enabled rule`);
  },
  examples: {
    pass: [
      { description: 'passes with an Enabled replication rule joined by reference', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('${aws_s3_bucket.b.id}') }, target: 'aws_s3_bucket.b' },
      { description: 'passes with an Enabled replication rule joined by literal name', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('phi') }, target: 'aws_s3_bucket.b' },
    ],
    fail: [
      { description: 'fails when a PHI bucket has no replication configuration', resources: { 'aws_s3_bucket.b': PHI } },
      { description: 'fails when the only replication rule is Disabled', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('phi', 'Disabled') }, target: 'aws_s3_bucket.b' },
    ],
    unknown: [{ description: 'is unknown when the rule status is known only after apply', resources: { 'aws_s3_bucket.b': PHI, 'aws_s3_bucket_replication_configuration.r': rep('phi') }, unknown: { 'aws_s3_bucket_replication_configuration.r': ['rule.status'] }, target: 'aws_s3_bucket.b' }],
  },
};
