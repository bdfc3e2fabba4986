import { attr, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass, unknown } from '../helpers';
import { computedOnly, credentialIn } from './_shared';

const CITES = ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'];

export const ec2UserDataNoSecrets: ResourceRule = {
  id: 'ACC-13d',
  control: 'ACC-13',
  title: 'EC2 user data holds no plaintext credentials',
  strategy: 2,
  citations: CITES,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(a)(1) access control: a plaintext credential in user data gives access to whoever can read it (the anchors ask the same of CodeBuild, ACC-13a)' },
  resourceTypes: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'],
  scope: 'resource',
  rationale: 'User data is readable from the instance metadata service by any process on the host and by anyone with ec2:DescribeInstanceAttribute; keys and passwords placed there leak.',
  remediation: 'Fetch secrets at boot from Secrets Manager / Parameter Store with the instance profile instead of embedding them.',
  anchors: { checkov: ['CKV_AWS_46'] },
  check(res) {
    let open: string | undefined;
    for (const path of ['user_data', 'user_data_base64']) {
      const a = attr(res, path);
      if (a.state === 'unknown' && !computedOnly(a)) {
        // A template shows its literal parts; a secret written there is still a finding.
        const found = a.value.template ? credentialIn(a.value.template) : undefined;
        if (found) return fail(`${path} contains ${found} (value withheld)`, evv(path, '(withheld)'));
        open = open ?? path;
        continue;
      }
      const text = str(a);
      if (!text) continue;
      // Launch templates and *_base64 carry base64; aws_instance.user_data is plain (or a hash in state).
      const decoded = /^[A-Za-z0-9+/=\s]+$/.test(text) && text.length % 4 === 0 ? Buffer.from(text, 'base64').toString('utf8') : text;
      const found = credentialIn(decoded) ?? credentialIn(text);
      if (found) return fail(`${path} contains ${found} (value withheld)`, evv(path, '(withheld)'));
    }
    if (open) return unknown(`${open} is known only after apply (a template or file), so it cannot be scanned before deployment`, evv(open, '(known after apply)'));
    return pass('no credential pattern in user data');
  },
  examples: {
    pass: [{ description: 'passes for user data that fetches secrets at boot', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', user_data: '#!/bin/bash\naws secretsmanager get-secret-value --secret-id db\n' } } }],
    unknown: [{ description: 'is unknown when user data is known only after apply', resources: { 'aws_instance.i': { ami: 'ami-1', user_data: '#!/bin/bash' } }, unknown: { 'aws_instance.i': ['user_data'] } }],
    fail: [
      { description: 'fails when user data exports an AWS secret key', resources: { 'aws_instance.i': { ami: 'ami-1', instance_type: 't3.micro', user_data: '#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' } } },
      { description: 'fails when base64 launch-template user data holds a password', resources: { 'aws_launch_template.t': { name: 't', user_data: Buffer.from('#!/bin/bash\nDB_PASSWORD=SuperSecret123\n').toString('base64') } } },
    ],
  },
};
