import { str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, pass, unknown, unknownMessage } from '../helpers';
import { beanstalkSetting } from './_shared';

export const beanstalkEnhancedHealth: ResourceRule = {
  id: 'AUD-16b',
  control: 'AUD-16',
  title: 'Elastic Beanstalk environments use enhanced health reporting',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_elastic_beanstalk_environment'],
  scope: 'resource',
  rationale: 'Enhanced health reporting collects per-instance request, latency and OS metrics, so degraded or compromised hosts of a PHI application show up in monitoring instead of only as a coarse green/red status.',
  remediation: 'Add setting { namespace = "aws:elasticbeanstalk:healthreporting:system", name = "SystemType", value = "enhanced" }.',
  anchors: { cdkNag: ['HIPAA.Security-ElasticBeanstalkEnhancedHealthReportingEnabled'], awsConfig: ['beanstalk-enhanced-health-reporting-enabled'], checkov: ['CKV_AWS_312'] },
  check(env) {
    const a = beanstalkSetting(env, 'aws:elasticbeanstalk:healthreporting:system', 'SystemType');
    const where = 'setting[aws:elasticbeanstalk:healthreporting:system/SystemType]';
    if (a === 'unknown-blocks') return unknown(unknownMessage('setting'), evv('setting', '(known after apply)'));
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(where), ev(where, a));
    return str(a) === 'enhanced' ? pass('enhanced health reporting is on', ev(where, a)) : fail(`${where} is ${str(a) ?? 'not set (basic)'}, not enhanced`, ev(where, a));
  },
  examples: {
    pass: [
      {
        description: 'passes with SystemType = enhanced',
        resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app', setting: [{ namespace: 'aws:elasticbeanstalk:healthreporting:system', name: 'SystemType', value: 'enhanced' }] } },
      },
    ],
    fail: [
      { description: 'fails when SystemType is not set (basic)', resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app' } } },
      {
        description: 'fails when SystemType is basic',
        resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app', setting: [{ namespace: 'aws:elasticbeanstalk:healthreporting:system', name: 'SystemType', value: 'basic' }] } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the SystemType value is known only after apply',
        resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app', setting: [{ namespace: 'aws:elasticbeanstalk:healthreporting:system', name: 'SystemType', value: 'enhanced' }] } },
        unknown: { 'aws_elastic_beanstalk_environment.e': ['setting.value'] },
      },
    ],
  },
};
