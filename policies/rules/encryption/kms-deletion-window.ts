import { attr, num } from '../../model/attrs';
import { THRESHOLDS } from '../thresholds';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';

const PATH = 'deletion_window_in_days';

export const kmsDeletionWindow: ResourceRule = {
  id: 'ENC-02b',
  control: 'ENC-02',
  title: 'KMS keys keep the maximum 30-day deletion waiting period',
  strategy: 1,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(7)(ii)(A)'],
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'The AWS Config anchor kms-cmk-not-scheduled-for-deletion asks that no key is being deleted (ENC-02c); the 30-day waiting period is phikit hardening.' },
  resourceTypes: ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key'],
  scope: 'resource',
  rationale:
    'Deleting a KMS key makes every ciphertext under it — PHI objects, database volumes, backups — permanently unreadable. The waiting period is the only window in which a mistaken or malicious ScheduleKeyDeletion can be cancelled; 30 days (the provider default and maximum) gives monitoring time to notice.',
  remediation: 'Remove deletion_window_in_days or set it to 30 on the key, or use the phikit HipaaKmsKey construct.',
  construct: 'HipaaKmsKey',
  anchors: { awsConfig: ['kms-cmk-not-scheduled-for-deletion'] },
  check(key) {
    const a = attr(key, PATH);
    if (a.state === 'unknown' || a.state === 'sensitive') return unknown(unknownMessage(PATH), ev(PATH, a));
    if (a.state === 'absent') return pass(`${PATH} is not set (provider default 30 days)`, ev(PATH, a));
    const days = num(a);
    if (days === undefined) return fail(`${PATH} is not a number`, ev(PATH, a));
    return days >= THRESHOLDS.kmsDeletionWindowMinDays ? pass(`${PATH} is ${days}`, ev(PATH, a)) : fail(`${PATH} is ${days}; a scheduled deletion can be cancelled for only ${days} days (use 30)`, ev(PATH, a));
  },
  examples: {
    pass: [
      { description: 'passes when deletion_window_in_days is not set (default 30)', resources: { 'aws_kms_key.k': { enable_key_rotation: true } } },
      { description: 'passes with deletion_window_in_days = 30', resources: { 'aws_kms_key.k': { deletion_window_in_days: 30 } } },
    ],
    fail: [
      { description: 'fails when deletion_window_in_days is 7', resources: { 'aws_kms_key.k': { deletion_window_in_days: 7 } } },
      { description: 'fails when a replica key has a 10-day window', resources: { 'aws_kms_replica_key.r': { primary_key_arn: 'arn:aws:kms:us-east-1:111122223333:key/mrk-1', deletion_window_in_days: 10 } } },
    ],
    unknown: [{ description: 'is unknown when deletion_window_in_days is known only after apply', resources: { 'aws_kms_key.k': { deletion_window_in_days: 30 } }, unknown: { 'aws_kms_key.k': ['deletion_window_in_days'] } }],
  },
};
