import type { Rule } from '../../engine/types';
import { kmsKeyRotation } from './kms-key-rotation';
import { s3DefaultEncryptionKms } from './s3-default-encryption-kms';

/** Strategy 1 — Encryption, in catalogue order. */
export const encryptionRules: readonly Rule[] = [s3DefaultEncryptionKms, kmsKeyRotation];
