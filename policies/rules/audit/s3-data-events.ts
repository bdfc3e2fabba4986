import { blocks, list } from '../../model/attrs';
import { isPhiTagged } from '../../model/phi';
import type { ResourceRule } from '../../engine/types';
import type { Resource } from '../../model/types';
import { fail, notApplicable, pass, unknown } from '../helpers';
import { Unknown } from '../../model/values';

export const s3DataEvents: ResourceRule = {
  id: 'AUD-04',
  control: 'AUD-04',
  title: 'CloudTrail records object-level (data) events for every PHI bucket',
  strategy: 3,
  citations: ['164.308(a)(3)(ii)(A)', '164.312(b)'],
  severity: 'high',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale: 'Management events show who changed a bucket, not who read a patient record. Data events (GetObject, PutObject) on PHI buckets are the access record HIPAA audit controls expect.',
  remediation: 'Add an event_selector with data_resource { type = "AWS::S3::Object", values = ["<bucket arn>/"] } (or an advanced selector on resources.type) to a trail; the phikit AuditTrail construct does for the phiBuckets you pass.',
  construct: 'AuditTrail',
  anchors: { awsConfig: ['cloudtrail-s3-dataevents-enabled'] },
  check(bucket, ctx) {
    /** Does an unknown selector value refer to this bucket, to other resources, or to something unresolvable? */
    const matchRefs = (c: typeof ctx, trail: Resource, u: Unknown): 'this' | 'other' | 'unknown' => {
      const targets = u.refs.map((r) => c.graph.resolveRef(trail, r));
      if (targets.some((t) => t?.includes(bucket))) return 'this';
      return targets.every((t) => t && t.length) ? 'other' : 'unknown';
    };
    if (!isPhiTagged(bucket)) return notApplicable('not a PHI bucket (no DataClass=PHI tag)');
    let sawUnknown = false;
    for (const trail of ctx.graph.ofType('aws_cloudtrail')) {
      for (const sel of blocks(trail, 'event_selector')) {
        if (sel instanceof Unknown) {
          sawUnknown = true;
          continue;
        }
        for (const dr of blocks(sel, 'data_resource')) {
          if (dr instanceof Unknown) {
            sawUnknown = true;
            continue;
          }
          const d = dr as Record<string, unknown>;
          if (d.type !== 'AWS::S3::Object') continue;
          const values = d.values;
          if (values instanceof Unknown) {
            const m = matchRefs(ctx, trail, values);
            if (m === 'this') return pass(`${trail.address} logs data events for this bucket`);
            if (m === 'unknown') sawUnknown = true;
            continue;
          }
          const vs = list({ state: 'known', value: values as never }) ?? [];
          for (const v of vs) {
            if (v instanceof Unknown) {
              const m = matchRefs(ctx, trail, v as Unknown);
              if (m === 'this') return pass(`${trail.address} logs data events for this bucket`);
              if (m === 'unknown') sawUnknown = true;
            } else if (typeof v === 'string' && (v === 'arn:aws:s3' || v === 'arn:aws:s3:::' || ctx.graph.byLiteral(bucket.unit, v.replace(/^arn:aws[\w-]*:s3:::/, '').replace(/\/.*$/, '')).includes(bucket))) {
              return pass(`${trail.address} logs data events for ${v === 'arn:aws:s3' || v === 'arn:aws:s3:::' ? 'all buckets' : 'this bucket'}`);
            }
          }
        }
      }
      if (blocks(trail, 'advanced_event_selector').some((a) => JSON.stringify(a).includes('AWS::S3::Object'))) return pass(`${trail.address} has an advanced selector for S3 object events`);
    }
    return sawUnknown ? unknown('a trail event selector is known only after apply') : fail('no trail records S3 data events for this PHI bucket', { attribute: 'aws_cloudtrail.event_selector.data_resource', value: '(none)' });
  },
  examples: {
    pass: [
      {
        description: 'passes when a trail selects the bucket by reference',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 't', s3_bucket_name: 'logs', event_selector: [{ read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object', values: ['${aws_s3_bucket.b.arn}/'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes when a trail logs data events for all buckets',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 't', s3_bucket_name: 'logs', event_selector: [{ read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      { description: 'fails when no trail logs data events for the PHI bucket', resources: { 'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } }, 'aws_cloudtrail.t': { name: 't', s3_bucket_name: 'logs' } }, target: 'aws_s3_bucket.b' },
    ],
  },
};
