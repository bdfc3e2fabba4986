/** COM-09: reading the TLS parameter of an RDS instance or cluster through its parameter group. */
import { attr, blocks, str } from '../../model/attrs';
import type { CheckContext, Verdict } from '../../engine/types';
import type { Resource } from '../../model/types';
import { ev, evv, fail, notApplicable, pass, unknown, unknownMessage } from '../helpers';

export interface TlsParam {
  /** Engines the parameter applies to (exact `engine`, or an edition such as sqlserver-se). */
  readonly engines: readonly string[];
  readonly name: string;
  readonly accepted: readonly string[];
  /** Is the parameter on by default for this engine / major version (e.g. PostgreSQL 15+)? */
  readonly defaultOn: (engine: string, major: number | undefined) => boolean;
}

const major = (v: string | undefined): number | undefined => {
  const m = v ? /(\d+)/.exec(v) : null;
  return m ? Number(m[1]) : undefined;
};

export function judgeRdsTls(ctx: CheckContext, db: Resource, spec: TlsParam): Verdict {
  const cluster = db.type === 'aws_rds_cluster';
  const e = attr(db, 'engine');
  if (e.state === 'unknown') return unknown(unknownMessage('engine'), ev('engine', e));
  const engine = str(e) ?? (cluster ? 'aurora-mysql' : '');
  if (!cluster && engine.startsWith('aurora')) return notApplicable('Aurora instance: TLS is set by the cluster parameter group');
  if (!spec.engines.some((p) => engine === p || engine.startsWith(`${p}-`) && !engine.startsWith('aurora-'))) return notApplicable(`engine ${engine || '(not set)'} does not use ${spec.name}`);
  const path = cluster ? 'db_cluster_parameter_group_name' : 'parameter_group_name';
  const groupType = cluster ? 'aws_rds_cluster_parameter_group' : 'aws_db_parameter_group';
  const version = major(str(attr(db, 'engine_version')));
  const g = attr(db, path);
  const name = str(g);
  if (g.state === 'absent' || (name !== undefined && name.startsWith('default.'))) {
    const v = major(name) ?? version;
    const ver = attr(db, 'engine_version');
    if (!spec.defaultOn(engine, v) && v === undefined && (ver.state === 'unknown' || ver.state === 'sensitive')) {
      return unknown(`${path} is ${name ?? 'not set'} (default parameter group) and engine_version is known only after apply; whether the default group sets ${spec.name} on depends on the version`, ev('engine_version', ver));
    }
    return spec.defaultOn(engine, v)
      ? pass(`the default parameter group of ${engine} ${v} sets ${spec.name} on`, ev(path, g))
      : fail(`${path} is ${name ?? 'not set'} (default parameter group); ${spec.name} is off by default`, ev(path, g));
  }
  const groups = ctx.graph.targetsOfType(db, path, [groupType]);
  if (!groups.length) return unknown(`${path} names a parameter group outside these inputs; ${spec.name} cannot be verified`, ev(path, g));
  const group = groups[0];
  for (const p of blocks(group, 'parameter')) {
    const n = attr(p as never, 'name');
    if (n.state !== 'known' || str(n) !== spec.name) continue;
    const v = attr(p as never, 'value');
    const where = `${group.address}.parameter[${spec.name}].value`;
    if (v.state !== 'known') return unknown(unknownMessage(where), ev(where, v));
    const val = String(v.value);
    return spec.accepted.includes(val.toUpperCase())
      ? pass(`${group.address} sets ${spec.name} = ${val}`, ev(where, v))
      : fail(`${group.address} sets ${spec.name} = ${val}; clients may connect without TLS`, ev(where, v));
  }
  if (blocks(group, 'parameter').some((p) => attr(p as never, 'name').state !== 'known')) return unknown(unknownMessage(`${group.address}.parameter`), evv(`${group.address}.parameter`, '(known after apply)'));
  const fam = str(attr(group, 'family'));
  return spec.defaultOn(engine, major(fam?.replace(/^\D+/, '')) ?? version)
    ? pass(`${group.address} does not set ${spec.name}; the ${fam ?? engine} default is on`)
    : fail(`${group.address} does not set ${spec.name} (default off); clients may connect without TLS`, evv(`${group.address}.parameter[${spec.name}]`, null));
}
