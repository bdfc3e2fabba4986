import type { Rule } from '../../engine/types';
import { accessAnalyzerEnabled } from './access-analyzer-enabled';
import { apigwMethodAuthorization } from './apigw-method-authorization';
import { apigwv2RouteAuthorization } from './apigwv2-route-authorization';
import { codebuildNoPlaintextAwsCredentials } from './codebuild-no-plaintext-aws-credentials';
import { codebuildSourceUrlNoCredentials } from './codebuild-source-url-no-credentials';
import { dmsNotPublic } from './dms-not-public';
import { ec2Imdsv2 } from './ec2-imdsv2';
import { ec2InVpc } from './ec2-in-vpc';
import { ec2InstanceProfile } from './ec2-instance-profile';
import { ec2NoPublicIp } from './ec2-no-public-ip';
import { ec2UserDataNoSecrets } from './ec2-user-data-no-secrets';
import { ecrPolicyNotPublic } from './ecr-policy-not-public';
import { ecsHostModeNonRoot } from './ecs-host-mode-non-root';
import { ecsNoPrivilegedContainers } from './ecs-no-privileged-containers';
import { ecsReadOnlyRoot } from './ecs-read-only-root';
import { ecsEnvNoSecrets } from './ecs-env-no-secrets';
import { ecsServiceNoPublicIp } from './ecs-service-no-public-ip';
import { emrBlockPublicAccess } from './emr-block-public-access';
import { emrKerberos } from './emr-kerberos';
import { emrMasterNotPublic } from './emr-master-not-public';
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
import { iamNoUnscopedDataWrites } from './iam-no-unscoped-data-writes';
import { iamNoUsers } from './iam-no-users';
import { iamPasswordPolicy } from './iam-password-policy';
import { iamUserGroupsDenyWithoutMfa } from './iam-user-groups-deny-without-mfa';
import { iamUserInGroup } from './iam-user-in-group';
import { iamUserNoPolicies } from './iam-user-no-policies';
import { igwAuthorizedVpcOnly } from './igw-authorized-vpc-only';
import { lambdaEnvNoSecrets } from './lambda-env-no-secrets';
import { lambdaInVpc } from './lambda-in-vpc';
import { lambdaPermissionNotPublic } from './lambda-permission-not-public';
import { lambdaUrlAuth } from './lambda-url-auth';
import { launchConfigNoPublicIp } from './launch-config-no-public-ip';
import { naclIngressRestricted } from './nacl-ingress-restricted';
import { noPublicRouteToIgw } from './no-public-route-to-igw';
import { opensearchFineGrainedAccess } from './opensearch-fine-grained-access';
import { opensearchInVpc } from './opensearch-in-vpc';
import { rdsIamAuthentication } from './rds-iam-authentication';
import { elasticacheAuth } from './elasticache-auth';
import { rdsNotPublic } from './rds-not-public';
import { redshiftNotPublic } from './redshift-not-public';
import { roleTrustExternalId } from './role-trust-external-id';
import { roleTrustNoOpenAccountRoot } from './role-trust-no-open-account-root';
import { roleTrustNotPublic } from './role-trust-not-public';
import { roleTrustRequiresMfa } from './role-trust-requires-mfa';
import { s3AccountPublicAccessBlock } from './s3-account-public-access-block';
import { s3AclsDisabled } from './s3-acls-disabled';
import { s3BucketPolicyNotPublic } from './s3-bucket-policy-not-public';
import { s3BucketPublicAccessBlock } from './s3-bucket-public-access-block';
import { s3NoPublicAclGrants } from './s3-no-public-acl-grants';
import { sagemakerInVpc } from './sagemaker-in-vpc';
import { sagemakerNoDirectInternet } from './sagemaker-no-direct-internet';
import { sagemakerNoRootAccess } from './sagemaker-no-root-access';
import { secretsRotation } from './secrets-rotation';
import { sgInlineIngressRestricted } from './sg-inline-ingress-restricted';
import { sgRuleIngressRestricted } from './sg-rule-ingress-restricted';
import { snapshotsNotPublic } from './snapshots-not-public';
import { snsPolicyNotPublic } from './sns-policy-not-public';
import { sqsPolicyNotPublic } from './sqs-policy-not-public';
import { secretsmanagerPolicyNotPublic } from './secretsmanager-policy-not-public';
import { opensearchPolicyNotPublic } from './opensearch-policy-not-public';
import { efsPolicyNotPublic } from './efs-policy-not-public';
import { glacierVaultPolicyNotPublic } from './glacier-vault-policy-not-public';
import { backupVaultPolicyNotPublic } from './backup-vault-policy-not-public';
import { eventbridgeBusPolicyNotPublic } from './eventbridge-bus-policy-not-public';
import { apigwPolicyNotPublic } from './apigw-policy-not-public';
import { kmsKeyPolicyPublicAccess } from './kms-key-policy-not-public';
import { lambdaLayerNotPublic } from './lambda-layer-not-public';
import { dynamodbPolicyNotPublic } from './dynamodb-policy-not-public';
import { kinesisPolicyNotPublic } from './kinesis-policy-not-public';
import { s3AccessPointPolicyNotPublic } from './s3-access-point-policy-not-public';
import { logResourcePolicyNotPublic } from './log-resource-policy-not-public';
import { ssmDocumentNotPublic } from './ssm-document-not-public';
import { subnetNoAutoPublicIp } from './subnet-no-auto-public-ip';
import { vpcDefaultSgClosed } from './vpc-default-sg-closed';
import { vpcSgIngressRuleRestricted } from './vpc-sg-ingress-rule-restricted';

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
  iamNoUnscopedDataWrites,
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
  secretsRotation,
  codebuildNoPlaintextAwsCredentials,
  codebuildSourceUrlNoCredentials,
  lambdaEnvNoSecrets,
  ec2UserDataNoSecrets,
  ecsEnvNoSecrets,
  rdsNotPublic,
  redshiftNotPublic,
  dmsNotPublic,
  snapshotsNotPublic,
  rdsIamAuthentication,
  elasticacheAuth,
  ec2NoPublicIp,
  ec2InVpc,
  launchConfigNoPublicIp,
  subnetNoAutoPublicIp,
  ecsServiceNoPublicIp,
  ec2Imdsv2,
  ec2InstanceProfile,
  sgInlineIngressRestricted,
  sgRuleIngressRestricted,
  vpcSgIngressRuleRestricted,
  naclIngressRestricted,
  vpcDefaultSgClosed,
  noPublicRouteToIgw,
  igwAuthorizedVpcOnly,
  lambdaInVpc,
  lambdaPermissionNotPublic,
  lambdaUrlAuth,
  opensearchInVpc,
  opensearchFineGrainedAccess,
  sagemakerNoDirectInternet,
  sagemakerNoRootAccess,
  sagemakerInVpc,
  snsPolicyNotPublic,
  sqsPolicyNotPublic,
  ecrPolicyNotPublic,
  secretsmanagerPolicyNotPublic,
  opensearchPolicyNotPublic,
  efsPolicyNotPublic,
  glacierVaultPolicyNotPublic,
  backupVaultPolicyNotPublic,
  eventbridgeBusPolicyNotPublic,
  apigwPolicyNotPublic,
  lambdaLayerNotPublic,
  dynamodbPolicyNotPublic,
  kinesisPolicyNotPublic,
  s3AccessPointPolicyNotPublic,
  kmsKeyPolicyPublicAccess,
  logResourcePolicyNotPublic,
  apigwMethodAuthorization,
  apigwv2RouteAuthorization,
  ecsNoPrivilegedContainers,
  ecsHostModeNonRoot,
  ecsReadOnlyRoot,
  emrKerberos,
  emrBlockPublicAccess,
  emrMasterNotPublic,
  ssmDocumentNotPublic,
];
