import type { Rule } from '../../engine/types';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region';
import { cloudtrailLogValidation } from './cloudtrail-log-validation';
import { cloudtrailCloudwatchLogs } from './cloudtrail-cloudwatch-logs';
import { s3DataEvents } from './s3-data-events';
import { albAccessLogs } from './alb-access-logs';
import { clbAccessLogs } from './clb-access-logs';
import { cloudfrontAccessLogs } from './cloudfront-access-logs';
import { apigwExecutionLogging } from './apigw-execution-logging';
import { apigwXray } from './apigw-xray';
import { apigwNoDataTrace } from './apigw-no-data-trace';
import { apigwAccessLogs } from './apigw-access-logs';
import { rdsLogExports } from './rds-log-exports';
import { rdsEnhancedMonitoring } from './rds-enhanced-monitoring';
import { redshiftAuditLogging } from './redshift-audit-logging';
import { opensearchLogs } from './opensearch-logs';
import { wafv2Logging } from './wafv2-logging';
import { ec2DetailedMonitoring } from './ec2-detailed-monitoring';
import { rdsMinorUpgrades } from './rds-minor-upgrades';
import { elasticacheMinorUpgrades } from './elasticache-minor-upgrades';
import { beanstalkManagedUpdates } from './beanstalk-managed-updates';
import { redshiftMaintenance } from './redshift-maintenance';
import { lambdaRuntimeSupported } from './lambda-runtime-supported';
import { beanstalkEnhancedHealth } from './beanstalk-enhanced-health';
import { dataClassificationTag } from './data-classification-tag';
import { evidenceStore } from './evidence-store';
import { ec2SsmManaged } from './ec2-ssm-managed';
import { configRecorder } from './config-recorder';
import { configRulesDeployed } from './config-rules-deployed';
import { securityhubEnabled } from './securityhub-enabled';
import { trailBucketHardened } from './trail-bucket-hardened';
import { s3AccessLogging } from './s3-access-logging';
import { vpcFlowLogs } from './vpc-flow-logs';
import { logGroupRetention } from './log-group-retention';

/** Strategy 3 — Regular Security Audits, in catalogue order. */
export const auditRules: readonly Rule[] = [cloudtrailMultiRegion, cloudtrailLogValidation, cloudtrailCloudwatchLogs, s3DataEvents, trailBucketHardened, s3AccessLogging, vpcFlowLogs, logGroupRetention, albAccessLogs, clbAccessLogs, cloudfrontAccessLogs,
  apigwExecutionLogging, apigwXray, apigwNoDataTrace, apigwAccessLogs,
  rdsLogExports, rdsEnhancedMonitoring, redshiftAuditLogging, opensearchLogs, wafv2Logging, configRecorder, configRulesDeployed, securityhubEnabled,
  rdsMinorUpgrades, elasticacheMinorUpgrades, beanstalkManagedUpdates, redshiftMaintenance, lambdaRuntimeSupported,
  ec2DetailedMonitoring, beanstalkEnhancedHealth, dataClassificationTag, evidenceStore, ec2SsmManaged,
];
