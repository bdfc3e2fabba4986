/** Machine-readable JSON report; shape published as schemas/report.schema.json. */
import { summarize } from '../engine/evaluate';
import type { Reporter } from './types';

export const REPORT_SCHEMA_VERSION = '1.0.0';

export function reportObject(result: Parameters<Reporter>[0], opts: Parameters<Reporter>[1]) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'phikit', version: opts.toolVersion, catalogueVersion: opts.catalogueVersion },
    generatedAt: (opts.generatedAt ?? result.now).toISOString(),
    inputs: result.units.map((u) => ({
      id: u.id,
      file: u.file,
      format: u.format,
      ...(u.stack ? { stack: u.stack } : {}),
      sha256: u.sha256,
      ...(u.formatVersion ? { formatVersion: u.formatVersion } : {}),
    })),
    summary: summarize(result.findings),
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      title: f.title,
      strategy: f.strategy,
      severity: f.severity,
      citations: [...f.citations],
      status: f.status,
      message: f.message,
      address: f.address,
      ...(f.resourceType ? { resourceType: f.resourceType } : {}),
      file: f.file,
      unitId: f.unitId,
      ...(f.stack ? { stack: f.stack } : {}),
      ...(f.constructPath ? { constructPath: f.constructPath } : {}),
      ...(f.evidence ? { evidence: { ...f.evidence } } : {}),
      remediation: f.remediation,
      ...(f.waiver ? { waiver: { ...f.waiver } } : {}),
      ...(f.baseline ? { baseline: f.baseline } : {}),
    })),
    ...(result.resolved ? { resolved: result.resolved.map((r) => ({ ...r })) } : {}),
    staleWaivers: result.staleWaivers.map((w) => ({ ...w })),
  };
}

export const jsonReporter: Reporter = (result, opts) => `${JSON.stringify(reportObject(result, opts), null, 2)}\n`;
