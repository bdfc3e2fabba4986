/**
 * Joins through indexes: `related` walks one attribute of one type, `withValue` and `ofTypeIn` look
 * up per unit. They must give exactly what the full edge list (`referrers`) and a scan would.
 */
import { Graph } from '../../policies/model/graph';
import { readPolicy } from '../../policies/model/iam';
import { parseDocument } from '../../policies/model/load';
import type { Resource } from '../../policies/model/types';

const graphOf = (doc: unknown, name = 'cdk.tf.json') => {
  const text = JSON.stringify(doc);
  return Graph.from([parseDocument(JSON.parse(text), name, text)]);
};

/** What `related` returned before it had an index: the edges, deduplicated, without deleted resources. */
const viaEdges = (g: Graph, res: Resource, type: string, path: string) => [...new Set(g.referrers(res, type, path).map((e) => e.from))].filter((r) => r.action !== 'delete');

describe('related', () => {
  // Empty and dotted keys, nested lists, references and literal names mixed.
  const g = graphOf({
    resource: {
      aws_s3_bucket: { b: { bucket: 'x' }, c: { bucket: 'arn:aws:s3:::x' } },
      aws_x_thing: {
        t1: { '': { bucket: 'x' } },
        t2: { 'rule.target': 'x', rule: { target: '${aws_s3_bucket.b.id}' } },
        t3: { rule: [{ '': [{ target: 'x' }] }] },
        t4: { '': { '': 'x' } },
        t5: { bucket: [['x'], '${aws_s3_bucket.c.arn}'] },
        t6: { '': { rule: { target: 'x' } }, 'rule..target': 'x' },
        t7: { bucket: 'x', tags: { 'a.b': 'x', '': 'x' } },
      },
    },
  });

  it('finds the same resources, in the same order, as the edge list for every attribute path', () => {
    const paths = new Set<string>();
    for (const r of g.resources) for (const e of g.references(r)) paths.add(e.path);
    expect([...paths].sort()).toEqual(['', 'bucket', 'rule..target', 'rule.target', 'tags.', 'tags.a.b']);
    for (const path of [...paths, 'rule', 'nothing'].filter(Boolean)) {
      for (const to of g.resources) expect(g.related(to, 'aws_x_thing', path)).toEqual(viaEdges(g, to, 'aws_x_thing', path));
    }
    const bucket = g.ofType('aws_s3_bucket')[0];
    expect(g.related(bucket, 'aws_x_thing', 'bucket').map((r) => r.address)).toEqual(['aws_x_thing.t1', 'aws_x_thing.t5', 'aws_x_thing.t7']);
    expect(g.related(bucket, 'aws_x_thing', 'rule.target').map((r) => r.address)).toEqual(['aws_x_thing.t2', 'aws_x_thing.t6']);
  });
});

describe('joins by literal value', () => {
  const g = graphOf({
    resource: {
      aws_appautoscaling_target: {
        a: { resource_id: 'table/t1' },
        b: { resource_id: 'table/t2' },
        c: { resource_id: 'table/t1' },
        d: { resource_id: '${aws_dynamodb_table.t.name}' },
      },
    },
  });

  it('withValue returns the resources whose attribute is that known string, in graph order', () => {
    const unit = g.units[0];
    expect(g.withValue(unit, 'aws_appautoscaling_target', 'resource_id', 'table/t1').map((r) => r.address)).toEqual(['aws_appautoscaling_target.a', 'aws_appautoscaling_target.c']);
    expect(g.withValue(unit, 'aws_appautoscaling_target', 'resource_id', 'table/none')).toEqual([]);
    expect(g.withValue(unit, 'aws_kms_key', 'resource_id', 'table/t1')).toEqual([]);
  });

  it('ofTypeIn keeps only the resources of that unit', () => {
    const other = graphOf({ resource: { aws_appautoscaling_target: { z: { resource_id: 'table/t1' } } } }, 'other.cdk.tf.json');
    expect(g.ofTypeIn(g.units[0], 'aws_appautoscaling_target')).toHaveLength(4);
    expect(g.ofTypeIn(other.units[0], 'aws_appautoscaling_target')).toEqual([]);
  });
});

describe('answers computed once', () => {
  it('gives the same (read-only) answer to every caller', () => {
    const g = graphOf({ resource: { aws_iam_role: { r: { assume_role_policy: '{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' } } } });
    const role = g.ofType('aws_iam_role')[0];
    expect(readPolicy(g, role, 'assume_role_policy')).toBe(readPolicy(g, role, 'assume_role_policy'));
    expect(g.deref(role, 'assume_role_policy')).toBe(g.deref(role, 'assume_role_policy'));
    // Another graph of the same input has its own answers.
    const again = graphOf({ resource: { aws_iam_role: { r: { name: 'r' } } } });
    expect(readPolicy(again, again.ofType('aws_iam_role')[0], 'assume_role_policy')).toEqual({ state: 'absent' });
  });
});
