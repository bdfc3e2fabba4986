import type { Rule } from '../../engine/types';
import { accessAnalyzerEnabled } from './access-analyzer-enabled';
import { humanSessionDuration } from './human-session-duration';
import { iamGroupHasUsers } from './iam-group-has-users';
import { iamNoAccessKeys } from './iam-no-access-keys';
import { iamNoAdminManagedPolicy } from './iam-no-admin-managed-policy';
import { iamNoAdminStatements } from './iam-no-admin-statements';
import { iamNoConsolePasswords } from './iam-no-console-passwords';
import { iamNoCredentialExposure } from './iam-no-credential-exposure';
import { iamNoFullServiceAccess } from './iam-no-full-service-access';
import { iamNoInlinePolicies } from './iam-no-inline-policies';
import { iamNoPrivilegeEscalation } from './iam-no-privilege-escalation';
import { iamNoUsers } from './iam-no-users';
import { iamPasswordPolicy } from './iam-password-policy';
import { iamUserGroupsDenyWithoutMfa } from './iam-user-groups-deny-without-mfa';
import { iamUserInGroup } from './iam-user-in-group';
import { iamUserNoPolicies } from './iam-user-no-policies';
import { roleTrustExternalId } from './role-trust-external-id';
import { roleTrustNoOpenAccountRoot } from './role-trust-no-open-account-root';
import { roleTrustNotPublic } from './role-trust-not-public';
import { roleTrustRequiresMfa } from './role-trust-requires-mfa';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block';
import { s3AclsDisabled } from './s3-acls-disabled';
import { s3BucketPolicyNotPublic } from './s3-bucket-policy-not-public';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block';
import { s3NoPublicAclGrants } from './s3-no-public-acl-grants';

/** Strategy 2 — Access Control (incl. MFA), in catalogue order. */
export const accessControlRules: readonly Rule[] = [
  s3BucketPublicAccessBlock,
  s3AccountPublicAccessBlock,
  s3AclsDisabled,
  s3NoPublicAclGrants,
  s3BucketPolicyNotPublic,
  iamNoAdminStatements,
  iamNoFullServiceAccess,
  iamNoPrivilegeEscalation,
  iamNoAdminManagedPolicy,
  iamNoCredentialExposure,
  iamNoInlinePolicies,
  iamUserNoPolicies,
  iamUserInGroup,
  iamGroupHasUsers,
  iamNoUsers,
  iamNoConsolePasswords,
  iamNoAccessKeys,
  iamPasswordPolicy,
  roleTrustRequiresMfa,
  humanSessionDuration,
  iamUserGroupsDenyWithoutMfa,
  roleTrustNotPublic,
  roleTrustExternalId,
  roleTrustNoOpenAccountRoot,
  accessAnalyzerEnabled,
];
