import { AccountAlternateContact } from '@cdktf/provider-aws/lib/account-alternate-contact';
import { EbsDefaultKmsKey } from '@cdktf/provider-aws/lib/ebs-default-kms-key';
import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { IamAccountPasswordPolicy } from '@cdktf/provider-aws/lib/iam-account-password-policy';
import { S3AccountPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-account-public-access-block';
import { Construct } from 'constructs';
import type { IHipaaKmsKey } from './kms-key';

export interface AccountBaselineProps {
  /** Default key for EBS volumes (164.312(a)(2)(iv)). */
  readonly ebsKmsKey: IHipaaKmsKey;
  /** The security official, as the account's SECURITY alternate contact (164.308(a)(2)). */
  readonly securityContact: { readonly name: string; readonly title: string; readonly email: string; readonly phone: string };
  /** Minimum password length (164.308(a)(5)(ii)(D)). @default 14 */
  readonly minimumPasswordLength?: number;
}

/**
 * Account-wide settings: IAM password policy (14+ characters, every class, reuse 24, 90-day
 * expiry), the S3 account public-access block, EBS encryption by default with a CMK, and the
 * SECURITY alternate contact.
 *
 * @example
 * new AccountBaseline(this, 'baseline', { ebsKmsKey: key, securityContact: { name: 'Dana Reyes', title: 'CISO', email: 'security@example.org', phone: '+15555550100' } });
 */
export class AccountBaseline extends Construct {
  constructor(scope: Construct, id: string, props: AccountBaselineProps) {
    super(scope, id);
    new IamAccountPasswordPolicy(this, 'password-policy', {
      minimumPasswordLength: Math.max(14, props.minimumPasswordLength ?? 14),
      requireUppercaseCharacters: true,
      requireLowercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      passwordReusePrevention: 24,
      maxPasswordAge: 90,
    });
    new S3AccountPublicAccessBlock(this, 's3-public-access', { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
    new EbsEncryptionByDefault(this, 'ebs-encryption', { enabled: true });
    new EbsDefaultKmsKey(this, 'ebs-key', { keyArn: props.ebsKmsKey.arn });
    new AccountAlternateContact(this, 'security-contact', {
      alternateContactType: 'SECURITY',
      name: props.securityContact.name,
      title: props.securityContact.title,
      emailAddress: props.securityContact.email,
      phoneNumber: props.securityContact.phone,
    });
  }
}
