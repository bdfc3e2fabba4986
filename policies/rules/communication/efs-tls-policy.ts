import type { ResourceRule } from '../../engine/types';
import { deniesInsecureTransport } from '../../model/iam';
import { fail, noneJoined, pass } from '../helpers';
import { TRANSMISSION, judgeDocs, policyReads } from './_shared';

const policy = (secure: boolean) =>
  JSON.stringify({
    Statement: [
      secure
        ? { Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }
        : { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'elasticfilesystem:ClientMount', Resource: '*' },
    ],
  });

export const efsTlsPolicy: ResourceRule = {
  id: 'COM-13a',
  control: 'COM-13',
  title: 'EFS file system policies deny access without TLS',
  strategy: 5,
  citations: TRANSMISSION,
  severity: 'high',
  level: 'required',
  levelBasis: { securityRule: '164.312(e)(1) transmission security: EFS serves NFS in plaintext to any client that mounts without TLS, and only the file system policy can refuse those mounts' },
  resourceTypes: ['aws_efs_file_system'],
  scope: 'resource',
  rationale: 'The Security Rule requires technical measures against unauthorized access to ePHI transmitted over a network (164.312(e)(1)). NFS clients can mount EFS without TLS unless the file system policy denies aws:SecureTransport = false, and then PHI file contents cross the network in plaintext; the mount option is the client\'s choice, the policy is the only control the file system owner has.',
  remediation: 'Declare an aws_efs_file_system_policy with a Deny of all actions to "*" when Bool aws:SecureTransport = false, and mount with the tls option.',
  anchors: { checkov: ['CKV_AWS_97'] },
  check(fs, ctx) {
    const reads = policyReads(ctx, fs, 'aws_efs_file_system_policy', 'file_system_id');
    if (!reads.length) return noneJoined(ctx, fs, 'aws_efs_file_system_policy', 'file_system_id', fail('no aws_efs_file_system_policy refers to this file system; non-TLS mounts are allowed', { attribute: 'aws_efs_file_system_policy', value: '(none)' }));
    return judgeDocs(reads, (d) => deniesInsecureTransport(d, 'elasticfilesystem'), 'does not deny aws:SecureTransport = false') ?? pass('the file system policy denies non-TLS access');
  },
  examples: {
    pass: [
      {
        description: 'passes when the file system policy (by reference) denies insecure transport',
        resources: { 'aws_efs_file_system.f': { creation_token: 'phi', encrypted: true }, 'aws_efs_file_system_policy.p': { file_system_id: '${aws_efs_file_system.f.id}', policy: policy(true) } },
        target: 'aws_efs_file_system.f',
      },
    ],
    fail: [
      { description: 'fails when no file system policy is declared', resources: { 'aws_efs_file_system.f': { creation_token: 'phi' } } },
      {
        description: 'fails when the policy only allows a role',
        resources: { 'aws_efs_file_system.f': { creation_token: 'phi' }, 'aws_efs_file_system_policy.p': { file_system_id: '${aws_efs_file_system.f.id}', policy: policy(false) } },
        target: 'aws_efs_file_system.f',
      },
    ],
    unknown: [
      {
        description: 'is unknown when the policy is known only after apply',
        resources: { 'aws_efs_file_system.f': { creation_token: 'phi' }, 'aws_efs_file_system_policy.p': { file_system_id: '${aws_efs_file_system.f.id}', policy: policy(true) } },
        unknown: { 'aws_efs_file_system_policy.p': ['policy'] },
        target: 'aws_efs_file_system.f',
      },
    ],
  },
};
