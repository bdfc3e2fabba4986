/**
 * Unknown blocks in real plans (test/fixtures/unknowns: planned offline with terraform 1.11 and
 * hashicorp/aws 5.100.0 from main.tf beside it).
 *
 * A block built by a `dynamic` block over values known only at apply is marked unknown as a whole
 * (`after_unknown: {"rule": true}`) and the plan's `configuration` has no expression for it. Reads
 * below it are unknown, never "not set". A value the configuration really leaves out (an attribute,
 * or a block the provider computes) is "not configured", and rules may judge that.
 */
import * as path from 'node:path';
import { attr, blocks, computedOnly } from '../../policies/model/attrs';
import { loadGraph } from '../../policies/model/load';
import { isComputedBlock, isOptionalComputed, schemaOf } from '../../policies/model/schema';
import { runCheck } from '../../policies/pipeline';
import { isUnknown } from '../../policies/model/values';
import { toPlan, toSynth } from '../support/cases';
import { parseDocument } from '../../policies/model/load';
import { Graph } from '../../policies/model/graph';

const PLAN = path.join(__dirname, '..', 'fixtures', 'unknowns', 'plan.json');
const graph = loadGraph([PLAN]);
const res = (address: string) => graph.resources.find((r) => r.address === address)!;

describe('a block the plan knows only at apply', () => {
  const sse = res('aws_s3_bucket_server_side_encryption_configuration.phi');

  it('reads as unknown below it, not as not set', () => {
    const key = attr(sse, 'rule.apply_server_side_encryption_by_default.kms_master_key_id');
    expect(key.state).toBe('unknown');
    expect(computedOnly(key)).toBe(false);
    expect(computedOnly(attr(sse, 'rule'))).toBe(false);
    const rules = blocks(sse, 'rule');
    expect(rules).toHaveLength(1);
    expect(isUnknown(rules[0])).toBe(true);
  });

  it('gives ENC-16 and ENC-01 on its PHI bucket unknown, not fail', () => {
    const { result } = runCheck([PLAN], { rule: ['ENC-16', 'ENC-01'] });
    const mine = result.findings.filter((f) => f.address === 'aws_s3_bucket.phi');
    expect(mine.length).toBe(2);
    for (const f of mine) expect(f.status).toBe('unknown');
    // The statically written AES256 rule next to it is known, and still fails.
    const aes = result.findings.filter((f) => f.address === 'aws_s3_bucket.aes');
    expect(aes.map((f) => f.status)).toEqual(['fail', 'fail']);
  });
});

describe('values the configuration leaves to the provider', () => {
  it('are not configured when the enclosing block is written: attributes and provider-computed blocks', () => {
    const bucket = res('aws_s3_bucket.phi');
    expect(computedOnly(attr(bucket, 'versioning'))).toBe(true); // computed block, not configured
    expect(computedOnly(attr(bucket, 'versioning.enabled'))).toBe(true);
    expect(computedOnly(attr(res('aws_lb_listener.plain'), 'default_action.order'))).toBe(true); // inside a written block
    expect(computedOnly(attr(res('aws_iam_account_password_policy.weak'), 'id'))).toBe(true);
  });

  it('are unknown, not "not configured", when the plan has no configuration section', () => {
    const doc = JSON.parse(require('node:fs').readFileSync(PLAN, 'utf8'));
    delete doc.configuration;
    const text = JSON.stringify(doc);
    const g = Graph.from([parseDocument(JSON.parse(text), 'trimmed.json', text)]);
    const listener = g.resources.find((r) => r.address === 'aws_lb_listener.plain')!;
    expect(attr(listener, 'protocol').state).toBe('unknown');
    expect(computedOnly(attr(listener, 'protocol'))).toBe(false);
  });

  it('an unknown attribute whose expression Terraform could neither evaluate nor trace is unknown, not an empty object', () => {
    const doc = toPlan({ description: 'x', resources: { 'aws_sqs_queue.q': { name: 'q' } } });
    const rc = (doc.resource_changes as Array<Record<string, any>>)[0];
    rc.change.after_unknown.kms_master_key_id = true;
    const cfg = ((doc.configuration as any).root_module.resources as Array<Record<string, any>>)[0];
    cfg.expressions.kms_master_key_id = {};
    const text = JSON.stringify(doc);
    const q = Graph.from([parseDocument(JSON.parse(text), 'p.json', text)]).resources[0];
    const a = attr(q, 'kms_master_key_id');
    expect(a.state).toBe('unknown');
    expect(computedOnly(a)).toBe(false);
  });
});

describe('the provider schema data', () => {
  it('knows blocks, provider-computed blocks and optional+computed attributes of hashicorp/aws 5.100.0', () => {
    expect(schemaOf('aws_s3_bucket_server_side_encryption_configuration')?.rule).toBeDefined();
    expect(isComputedBlock('aws_s3_bucket', 'server_side_encryption_configuration')).toBe(true);
    expect(isComputedBlock('aws_s3_bucket_server_side_encryption_configuration', 'rule')).toBe(false);
    expect(isComputedBlock('aws_instance', 'metadata_options')).toBe(true);
    expect(isOptionalComputed('aws_lb_listener', 'protocol')).toBe(true);
    expect(isOptionalComputed('aws_kms_key', 'enable_key_rotation')).toBe(false);
    expect(schemaOf('aws_not_a_type')).toBeUndefined();
  });
});

describe('provider defaults for what the configuration leaves out', () => {
  const policy = res('aws_iam_account_password_policy.weak');
  const listener = res('aws_lb_listener.plain');

  it('read as known values flagged as defaults, in a plan (computed-only) and in cdk.tf.json (absent) alike', () => {
    expect(attr(policy, 'password_reuse_prevention')).toEqual({ state: 'known', value: 0, providerDefault: true });
    expect(attr(policy, 'require_symbols')).toEqual({ state: 'known', value: false, providerDefault: true });
    expect(attr(policy, 'minimum_password_length')).toEqual({ state: 'known', value: 6 }); // set: not a default
    const synth = Graph.from([parseDocument(toSynthDoc({ 'aws_iam_account_password_policy.p': { minimum_password_length: 6 } }), 'cdk.tf.json', '{}')]);
    expect(attr(synth.resources[0], 'password_reuse_prevention')).toEqual({ state: 'known', value: 0, providerDefault: true });
  });

  it('apply a nested default inside a written block, in the list form plans and HCL use as in the object form of cdk.tf.json', () => {
    const body = { name: 'app', metadata_options: [{ http_tokens: 'optional' }] };
    const c = { description: 'nested default', resources: { 'aws_launch_template.t': body } };
    for (const doc of [toPlan(c), toSynth(c)]) {
      const [lt] = Graph.from([parseDocument(doc, 'input.json', '{}')]).resources;
      expect(attr(lt, 'metadata_options.http_endpoint')).toEqual({ state: 'known', value: 'enabled', providerDefault: true });
    }
    // No block written: nothing below it has a default.
    const none = Graph.from([parseDocument(toSynth({ description: 'no block', resources: { 'aws_launch_template.t': { name: 'app' } } }), 'cdk.tf.json', '{}')]).resources[0];
    expect(attr(none, 'metadata_options.http_endpoint').state).toBe('absent');
  });

  it('decide a listener protocol from its load balancer: HTTP on an ALB, none on an NLB or outside the inputs', () => {
    expect(attr(listener, 'protocol')).toEqual({ state: 'known', value: 'HTTP', providerDefault: true });
    const nlb = toPlan({ description: '', resources: { 'aws_lb.n': { name: 'n', load_balancer_type: 'network' }, 'aws_lb_listener.l': { load_balancer_arn: '${aws_lb.n.arn}', port: 443 } } });
    const l = graphOfPlan(nlb).resources.find((r) => r.type === 'aws_lb_listener')!;
    expect(attr(l, 'protocol').state).not.toBe('known');
    const outside = toPlan({ description: '', resources: { 'aws_lb_listener.l': { load_balancer_arn: 'arn:aws:elasticloadbalancing:us-east-1:111122223333:loadbalancer/app/x/1', port: 80 } } });
    expect(attr(graphOfPlan(outside).resources[0], 'protocol').state).not.toBe('known');
  });

  it('let rules judge the default: ACC-07 names the defaulted settings, COM-01a fails the plain-HTTP ALB listener', () => {
    const { result } = runCheck([PLAN], { rule: ['ACC-07', 'COM-01a'] });
    const acc07 = result.findings.find((f) => f.ruleId === 'ACC-07')!;
    expect(acc07.status).toBe('fail');
    expect(acc07.message).toMatch(/password_reuse_prevention is not set, less than 24/);
    const com = result.findings.filter((f) => f.ruleId === 'COM-01a' && f.address === 'aws_lb_listener.plain');
    expect(com.map((f) => f.status)).toEqual(['fail']);
  });
});

function graphOfPlan(doc: Record<string, unknown>): Graph {
  const text = JSON.stringify(doc);
  return Graph.from([parseDocument(JSON.parse(text), 'plan.json', text)]);
}

function toSynthDoc(resources: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toSynth({ description: '', resources })));
}

describe('the provider defaults table', () => {
  it('names only resource types and blocks of the hashicorp/aws 5.100.0 schema data', () => {
    const { PROVIDER_DEFAULTS } = require('../../policies/data/provider-defaults');
    for (const [type, entries] of Object.entries(PROVIDER_DEFAULTS as Record<string, Record<string, unknown>>)) {
      expect(schemaOf(type)).toBeDefined();
      for (const path of Object.keys(entries)) {
        let b = schemaOf(type) as Record<string, unknown> | undefined;
        for (const seg of path.split('.').slice(0, -1)) b = b?.[seg] as Record<string, unknown> | undefined;
        expect(b).toBeDefined();
        expect(Object.prototype.hasOwnProperty.call(b, path.split('.').pop()!)).toBe(false); // an attribute, not a block
      }
    }
  });
});
