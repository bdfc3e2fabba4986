/**
 * A plan with its Terraform source beside it (model/source-fill.ts): a policy the plan knows only
 * after apply because one member is an ARN created in the same plan is read from the source with
 * only that member open, so a literal Principal "*" fails; what the plan knows never changes.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSources, runCheck } from '../../policies/pipeline';
import type { Finding } from '../../policies/engine/types';
import { loadSourceDir } from '../../policies/source/load';

const POLICY_TF = (principal: string) => `
variable "principal" {
  type = string
}

resource "aws_sqs_queue" "q" {
  name = "claims"
}

resource "aws_sqs_queue_policy" "p" {
  queue_url = aws_sqs_queue.q.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = ${principal}
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.q.arn
    }]
  })
}
`;

/** `terraform show -json` of that configuration as Terraform writes it: the policy unknown as a whole. */
function planOf(opts: { sensitive?: boolean; principalVar?: string } = {}): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    variables: opts.principalVar === undefined ? {} : { principal: { value: opts.principalVar } },
    planned_values: {
      root_module: {
        resources: [
          { address: 'aws_sqs_queue.q', mode: 'managed', type: 'aws_sqs_queue', name: 'q', provider_name: 'registry.terraform.io/hashicorp/aws', values: { name: 'claims' }, sensitive_values: {} },
          { address: 'aws_sqs_queue_policy.p', mode: 'managed', type: 'aws_sqs_queue_policy', name: 'p', provider_name: 'registry.terraform.io/hashicorp/aws', values: {}, sensitive_values: {} },
        ],
      },
    },
    resource_changes: [
      { address: 'aws_sqs_queue.q', mode: 'managed', type: 'aws_sqs_queue', name: 'q', provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: ['create'], before: null, after: { name: 'claims' }, after_unknown: { arn: true, id: true }, before_sensitive: false, after_sensitive: {} } },
      {
        address: 'aws_sqs_queue_policy.p',
        mode: 'managed',
        type: 'aws_sqs_queue_policy',
        name: 'p',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: { actions: ['create'], before: null, after: {}, after_unknown: { id: true, policy: true, queue_url: true }, before_sensitive: false, after_sensitive: opts.sensitive ? { policy: true } : {} },
      },
    ],
    configuration: {
      root_module: {
        resources: [
          { address: 'aws_sqs_queue.q', mode: 'managed', type: 'aws_sqs_queue', name: 'q', expressions: { name: { constant_value: 'claims' } } },
          {
            address: 'aws_sqs_queue_policy.p',
            mode: 'managed',
            type: 'aws_sqs_queue_policy',
            name: 'p',
            expressions: { policy: { references: ['aws_sqs_queue.q.arn', 'aws_sqs_queue.q'] }, queue_url: { references: ['aws_sqs_queue.q.id', 'aws_sqs_queue.q'] } },
          },
        ],
      },
    },
  };
}

function project(tf: string, plan: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-fill-'));
  fs.writeFileSync(path.join(dir, 'main.tf'), tf);
  fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));
  return dir;
}

async function acc24b(dir: string, withSource: boolean): Promise<{ finding: Finding | undefined; warnings: readonly string[] }> {
  const plan = path.join(dir, 'plan.json');
  const sources = withSource ? await loadSources([plan]) : undefined;
  const run = runCheck([plan], { sources, rule: ['ACC-24b'] });
  return { finding: run.result.findings.find((f) => f.address === 'aws_sqs_queue_policy.p'), warnings: run.sourceWarnings };
}

describe('plan + Terraform source: after-apply unknowns the source explains', () => {
  it('reads a jsonencode()d policy whose Resource is created in the plan: Principal "*" fails with the source, is unknown without', async () => {
    const dir = project(POLICY_TF('"*"'), planOf());
    const without = (await acc24b(dir, false)).finding;
    expect(without?.status).toBe('unknown');
    // The unknown says what would let phikit read the document.
    expect(without?.message).toMatch(/Terraform source beside the plan, or --source DIR/);
    const { finding } = await acc24b(dir, true);
    expect(finding?.status).toBe('fail');
    expect(finding?.message).toMatch(/Principal "\*"/);
  });

  it('passes a named principal read the same way (the fill does not only fail)', async () => {
    const dir = project(POLICY_TF('{ AWS = "arn:aws:iam::111122223333:role/app" }'), planOf());
    expect((await acc24b(dir, true)).finding?.status).toBe('pass');
  });

  it("evaluates the source with the plan's own variable values", async () => {
    const dir = project(POLICY_TF('var.principal'), planOf({ principalVar: '*' }));
    expect((await acc24b(dir, true)).finding?.status).toBe('fail');
    // Without a value the variable stays open, and so does the verdict.
    const open = project(POLICY_TF('var.principal'), planOf());
    expect((await acc24b(open, true)).finding?.status).toBe('unknown');
  });

  it('never fills a value the plan marks sensitive', async () => {
    const dir = project(POLICY_TF('"*"'), planOf({ sensitive: true }));
    expect((await acc24b(dir, true)).finding?.status).toBe('unknown');
  });

  it('a source that does not parse fills nothing, with one warning; the plan is still checked', async () => {
    const dir = project('resource "aws_sqs_queue" "q" {\n  name = \n', planOf());
    const { finding, warnings } = await acc24b(dir, true);
    expect(finding?.status).toBe('unknown');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Terraform source not evaluated/);
  });
});

describe('source evaluation: replace() of a known text with a value known only after apply', () => {
  it('keeps the text known around the placeholder, as a template', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phikit-replace-'));
    fs.writeFileSync(
      path.join(dir, 'main.tf'),
      `resource "aws_dynamodb_table" "t" {
  name     = "claims"
  hash_key = "id"
  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_resource_policy" "p" {
  resource_arn = aws_dynamodb_table.t.arn
  policy = replace(jsonencode({ Statement = [{ Effect = "Allow", Principal = "*", Action = "dynamodb:*", Resource = "__TABLE_ARN__" }] }), "__TABLE_ARN__", aws_dynamodb_table.t.arn)
}
`,
    );
    const p = loadSourceDir(dir).resources.find((r) => r.type === 'aws_dynamodb_resource_policy')!;
    const policy = p.values.policy as { template?: string; refs: readonly string[] };
    expect(policy.template).toContain('"Principal":"*"');
    expect(policy.template).toContain('${aws_dynamodb_table.t.arn}');
    expect(policy.refs).toContain('aws_dynamodb_table.t.arn');
    const run = runCheck([dir], { rule: ['ACC-24l'] });
    expect(run.result.findings.find((f) => f.address === 'aws_dynamodb_resource_policy.p')?.status).toBe('fail');
  });
});
