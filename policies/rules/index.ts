/**
 * The rule registry: an explicit list, per strategy. Adding a rule = its file, one line in
 * its strategy's list, and its cases (which live in the rule file and run in test/rules).
 */
import type { Rule } from '../engine/types';
import { accessControlRules } from './access-control';
import { auditRules } from './audit';
import { backupRules } from './backup';
import { collaborationRules } from './collaboration';
import { communicationRules } from './communication';
import { encryptionRules } from './encryption';
import { incidentResponseRules } from './incident-response';
import { trainingRules } from './training';

export const RULES: readonly Rule[] = [
  ...encryptionRules,
  ...accessControlRules,
  ...auditRules,
  ...trainingRules,
  ...communicationRules,
  ...backupRules,
  ...collaborationRules,
  ...incidentResponseRules,
];

/** Version of the rule catalogue (bumped when rules are added, changed or retired). */
export const CATALOGUE_VERSION = '2026.11.0';

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id || (r.aliases ?? []).includes(id));
}
