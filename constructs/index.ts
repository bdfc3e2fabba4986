/** phikit constructs (deep imports of @cdktf/provider-aws only). */
export * from './core/waivers';
export * from './core/policy';
export * from './kms-key';
export * from './log-group';
export * from './bucket';
export * from './vpc';
export * from './audit-trail';
export * from './backup-plan';
export * from './database';
export * from './aurora';
export * from './incident-response';
export * from './auditor-access';
export * from './account-baseline';
export * from './checks';
