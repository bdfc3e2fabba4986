import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Construct } from 'constructs';
import { attachPolicy } from './core/policy';

/** Data-plane reads an outside reviewer must never make (minimum necessary). */
export const PHI_READ_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 'kms:Decrypt', 'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'rds-data:*', 'secretsmanager:GetSecretValue'];

export interface AuditorAccessProps {
  /** The external security firm's AWS account id (must also be in the BAA register, COL-02). */
  readonly auditorAccountId: string;
  /** ExternalId agreed with the firm (confused-deputy protection). */
  readonly externalId: string;
  /** Also attach ViewOnlyAccess. @default false */
  readonly viewOnly?: boolean;
}

/**
 * Cross-account, read-only access for external security experts (164.308(a)(8)): trust limited
 * to the firm's account with sts:ExternalId and MFA, one-hour sessions, SecurityAudit only, and an
 * explicit Deny on PHI data reads.
 *
 * @example
 * new AuditorAccess(this, 'auditors', { auditorAccountId: '444455556666', externalId: 'acme-2026' });
 */
export class AuditorAccess extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: AuditorAccessProps) {
    super(scope, id);
    if (!/^\d{12}$/.test(props.auditorAccountId)) throw new Error(`[${this.node.path}] auditorAccountId must be a 12-digit AWS account id`);
    if (props.externalId.length < 8) throw new Error(`[${this.node.path}] externalId must be at least 8 characters`);
    this.role = new IamRole(this, 'role', {
      name: `${id}-external-auditor`,
      maxSessionDuration: 3600,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${props.auditorAccountId}:root` },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'sts:ExternalId': props.externalId }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
      }),
      tags: { Purpose: 'auditor' },
    });
    new IamRolePolicyAttachment(this, 'security-audit', { role: this.role.name, policyArn: 'arn:aws:iam::aws:policy/SecurityAudit' });
    if (props.viewOnly) new IamRolePolicyAttachment(this, 'view-only', { role: this.role.name, policyArn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' });
    attachPolicy(this, 'deny-phi-reads', this.role.name, [{ Sid: 'DenyPhiDataReads', Effect: 'Deny', Action: PHI_READ_ACTIONS, Resource: '*' }], 'External auditors never read PHI');
  }
}
