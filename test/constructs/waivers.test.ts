import { App, TerraformStack, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { recordWaivers, requireWaiver, WaiverRequiredError } from '../../constructs/core/waivers';

describe('construct waivers', () => {
  it('refuses an insecure setting without a waiver and names the rule', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    expect(() => requireWaiver(stack, 'publicRead: true', 'ACC-01', undefined)).toThrow(WaiverRequiredError);
    expect(() => requireWaiver(stack, 'publicRead: true', 'ACC-01', [{ ruleId: 'ACC-01', reason: 'short', approvedBy: 'x', expires: '2027-01-01' }])).toThrow(/at least 10 characters/);
    expect(() => requireWaiver(stack, 'publicRead: true', 'ACC-01', [{ ruleId: 'ENC-01', reason: 'a long enough reason', approvedBy: 'x', expires: '2027-01-01' }])).toThrow(/ACC-01/);
  });

  it('accepts a valid waiver and writes it into the resource "//" metadata', () => {
    const app = new App({ outdir: Testing.app().outdir, stackTraces: false });
    const stack = new TerraformStack(app, 's');
    new AwsProvider(stack, 'aws', { region: 'us-east-1' });
    const b = new S3Bucket(stack, 'b', { bucket: 'x' });
    const w = requireWaiver(stack, 'publicRead: true', 'ACC-01', [{ ruleId: 'ACC-01', reason: 'public static site, no PHI', approvedBy: 'security@example.org', expires: '2027-01-31' }]);
    recordWaivers(b, [w]);
    const json = JSON.parse(JSON.stringify(stack.toTerraform()));
    expect(json.resource.aws_s3_bucket.b['//'].phikit.waivers).toEqual([{ ruleId: 'ACC-01', reason: 'public static site, no PHI', approvedBy: 'security@example.org', expires: '2027-01-31' }]);
  });
});
