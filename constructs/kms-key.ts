import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Construct } from 'constructs';
import { Waiver, recordWaivers, requireWaiver } from './core/waivers';

export interface HipaaKmsKeyProps {
  /** Human description of what the key protects. */
  readonly description: string;
  /**
   * Alias name without the `alias/` prefix.
   * @default the construct id
   */
  readonly alias?: string;
  /**
   * Days before a scheduled deletion is final. HIPAA intent: a mistaken or malicious deletion of a
   * key makes every PHI object it protects unreadable (164.308(a)(7)(ii)(A)); keep the maximum.
   * Values below 30 need a waiver for ENC-02b.
   * @default 30
   */
  readonly deletionWindowInDays?: number;
  /**
   * Rotation period in days (90–365). HIPAA intent: encryption and decryption (164.312(a)(2)(iv)).
   * @default 365
   */
  readonly rotationPeriodInDays?: number;
  /**
   * Service principals allowed to use the key through their service (e.g. `logs.us-east-1.amazonaws.com`).
   * @default none
   */
  readonly servicePrincipals?: readonly string[];
  /** Extra key-policy statements (e.g. for CloudTrail with conditions). @default none */
  readonly extraStatements?: readonly Record<string, unknown>[];
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
  /** Tags. DataClass=PHI is added unless given. @default { DataClass: 'PHI' } */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Customer-managed KMS key for PHI: automatic rotation, 30-day deletion window, an explicit
 * least-privilege key policy (account root administers; named services use it), an alias, and
 * `prevent_destroy` so Terraform cannot delete it by accident.
 *
 * @example
 * const key = new HipaaKmsKey(this, 'phi', { description: 'PHI data' });
 * new HipaaBucket(this, 'records', { kmsKey: key });
 */
export class HipaaKmsKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;
  readonly arn: string;
  readonly keyId: string;

  constructor(scope: Construct, id: string, props: HipaaKmsKeyProps) {
    super(scope, id);
    const window = props.deletionWindowInDays ?? 30;
    const waivers: Waiver[] = [];
    if (window < 30) waivers.push(requireWaiver(this, `deletionWindowInDays: ${window}`, 'ENC-02b', props.waivers));
    const account = new DataAwsCallerIdentity(this, 'account');
    const statements: Record<string, unknown>[] = [
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account.accountId}:root` }, Action: 'kms:*', Resource: '*' },
      ...(props.servicePrincipals ?? []).map((svc, i) => ({
        Sid: `Service${i}`,
        Effect: 'Allow',
        Principal: { Service: svc },
        Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': account.accountId } },
      })),
      ...(props.extraStatements ?? []),
    ];
    this.key = new KmsKey(this, 'key', {
      description: props.description,
      enableKeyRotation: true,
      rotationPeriodInDays: props.rotationPeriodInDays ?? 365,
      deletionWindowInDays: window,
      isEnabled: true,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
      tags: { DataClass: 'PHI', ...(props.tags ?? {}) },
      lifecycle: { preventDestroy: true },
    });
    recordWaivers(this.key, waivers);
    this.alias = new KmsAlias(this, 'alias', { name: `alias/${props.alias ?? id}`, targetKeyId: this.key.keyId });
    this.arn = this.key.arn;
    this.keyId = this.key.keyId;
  }
}
