import type { Rule } from '../../engine/types';

/** Strategy rules, in catalogue order. */
export const trainingRules: readonly Rule[] = [];
