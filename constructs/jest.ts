/**
 * Jest matcher: `expect(stack).toPassHipaaChecks(options?)`.
 *
 * @example
 * import 'phikit/constructs/jest';
 * expect(stack).toPassHipaaChecks({ accountRules: false });
 */
import type { TerraformStack } from 'cdktf';
import { HipaaCheckOptions, checkStack, failingFindings } from './checks';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toPassHipaaChecks(options?: HipaaCheckOptions): R;
    }
  }
}

export function toPassHipaaChecks(this: unknown, stack: TerraformStack, options: HipaaCheckOptions = {}) {
  const result = checkStack(stack, options);
  const bad = failingFindings(result, options.strict, options.level);
  return {
    pass: bad.length === 0,
    message: () =>
      bad.length
        ? `expected stack ${stack.node.id} to pass the phikit HIPAA checks, but ${bad.length} finding(s) fail:\n${bad
            .slice(0, 25)
            .map((f) => `  ${f.ruleId} ${f.constructPath ?? f.address}: ${f.message}`)
            .join('\n')}${bad.length > 25 ? `\n  … and ${bad.length - 25} more` : ''}`
        : `expected stack ${stack.node.id} to fail the phikit HIPAA checks, but every finding passes or is waived`,
  };
}

const g = globalThis as unknown as { expect?: { extend?: (m: Record<string, unknown>) => void } };
if (g.expect?.extend) g.expect.extend({ toPassHipaaChecks });
