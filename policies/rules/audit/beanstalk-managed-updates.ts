import { str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, evv, fail, pass, unknown, unknownMessage } from '../helpers';
import { beanstalkSetting } from './_shared';

export const beanstalkManagedUpdates: ResourceRule = {
  id: 'AUD-15c',
  control: 'AUD-15',
  title: 'Elastic Beanstalk environments have managed platform updates enabled',
  strategy: 3,
  citations: ['164.308(a)(5)(ii)(A)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_elastic_beanstalk_environment'],
  scope: 'resource',
  rationale: 'Managed actions apply platform patches (OS, runtime, web server) in a weekly window; without them the platform drifts behind security fixes. They are off unless the option is set.',
  remediation: 'Add setting { namespace = "aws:elasticbeanstalk:managedactions", name = "ManagedActionsEnabled", value = "true" } (with a PreferredStartTime and an UpdateLevel).',
  anchors: { cdkNag: ['HIPAA.Security-ElasticBeanstalkManagedUpdatesEnabled'], awsConfig: ['elastic-beanstalk-managed-updates-enabled'], checkov: ['CKV_AWS_340'] },
  check(env) {
    const a = beanstalkSetting(env, 'aws:elasticbeanstalk:managedactions', 'ManagedActionsEnabled');
    const where = 'setting[aws:elasticbeanstalk:managedactions/ManagedActionsEnabled]';
    if (a === 'unknown-blocks') return unknown(unknownMessage('setting'), evv('setting', '(known after apply)'));
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(where), ev(where, a));
    const v = a.state === 'known' ? String(a.value).toLowerCase() : undefined;
    return v === 'true' ? pass('managed platform updates are enabled', ev(where, a)) : fail(`${where} is ${str(a) ?? (v ?? 'not set')}; platform patches are not applied`, ev(where, a));
  },
  examples: {
    pass: [
      {
        description: 'passes with ManagedActionsEnabled = true',
        resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app', setting: [{ namespace: 'aws:elasticbeanstalk:managedactions', name: 'ManagedActionsEnabled', value: 'true' }] } },
      },
    ],
    fail: [
      { description: 'fails when ManagedActionsEnabled is not set', resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app' } } },
      {
        description: 'fails when ManagedActionsEnabled is false',
        resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app', setting: [{ namespace: 'aws:elasticbeanstalk:managedactions', name: 'ManagedActionsEnabled', value: 'false' }] } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the setting value is known only after apply',
        resources: { 'aws_elastic_beanstalk_environment.e': { name: 'app', application: 'app', setting: [{ namespace: 'aws:elasticbeanstalk:managedactions', name: 'ManagedActionsEnabled', value: 'true' }] } },
        unknown: { 'aws_elastic_beanstalk_environment.e': ['setting.value'] },
      },
    ],
  },
};
