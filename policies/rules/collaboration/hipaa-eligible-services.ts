import { attr, str } from '../../model/attrs';
import type { Resource } from '../../model/types';
import { ELIGIBLE_LIST, serviceOf } from '../../data/eligibility';
import type { GraphRule, Verdict } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

/** Engines the list names for Amazon RDS (Aurora is listed separately and is eligible too). */
const RDS_ENGINES = /^(aurora|aurora-mysql|aurora-postgresql|mysql|mariadb|postgres|oracle-.*|sqlserver-.*|db2-.*|custom-oracle-.*|custom-sqlserver-.*)$/;

/** Attribute-dependent caveats of the list; undefined when the caveat does not apply. */
function caveat(r: Resource): Verdict | undefined {
  if (r.type === 'aws_directory_service_directory') {
    const t = attr(r, 'type');
    if (t.state === 'unknown') return unknown('directory type is known only after apply (Simple AD is excluded from the list)', undefined, r);
    if (str(t) === 'SimpleAD' || t.state === 'absent') return fail('Simple AD is excluded from the HIPAA eligible AWS Directory Service (type defaults to SimpleAD)', { attribute: 'type', value: str(t) ?? '(not set: SimpleAD)' }, r);
  }
  if (r.type === 'aws_db_instance' || r.type === 'aws_rds_cluster') {
    const a = attr(r, 'engine');
    if (a.state === 'unknown') return unknown('engine is known only after apply (the list names the eligible RDS engines)', { attribute: 'engine', value: '(known after apply)' }, r);
    const e = str(a);
    if (e && !RDS_ENGINES.test(e)) return fail(`RDS engine ${e} is not one of the engines the list names`, { attribute: 'engine', value: e }, r);
  }
  return undefined;
}

export const hipaaEligibleServices: GraphRule = {
  id: 'COL-08',
  control: 'COL-08',
  title: 'Every AWS resource belongs to a HIPAA-eligible service (or a control plane that holds no PHI)',
  strategy: 7,
  citations: ['164.308(b)(1)', '164.314(a)(1)', '164.314(a)(2)(i)'],
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.308(b)(1) and 164.314(a)(1): the AWS BAA covers only HIPAA-eligible services' },
  resourceTypes: [],
  scope: 'account',
  rationale: `The AWS Business Associate Addendum covers PHI only in the services on AWS's HIPAA Eligible Services Reference (${ELIGIBLE_LIST.count} entries as of ${ELIGIBLE_LIST.asOf}). PHI placed in any other service is outside the business associate contract (164.308(b)(1), 164.314(a)).`,
  remediation:
    'Move the workload to an eligible service, or make sure no PHI reaches this resource and waive the finding with that reason. Control planes (IAM, STS, Access Analyzer, billing) pass as long as PHI stays out of names, tags and policies. Re-check the list at https://aws.amazon.com/compliance/hipaa-eligible-services-reference/.',
  references: [ELIGIBLE_LIST.source],
  check(ctx) {
    const out: Verdict[] = [];
    const passedTypes = new Map<string, { first: Resource; count: number; message: string }>();
    for (const r of ctx.graph.resources) {
      if (r.mode !== 'managed' || r.action === 'delete' || !r.type.startsWith('aws_')) continue;
      const svc = serviceOf(r.type);
      if (!svc) {
        out.push(unknown(`${r.type} matches no known AWS service prefix (newer provider?); eligibility cannot be determined`, { attribute: 'type', value: r.type }, r));
        continue;
      }
      if (svc.eligible === false) {
        out.push(fail(`${svc.service} is not on the HIPAA Eligible Services list (${ELIGIBLE_LIST.asOf})`, { attribute: 'type', value: `${r.type} → ${svc.service}` }, r));
        continue;
      }
      const c = caveat(r);
      if (c) {
        out.push(c);
        continue;
      }
      const seen = passedTypes.get(r.type);
      if (seen) seen.count++;
      else {
        const message = svc.eligible === 'not-a-data-service' ? `${svc.service}: control plane, not a PHI data service (keep PHI out of its names, tags and policies)` : `${svc.service} is HIPAA eligible (list of ${ELIGIBLE_LIST.asOf})`;
        passedTypes.set(r.type, { first: r, count: 1, message });
      }
    }
    for (const [type, p] of passedTypes) out.push(pass(`${p.count} ${type}: ${p.message}`, { attribute: 'type', value: type }, p.first));
    return out;
  },
  examples: {
    pass: [
      { description: 'passes for S3 and KMS', resources: { 'aws_s3_bucket.b': { bucket: 'x' }, 'aws_kms_key.k': { enable_key_rotation: true } } },
      { description: 'passes and does not check data sources (reads, not services holding PHI)', resources: { 'aws_s3_bucket.b': { bucket: 'x' }, 'data.aws_quantumledger_widget.q': { name: 'x' } } },
      { description: 'passes IAM as a control plane', resources: { 'aws_iam_role.r': { name: 'x', assume_role_policy: '{}' } } },
    ],
    fail: [
      { description: 'fails for Lightsail, which is not on the list', resources: { 'aws_lightsail_instance.web': { name: 'web', availability_zone: 'us-east-1a', blueprint_id: 'amazon_linux_2', bundle_id: 'nano_3_0' } }, target: 'aws_lightsail_instance.web' },
      { description: 'fails for a Simple AD directory', resources: { 'aws_directory_service_directory.d': { name: 'corp.example.org', password: 'x', size: 'Small', type: 'SimpleAD' } }, target: 'aws_directory_service_directory.d' },
    ],
    unknown: [
      { description: 'is unknown when the RDS engine is known only after apply', resources: { 'aws_db_instance.db': { instance_class: 'db.t3.micro', engine: 'postgres' } }, unknown: { 'aws_db_instance.db': ['engine'] }, target: 'aws_db_instance.db' },
      { description: 'is unknown for a resource type the prefix map does not know', resources: { 'aws_quantumledger_widget.q': { name: 'x' } }, target: 'aws_quantumledger_widget.q' },
    ],
  },
};
