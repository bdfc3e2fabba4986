import type { Rule } from '../../engine/types';
import { cloudtrailMultiRegion } from './cloudtrail-multi-region';

/** Strategy 3 — Regular Security Audits, in catalogue order. */
export const auditRules: readonly Rule[] = [cloudtrailMultiRegion];
