import type { Rule } from '../../engine/types';
import { beanstalkEnhancedHealth } from './beanstalk-enhanced-health';
import { beanstalkManagedUpdates } from './beanstalk-managed-updates';
import { opensearchLogs } from './opensearch-logs';
import { ssmManagedInstances } from './ssm-managed-instances';
import { wafLogging } from './waf-logging';
import { albAccessLogs } from './alb-access-logs';
import { apiGatewayAccessLogs } from './api-gateway-access-logs';
import { apiGatewayXray } from './api-gateway-xray';
import { clbAccessLogs } from './clb-access-logs';
import { cloudtrailCloudwatchLogs } from './cloudtrail-cloudwatch-logs';
import { cloudtrailLogValidation } from './cloudtrail-log-validation';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region';
import { configRecorder } from './config-recorder';
import { dataClassificationTag } from './data-classification-tag';
import { ec2DetailedMonitoring } from './ec2-detailed-monitoring';
import { logGroupRetention } from './log-group-retention';
import { rdsEnhancedMonitoring } from './rds-enhanced-monitoring';
import { rdsLogExports } from './rds-log-exports';
import { rdsMinorUpgrades } from './rds-minor-upgrades';
import { redshiftVersionUpgrades } from './redshift-version-upgrades';
import { s3AccessLogging } from './s3-access-logging';
import { s3DataEvents } from './s3-data-events';
import { securityhubEnabled } from './securityhub-enabled';
import { vpcFlowLogs } from './vpc-flow-logs';

/** Strategy 3 — Regular Security Audits, in catalogue order. */
export const auditRules: readonly Rule[] = [
  cloudtrailMultiRegion,
  cloudtrailLogValidation,
  cloudtrailCloudwatchLogs,
  s3DataEvents,
  s3AccessLogging,
  vpcFlowLogs,
  logGroupRetention,
  albAccessLogs,
  clbAccessLogs,
  apiGatewayAccessLogs,
  apiGatewayXray,
  rdsLogExports,
  rdsEnhancedMonitoring,
  opensearchLogs,
  wafLogging,
  configRecorder,
  securityhubEnabled,
  rdsMinorUpgrades,
  beanstalkManagedUpdates,
  redshiftVersionUpgrades,
  ec2DetailedMonitoring,
  beanstalkEnhancedHealth,
  dataClassificationTag,
  ssmManagedInstances,
];
