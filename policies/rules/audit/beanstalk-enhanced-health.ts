import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { beanstalkSetting } from './beanstalk-settings';

const env = (value: string) => ({ name: 'portal', application: 'portal', solution_stack_name: '64bit Amazon Linux 2023', setting: [{ namespace: 'aws:elasticbeanstalk:healthreporting:system', name: 'SystemType', value }] });

export const beanstalkEnhancedHealth: ResourceRule = {
  id: 'AUD-16b',
  control: 'AUD-16',
  title: 'Elastic Beanstalk environments use enhanced health reporting',
  strategy: 3,
  citations: ['164.312(b)'],
  severity: 'low',
  resourceTypes: ['aws_elastic_beanstalk_environment'],
  scope: 'resource',
  rationale: 'Enhanced health reporting surfaces failing instances and request errors quickly, so outages and attacks on PHI applications are noticed.',
  remediation: 'Set the option aws:elasticbeanstalk:healthreporting:system SystemType = enhanced.',
  anchors: { cdkNag: ['HIPAA.Security-ElasticBeanstalkEnhancedHealthReportingEnabled'], awsConfig: ['beanstalk-enhanced-health-reporting-enabled'], checkov: ['CKV_AWS_312'] },
  check(r) {
    const v = beanstalkSetting(r, 'aws:elasticbeanstalk:healthreporting:system', 'SystemType');
    if (v === 'unknown') return unknown('settings are known only after apply');
    return v === 'enhanced' ? pass('enhanced health reporting') : fail('health reporting is basic', { attribute: 'setting.SystemType', value: v ?? '(not set: basic)' });
  },
  examples: { pass: [{ description: 'passes with enhanced health', resources: { 'aws_elastic_beanstalk_environment.e': env('enhanced') } }], fail: [{ description: 'fails with basic health', resources: { 'aws_elastic_beanstalk_environment.e': env('basic') } }] },
};
