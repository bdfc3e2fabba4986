import { bool } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, notApplicable, unknown, unknownMessage } from '../helpers';
import { ENC, expectBoolCfg, cfgAttr } from './_shared';

export const apigwCacheEncrypted: ResourceRule = {
  id: 'ENC-15g',
  control: 'ENC-15',
  title: 'API Gateway method caches are encrypted',
  strategy: 1,
  citations: ENC,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_api_gateway_method_settings'],
  scope: 'resource',
  rationale: 'A REST API cache stores whole responses — patient records served to clients — on the cache cluster. cache_data_encrypted is false by default.',
  remediation: 'Set settings { cache_data_encrypted = true } wherever settings.caching_enabled is true.',
  anchors: { cdkNag: ['HIPAA.Security-APIGWCacheEnabledAndEncrypted'], awsConfig: ['api-gw-cache-enabled-and-encrypted'], checkov: ['CKV_AWS_308'] },
  check(ms) {
    const caching = cfgAttr(ms, 'settings.caching_enabled');
    if (caching.state === 'unknown' || caching.state === 'sensitive') return unknown(unknownMessage('settings.caching_enabled'), ev('settings.caching_enabled', caching));
    if (bool(caching) !== true) return notApplicable('caching is not enabled for these methods');
    return expectBoolCfg(ms, 'settings.cache_data_encrypted', true, false, 'cached responses are stored unencrypted');
  },
  examples: {
    pass: [{ description: 'passes when caching is on and cache_data_encrypted is true', resources: { 'aws_api_gateway_method_settings.s': { rest_api_id: 'a', stage_name: 'prod', method_path: '*/*', settings: [{ caching_enabled: true, cache_data_encrypted: true }] } } }],
    fail: [
      { description: 'fails when caching is on and cache_data_encrypted is false', resources: { 'aws_api_gateway_method_settings.s': { rest_api_id: 'a', stage_name: 'prod', method_path: 'patients/GET', settings: [{ caching_enabled: true, cache_data_encrypted: false }] } } },
      { description: 'fails when caching is on and cache_data_encrypted is not set', resources: { 'aws_api_gateway_method_settings.s': { rest_api_id: 'a', stage_name: 'prod', method_path: '*/*', settings: [{ caching_enabled: true }] } } }],
    unknown: [{ description: 'is unknown when cache_data_encrypted is known only after apply', resources: { 'aws_api_gateway_method_settings.s': { rest_api_id: 'a', stage_name: 'prod', method_path: '*/*', settings: [{ caching_enabled: true, cache_data_encrypted: true }] } }, unknown: { 'aws_api_gateway_method_settings.s': ['settings.cache_data_encrypted'] } }],
  },
};
