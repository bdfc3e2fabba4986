/**
 * The source-mode expression evaluator: known inputs give known values, anything else a residual
 * that keeps its references (never a guess), and hostile text stays linear and bounded.
 */
import { EvalError, Residual, isKnown, parseExpression, parseTemplateString } from '../../policies/source/expr';
import { Scope, evaluate } from '../../policies/source/eval';

function scope(vars: Record<string, unknown> = {}, locals: Record<string, string> = {}): Scope {
  const s: Scope = {
    variable: (n) => (n in vars ? (vars[n] as never) : undefined),
    local: (n) => (n in locals ? evaluate(parseExpression(locals[n]), s) : undefined),
    paths: { module: '.', root: '.', cwd: '.' },
  };
  return s;
}

const ev = (expr: string, s = scope()) => evaluate(parseExpression(expr), s);
const tpl = (text: string, s = scope()) => evaluate(parseTemplateString(text), s);

describe('known values', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['"a" == "a" && !false', true],
    ['5 > 3 ? "yes" : "no"', 'yes'],
    ['[1, 2, 3][1]', 2],
    ['{ a = 1, "b" = 2 }.b', 2],
    ['length([1, 2])', 2],
    ['lower("PHI")', 'phi'],
    ['format("%s-%d", "db", 3)', 'db-3'],
    ['join("-", ["a", "b"])', 'a-b'],
    ['merge({ a = 1 }, { b = 2 })', { a: 1, b: 2 }],
    ['lookup({ a = 1 }, "b", 9)', 9],
    ['coalesce("", "x")', 'x'],
    ['try([1][5], "fallback")', 'fallback'],
    ['can([1][5])', false],
    ['[for x in [1, 2, 3] : x * 2 if x > 1]', [4, 6]],
    ['{ for k, v in { a = 1, b = 2 } : k => v + 1 }', { a: 2, b: 3 }],
    ['[{ n = 1 }, { n = 2 }][*].n', [1, 2]],
    ['jsonencode({ b = 1, a = [true] })', '{"a":[true],"b":1}'],
    ['flatten([[1], [2, [3]]])', [1, 2, 3]],
    ['one([])', null],
  ])('%s = %j', (expr, expected) => {
    expect(ev(expr)).toEqual(expected);
  });

  it('reads variables, locals and templates', () => {
    const s = scope({ env: 'prod', tags: { Team: 'claims' } }, { name: '"claims-${var.env}"', all: 'merge(var.tags, { DataClass = "PHI" })' });
    expect(tpl('${local.name}-records', s)).toBe('claims-prod-records');
    expect(tpl('${local.all}', s)).toEqual({ Team: 'claims', DataClass: 'PHI' });
    expect(tpl('plain $${not.interpolated}', s)).toBe('plain ${not.interpolated}');
  });
});

describe('residuals keep references and never guess', () => {
  it('a resource attribute is a residual naming the resource', () => {
    const v = ev('aws_kms_key.k.arn');
    expect(v).toBeInstanceOf(Residual);
    expect((v as Residual).refs).toEqual(['aws_kms_key.k.arn']);
  });

  it('try() and conditionals through unknowns keep every candidate reference (joins through locals)', () => {
    const s = scope({ create: true }, { vpc_id: 'try(aws_vpc_ipv4_cidr_block_association.this[0].vpc_id, aws_vpc.this[0].id, "")' });
    const v = tpl('${local.vpc_id}', s) as Residual;
    expect(v.refs).toEqual(['aws_vpc_ipv4_cidr_block_association.this[0].vpc_id', 'aws_vpc.this[0].id']);
    const c = ev('var.unknown_flag ? aws_s3_bucket.a.id : aws_s3_bucket.b.id', scope({ unknown_flag: new Residual('var.unknown_flag', []) })) as Residual;
    expect([...c.refs].sort()).toEqual(['aws_s3_bucket.a.id', 'aws_s3_bucket.b.id']);
  });

  it('a known condition picks its branch even when the other branch is unknown', () => {
    expect(ev('true ? "aws:kms" : aws_kms_key.k.arn')).toBe('aws:kms');
  });

  it('objects and tuples keep their known members beside unknown ones', () => {
    const v = ev('{ sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.k.arn }') as Record<string, unknown>;
    expect(v.sse_algorithm).toBe('aws:kms');
    expect(v.kms_master_key_id).toBeInstanceOf(Residual);
    expect(isKnown(v as never)).toBe(false);
    expect(ev('length(keys({ a = aws_s3_bucket.b.id, c = 1 }))')).toBe(2);
  });

  it('a function phikit does not evaluate, or one over an unknown, is a residual', () => {
    expect(ev('cidrsubnet("10.0.0.0/16", 8, 1)')).toBeInstanceOf(Residual);
    const j = ev('jsonencode({ Resource = aws_s3_bucket.b.arn })') as Residual;
    expect(j).toBeInstanceOf(Residual);
    expect(j.refs).toEqual(['aws_s3_bucket.b.arn']);
    expect(j.text).toContain('aws_s3_bucket.b.arn');
  });

  it('a template with an unknown part keeps the template text', () => {
    const v = tpl('arn:aws:s3:::${aws_s3_bucket.b.id}/*') as Residual;
    expect(v.template).toBe('arn:aws:s3:::${aws_s3_bucket.b.id}/*');
    expect(v.refs).toEqual(['aws_s3_bucket.b.id']);
  });

  it('an undeclared variable is unknown, not empty', () => {
    expect(ev('var.missing', scope())).toBeInstanceOf(Residual);
  });
});

describe('hostile text', () => {
  it('deep nesting is an evaluation error, never a stack overflow', () => {
    expect(() => ev(`${'('.repeat(5000)}1${')'.repeat(5000)}`)).toThrow(EvalError);
    expect(() => tpl(`${'${"'.repeat(3000)}x${'"}'.repeat(3000)}`)).toThrow(EvalError);
  });

  it('long expressions evaluate (a 40k-element tuple; its time is measured by the bench, not here)', () => {
    const n = 20_000;
    const long = Array.from({ length: n }, (_, i) => `"s${i}"`).join(', ');
    expect(ev(`length([${long}, ${long}])`)).toBe(2 * n);
  });

  it('malformed text is an evaluation error', () => {
    for (const bad of ['"unterminated', '${', '[1, 2', '{ a = }', 'a ? b', '1 +']) expect(() => evaluate(parseTemplateString(bad.startsWith('${') ? bad : `\${${bad}}`), scope())).toThrow(EvalError);
  });
});
