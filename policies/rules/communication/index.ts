import type { Rule } from '../../engine/types';
import { albDropInvalidHeaders } from './alb-drop-invalid-headers';
import { albHttpsRedirect } from './alb-https-redirect';
import { apiGatewayClientCertificate } from './api-gateway-client-certificate';
import { clbTlsListeners } from './clb-tls-listeners';
import { cloudfrontViewerHttps } from './cloudfront-viewer-https';
import { elasticacheTransitEncryption } from './elasticache-transit-encryption';
import { listenerAcmCertificate } from './listener-acm-certificate';
import { listenerTlsPolicy } from './listener-tls-policy';
import { opensearchHttps } from './opensearch-https';
import { opensearchNodeToNode } from './opensearch-node-to-node';
import { rdsForceTls } from './rds-force-tls';
import { redshiftEnhancedVpcRouting } from './redshift-enhanced-vpc-routing';
import { redshiftRequireSsl } from './redshift-require-ssl';
import { s3TlsOnly } from './s3-tls-only';
import { s3TlsVersion } from './s3-tls-version';
import { targetGroupTls } from './target-group-tls';
import { vpcEndpoints } from './vpc-endpoints';
import { wafProtection } from './waf-protection';

/** Strategy 5 — Secure Communication, in catalogue order. */
export const communicationRules: readonly Rule[] = [
  albHttpsRedirect,
  clbTlsListeners,
  albDropInvalidHeaders,
  listenerTlsPolicy,
  listenerAcmCertificate,
  targetGroupTls,
  cloudfrontViewerHttps,
  apiGatewayClientCertificate,
  s3TlsOnly,
  s3TlsVersion,
  rdsForceTls,
  redshiftRequireSsl,
  redshiftEnhancedVpcRouting,
  opensearchNodeToNode,
  opensearchHttps,
  elasticacheTransitEncryption,
  vpcEndpoints,
  wafProtection,
];
