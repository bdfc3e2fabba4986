import { attr, blocks, computedOnly, equalsKnown, str, undecided, valuesAt } from '../../model/attrs';
import type { Resource } from '../../model/types';
import { Unknown, Value } from '../../model/values';
import type { CheckContext, ResourceRule } from '../../engine/types';
import { evv, fail, outsidePhiScope, pass, phiLabel, unknown } from '../helpers';
import { LOG } from './_shared';

type Cover = 'yes' | 'no' | 'unknown';

/** The bucket's name as far as the plan knows it: the name, or only a prefix it will start with. */
interface BucketName {
  readonly name?: string;
  readonly prefix?: string;
}

/** Does one selector value (an S3 ARN prefix, a reference, or unknown) cover `bucket`? */
function valueCovers(ctx: CheckContext, trail: Resource, v: unknown, bucket: Resource, b: BucketName): Cover {
  if (typeof v === 'string') {
    const m = /^arn:aws[\w-]*:s3:::([^/]*)/.exec(v) ?? (v === 'arn:aws:s3' ? ['', ''] : null);
    if (!m) return 'no';
    if (m[1] === '') return 'yes';
    if (b.name !== undefined) return m[1] === b.name ? 'yes' : 'no';
    // The name is known only after apply (bucket_prefix, a computed or another stack's value): a
    // literal ARN may be the one it gets, unless it cannot start with the known prefix.
    return b.prefix !== undefined && !m[1].startsWith(b.prefix) ? 'no' : 'unknown';
  }
  if (v instanceof Unknown) {
    // A reference to the bucket covers it; a reference to another declared resource does not;
    // a variable or computed value could be anything.
    const targets = v.refs.map((r) => ctx.graph.resolveRef(trail, r) ?? []);
    if (targets.some((t) => t.includes(bucket))) return 'yes';
    return v.refs.length && targets.every((t) => t.length) ? 'no' : 'unknown';
  }
  return 'no';
}

/** Do the trail's basic or advanced event selectors log read and write S3 object events for `bucket`? */
function trailCovers(ctx: CheckContext, trail: Resource, bucket: Resource): Cover {
  const nameAttr = attr(bucket, 'bucket');
  // Neither name nor prefix configured: the provider names the bucket terraform-<timestamp>.
  const prefixAttr = attr(bucket, 'bucket_prefix');
  const unset = (x: typeof nameAttr) => x.state === 'absent' || computedOnly(x);
  const name: BucketName = nameAttr.state === 'known' ? { name: str(nameAttr) } : { prefix: unset(nameAttr) && unset(prefixAttr) ? 'terraform-' : str(prefixAttr) };
  const found: Cover[] = [];
  for (const sel of blocks(trail, 'event_selector')) {
    if (sel instanceof Unknown) {
      found.push('unknown');
      continue;
    }
    const rwAttr = attr(sel, 'read_write_type');
    const rw = undecided(rwAttr) ? undefined : str(rwAttr) ?? 'All';
    for (const d of blocks(sel, 'data_resource')) {
      if (d instanceof Unknown) {
        found.push('unknown');
        continue;
      }
      const isObject = equalsKnown(attr(d, 'type'), 'AWS::S3::Object');
      if (isObject === false) continue;
      for (const v of valuesAt(d, 'values')) {
        const c = Array.isArray(v) ? v.map((x) => valueCovers(ctx, trail, x, bucket, name)) : [valueCovers(ctx, trail, v, bucket, name)];
        if (c.includes('yes')) found.push(isObject === undefined || rw === undefined ? 'unknown' : rw === 'All' ? 'yes' : 'no');
        else if (c.includes('unknown')) found.push('unknown');
      }
    }
  }
  for (const sel of blocks(trail, 'advanced_event_selector')) {
    if (sel instanceof Unknown) {
      found.push('unknown');
      continue;
    }
    const all = blocks(sel, 'field_selector');
    const fields = all.filter((x): x is Record<string, Value> => !(x instanceof Unknown));
    if (fields.length < all.length || fields.some((x) => undecided(attr(x, 'field')))) {
      found.push('unknown');
      continue;
    }
    const field = (f: string) => fields.find((x) => str(attr(x, 'field')) === f);
    const type = field('resources.type');
    if (!type) continue;
    const types = valuesAt(type, 'equals').flat();
    if (types.some((x) => x instanceof Unknown)) {
      found.push('unknown');
      continue;
    }
    if (!types.includes('AWS::S3::Object')) continue;
    if (field('readOnly')) continue; // read-only or write-only selector: half the events
    const arn = field('resources.ARN');
    if (!arn) found.push('yes');
    else {
      const c = valuesAt(arn, 'starts_with').flat().map((x) => valueCovers(ctx, trail, x, bucket, name));
      found.push(c.includes('yes') ? 'yes' : c.includes('unknown') ? 'unknown' : 'no');
    }
  }
  return found.includes('yes') ? 'yes' : found.includes('unknown') ? 'unknown' : 'no';
}

export const s3DataEvents: ResourceRule = {
  id: 'AUD-04',
  control: 'AUD-04',
  title: 'CloudTrail logs S3 object-level data events (read and write) for every PHI bucket',
  strategy: 3,
  citations: LOG,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_s3_bucket'],
  scope: 'resource',
  rationale:
    'Management events do not record who read or wrote which PHI object. Only S3 data events (GetObject, PutObject, DeleteObject) answer "who accessed this patient\'s record", which audit controls (164.312(b)) exist for.',
  remediation: 'Add an event_selector with data_resource { type = "AWS::S3::Object", values = ["${bucket arn}/"] } and read_write_type = "All" (or an advanced selector) to a trail; the phikit AuditTrail construct takes the PHI buckets.',
  construct: 'AuditTrail',
  anchors: { awsConfig: ['cloudtrail-s3-dataevents-enabled'] },
  check(bucket, ctx) {
    const out = outsidePhiScope(ctx, bucket);
    if (out) return out;
    const covers = ctx.graph.ofType('aws_cloudtrail').map((t) => ({ t, c: trailCovers(ctx, t, bucket) }));
    const yes = covers.find((x) => x.c === 'yes');
    if (yes) return pass(`${yes.t.address} logs read and write data events for this bucket`);
    if (covers.some((x) => x.c === 'unknown')) return unknown('an event selector value is known only after apply', evv('event_selector.data_resource.values', '(known after apply)'));
    return fail(`no aws_cloudtrail logs read and write S3 data events for this ${phiLabel(ctx, bucket)}`, evv('event_selector.data_resource', covers.length ? '(does not cover the bucket)' : '(no trail)'));
  },
  examples: {
    pass: [
      {
        description: 'passes when a trail selects AWS::S3::Object for the bucket ARN by reference',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', event_selector: [{ read_write_type: 'All', data_resource: [{ type: 'AWS::S3::Object', values: ['${aws_s3_bucket.b.arn}/'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'passes with an advanced selector for all S3 objects',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', advanced_event_selector: [{ name: 's3', field_selector: [{ field: 'eventCategory', equals: ['Data'] }, { field: 'resources.type', equals: ['AWS::S3::Object'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    fail: [
      {
        description: 'fails when the only data selector is WriteOnly',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', event_selector: [{ read_write_type: 'WriteOnly', data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::phi/'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when the selector names a bucket that cannot be this one (its bucket_prefix differs)',
        resources: {
          'aws_s3_bucket.b': { bucket_prefix: 'claims-', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::billing-1/'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'fails when the selector names another bucket literally',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::other/'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the selector values are known only after apply',
        resources: {
          'aws_s3_bucket.b': { bucket: 'phi', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: 'x' }] }] },
        },
        unknown: { 'aws_cloudtrail.t': ['event_selector.data_resource.values'] },
        target: 'aws_s3_bucket.b',
      },
      {
        description: 'is unknown when the selector names a bucket literally and the bucket is named from bucket_prefix at apply (the ARN may be its own)',
        resources: {
          'aws_s3_bucket.b': { bucket_prefix: 'claims-', tags: { DataClass: 'PHI' } },
          'aws_cloudtrail.t': { name: 'org', s3_bucket_name: 'logs', event_selector: [{ data_resource: [{ type: 'AWS::S3::Object', values: ['arn:aws:s3:::claims-20261202/'] }] }] },
        },
        target: 'aws_s3_bucket.b',
      },
    ],
  },
};
