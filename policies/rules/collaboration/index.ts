import type { Rule } from '../../engine/types';
import { auditorRoleDeniesPhi } from './auditor-role-denies-phi';
import { auditorRolePermissions } from './auditor-role-permissions';
import { auditorRoleSession } from './auditor-role-session';
import { auditorRoleTrust } from './auditor-role-trust';
import { baaRegister } from './baa-register';
import { configAggregator } from './config-aggregator';
import { ecrScanOnPush } from './ecr-scan-on-push';
import { hipaaEligibleServices } from './hipaa-eligible-services';
import { inspectorEnabled } from './inspector-enabled';
import { riskAssessment } from './risk-assessment';
import { securityContact } from './security-contact';
import { securityOfficial } from './security-official';
import { securityhubStandards } from './securityhub-standards';

/** Strategy 7 — Collaboration with Cybersecurity Experts, in catalogue order. */
export const collaborationRules: readonly Rule[] = [
  auditorRoleTrust,
  auditorRoleSession,
  auditorRolePermissions,
  auditorRoleDeniesPhi,
  baaRegister,
  securityhubStandards,
  inspectorEnabled,
  ecrScanOnPush,
  riskAssessment,
  securityContact,
  securityOfficial,
  configAggregator,
  hipaaEligibleServices,
];
