import type { Rule } from '../../engine/types';
import { addressableDecisions } from './addressable-decisions';
import { sanctionAcknowledgement } from './sanction-acknowledgement';
import { securityReminders } from './security-reminders';
import { trainingCurrent } from './training-current';
import { trainingGate } from './training-gate';

/** Strategy 4 — Employee Training, in catalogue order. */
export const trainingRules: readonly Rule[] = [trainingCurrent, trainingGate, securityReminders, sanctionAcknowledgement, addressableDecisions];
