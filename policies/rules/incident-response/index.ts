import type { Rule } from '../../engine/types';
import { alarmActions } from './alarm-actions';
import { breakGlassAlarmed } from './break-glass-alarmed';
import { breakGlassRole } from './break-glass-role';
import { findingsRouted } from './findings-routed';
import { guarddutyEnabled } from './guardduty-enabled';
import { guarddutyProtectionFeatures } from './guardduty-protection-features';
import { incidentResponsePlan } from './incident-response-plan';
import { s3EventNotifications } from './s3-event-notifications';
import { securityMetricFilters } from './security-metric-filters';

/** Strategy 8 — Incident Response Plan, in catalogue order. */
export const incidentResponseRules: readonly Rule[] = [
  guarddutyEnabled,
  guarddutyProtectionFeatures,
  findingsRouted,
  alarmActions,
  securityMetricFilters,
  s3EventNotifications,
  breakGlassRole,
  breakGlassAlarmed,
  incidentResponsePlan,
];
