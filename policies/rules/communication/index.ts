import type { Rule } from '../../engine/types';
import { albHttpsRedirect } from './alb-https-redirect';
import { clbTlsListeners } from './clb-tls-listeners';
import { albDropInvalidHeaders } from './alb-drop-invalid-headers';
import { listenerTlsPolicy } from './listener-tls-policy';
import { clbTlsPolicy } from './clb-tls-policy';
import { acmDnsValidated } from './acm-dns-validated';
import { cloudfrontS3Oac } from './cloudfront-s3-oac';
import { cloudfrontHsts } from './cloudfront-hsts';
import { apigwClientCertificate } from './apigw-client-certificate';
import { targetGroupTls } from './target-group-tls';
import { cloudfrontViewerHttps } from './cloudfront-viewer-https';
import { cloudfrontMinTls } from './cloudfront-min-tls';
import { cloudfrontOriginHttps } from './cloudfront-origin-https';
import { opensearchHttps } from './opensearch-https';
import { elasticacheInTransit } from './elasticache-in-transit';
import { apigwDomainTls } from './apigw-domain-tls';
import { redshiftRequireSsl } from './redshift-require-ssl';
import { redshiftEnhancedVpcRouting } from './redshift-enhanced-vpc-routing';
import { efsTlsPolicy } from './efs-tls-policy';
import { ecsEfsTransit } from './ecs-efs-transit';
import { snsSqsTlsPolicy } from './sns-sqs-tls-policy';
import { snsSubscriptionHttps } from './sns-subscription-https';
import { vpcGatewayEndpoints } from './vpc-gateway-endpoints';
import { vpcInterfaceEndpoints } from './vpc-interface-endpoints';
import { albApigwWaf } from './alb-apigw-waf';
import { cloudfrontWaf } from './cloudfront-waf';
import { s3TlsOnly } from './s3-tls-only';
import { s3MinTls } from './s3-min-tls';
import { rdsForceSsl } from './rds-force-ssl';
import { rdsRequireSecureTransport } from './rds-require-secure-transport';

/** Strategy 5 — Secure Communication, in catalogue order. */
export const communicationRules: readonly Rule[] = [albHttpsRedirect, clbTlsListeners, albDropInvalidHeaders, listenerTlsPolicy, clbTlsPolicy,
  acmDnsValidated, targetGroupTls, cloudfrontViewerHttps, cloudfrontMinTls, cloudfrontOriginHttps, cloudfrontS3Oac, cloudfrontHsts,
  apigwDomainTls, apigwClientCertificate, s3TlsOnly, s3MinTls, rdsForceSsl, rdsRequireSecureTransport, redshiftRequireSsl, redshiftEnhancedVpcRouting,
  opensearchHttps, elasticacheInTransit, efsTlsPolicy, snsSqsTlsPolicy, ecsEfsTransit, snsSubscriptionHttps, vpcGatewayEndpoints, vpcInterfaceEndpoints, albApigwWaf, cloudfrontWaf,
];
