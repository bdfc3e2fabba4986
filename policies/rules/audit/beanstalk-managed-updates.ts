import type { ResourceRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';
import { beanstalkSetting } from './beanstalk-settings';

const env = (value: string) => ({ name: 'portal', application: 'portal', solution_stack_name: '64bit Amazon Linux 2023', setting: [{ namespace: 'aws:elasticbeanstalk:managedactions', name: 'ManagedActionsEnabled', value }] });

export const beanstalkManagedUpdates: ResourceRule = {
  id: 'AUD-15b',
  control: 'AUD-15',
  title: 'Elastic Beanstalk environments apply managed platform updates',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)'],
  severity: 'low',
  resourceTypes: ['aws_elastic_beanstalk_environment'],
  scope: 'resource',
  rationale: 'Managed platform updates patch the OS and runtime of applications handling PHI without waiting for someone to remember.',
  remediation: 'Set the option aws:elasticbeanstalk:managedactions ManagedActionsEnabled = true (with a PreferredStartTime).',
  anchors: { cdkNag: ['HIPAA.Security-ElasticBeanstalkManagedUpdatesEnabled'], awsConfig: ['elastic-beanstalk-managed-updates-enabled'], checkov: ['CKV_AWS_340'] },
  check(r) {
    const v = beanstalkSetting(r, 'aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled');
    if (v === 'unknown') return unknown('settings are known only after apply');
    return v === 'true' ? pass('managed updates are on') : fail('ManagedActionsEnabled is not true', { attribute: 'setting.ManagedActionsEnabled', value: v ?? '(not set)' });
  },
  examples: { pass: [{ description: 'passes with managed actions on', resources: { 'aws_elastic_beanstalk_environment.e': env('true') } }], fail: [{ description: 'fails with managed actions off', resources: { 'aws_elastic_beanstalk_environment.e': env('false') } }] },
};
