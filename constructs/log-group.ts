import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import type { TerraformProvider } from 'cdktf';
import { AUDIT_RETENTION_DAYS, THRESHOLDS } from '../policies/rules/thresholds';
import { PropCheck, Waiver, recordWaivers } from './core/waivers';
import { IHipaaKmsKey, requireKeyUsableBy } from './kms-key';

export { AUDIT_RETENTION_DAYS };
/** Retention values CloudWatch Logs accepts (0 = never expire). */
export const LOG_RETENTION_VALUES = [0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export interface HipaaLogGroupProps {
  /** Log group name. */
  readonly name: string;
  /**
   * Customer-managed key encrypting the logs (164.312(a)(2)(iv)). A HipaaKmsKey gets the
   * CloudWatch Logs service added to its policy; an existing key must declare `usableBy: ['logs']`.
   */
  readonly kmsKey: IHipaaKmsKey;
  /** Provider (region/account). @default the stack's default provider */
  readonly provider?: TerraformProvider;
  /**
   * Audit logs (CloudTrail, flow logs, database audit) keep 6 years (164.316(b)(2)(i)).
   * @default false
   */
  readonly audit?: boolean;
  /**
   * Retention in days, one of LOG_RETENTION_VALUES. HIPAA intent: audit controls need history
   * (164.312(b)); below 365 days needs a waiver for AUD-08.
   * @default 2192 when `audit`, else 365
   */
  readonly retentionInDays?: number;
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
}

/**
 * KMS-encrypted CloudWatch log group with at least a year of retention (six years for audit logs).
 *
 * @example
 * new HipaaLogGroup(this, 'app', { name: '/phi/app', kmsKey: key });
 */
export class HipaaLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;
  readonly arn: string;
  readonly name: string;

  constructor(scope: Construct, id: string, props: HipaaLogGroupProps) {
    super(scope, id);
    const retention = props.retentionInDays ?? (props.audit ? AUDIT_RETENTION_DAYS : THRESHOLDS.logRetentionMinDays);
    const p = new PropCheck(this, 'HipaaLogGroup', props.waivers);
    p.expect(typeof props.name === 'string', 'name', 'is required');
    p.expectFormat(props.name, 'name', (v) => /^[\w\-/.#]{1,512}$/.test(v), 'must be 1-512 of letters, digits, "_-/.#"');
    if (p.expect((LOG_RETENTION_VALUES as readonly number[]).includes(retention), 'retentionInDays', `must be one of ${LOG_RETENTION_VALUES.join(', ')} (CloudWatch Logs values), got ${retention}`)) {
      p.weakens(retention !== 0 && retention < THRESHOLDS.logRetentionMinDays, `retentionInDays: ${retention}`, 'AUD-08');
    }
    if (p.expect(!!props.kmsKey, 'kmsKey', 'is required')) requireKeyUsableBy(p, props.kmsKey, 'kmsKey', 'logs');
    const waivers = p.done();
    this.logGroup = new CloudwatchLogGroup(this, 'group', {
      provider: props.provider,
      name: props.name,
      kmsKeyId: props.kmsKey.arn,
      retentionInDays: retention,
      tags: { DataClass: 'PHI', ...(props.audit ? { Purpose: 'audit' } : {}) },
      lifecycle: { preventDestroy: true },
    });
    recordWaivers(this.logGroup, waivers);
    this.arn = this.logGroup.arn;
    this.name = this.logGroup.name;
  }
}
