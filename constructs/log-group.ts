import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import { Waiver, recordWaivers, requireWaiver } from './core/waivers';
import type { HipaaKmsKey } from './kms-key';

/** Six years: HIPAA documentation retention (164.316(b)(2)(i)). */
export const AUDIT_RETENTION_DAYS = 2192;

export interface HipaaLogGroupProps {
  /** Log group name. */
  readonly name: string;
  /** Customer-managed key encrypting the logs (164.312(a)(2)(iv)); its policy must allow the Logs service. */
  readonly kmsKey: HipaaKmsKey;
  /**
   * Audit logs (CloudTrail, flow logs, database audit) keep 6 years (164.316(b)(2)(i)).
   * @default false
   */
  readonly audit?: boolean;
  /**
   * Retention in days. HIPAA intent: audit controls need history (164.312(b)); below 365 days needs
   * a waiver for AUD-08.
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
    const retention = props.retentionInDays ?? (props.audit ? AUDIT_RETENTION_DAYS : 365);
    const waivers: Waiver[] = [];
    if (retention !== 0 && retention < 365) waivers.push(requireWaiver(this, `retentionInDays: ${retention}`, 'AUD-08', props.waivers));
    this.logGroup = new CloudwatchLogGroup(this, 'group', {
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
