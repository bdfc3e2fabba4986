import type { Rule } from '../../engine/types';

/** Strategy rules, in catalogue order. */
export const collaborationRules: readonly Rule[] = [];
