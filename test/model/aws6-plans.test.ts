/**
 * hashicorp/aws 6.x-shaped plans (test/fixtures/aws6, written from the provider's documented 6.0
 * changes; see SOURCES.md there): regional rules place a resource by its own `region` argument, so a
 * DR copy declared with `region = "us-west-2"` counts as outside the primary's region and one
 * declared in the primary's own region does not — with one provider configuration and no alias.
 */
import * as path from 'node:path';
import { runCheck } from '../../policies/pipeline';

const FIX = path.resolve(__dirname, '../fixtures/aws6');
const verdicts = (file: string) =>
  new Map(runCheck([path.join(FIX, file)], { rule: ['BAK-10a', 'BAK-02c'] }).result.findings.map((f) => [`${f.ruleId} ${f.address}`, f]));

describe('hashicorp/aws 6.x plans: per-resource region', () => {
  it('passes S3 replication and a backup copy_action to a DR bucket and vault declared with region = "us-west-2"', () => {
    const v = verdicts('dr-other-region.json');
    expect(v.get('BAK-10a aws_s3_bucket.phi')?.status).toBe('pass');
    expect(v.get('BAK-10a aws_s3_bucket.phi')?.message).toContain('us-east-1 → us-west-2');
    expect(v.get('BAK-02c aws_backup_plan.phi')?.status).toBe('pass');
    expect(v.get('BAK-02c aws_backup_plan.phi')?.message).toContain('us-east-1 → us-west-2');
  });

  it('fails the same copies when the DR bucket and vault are declared in the primary\'s own region', () => {
    const v = verdicts('dr-same-region.json');
    expect(v.get('BAK-10a aws_s3_bucket.phi')?.status).toBe('fail');
    expect(v.get('BAK-02c aws_backup_plan.phi')?.status).toBe('fail');
    expect(v.get('BAK-02c aws_backup_plan.phi')?.message).toMatch(/stay in its region/);
  });

  it('the replica bucket itself is a replication destination, not a store that needs its own copy', () => {
    expect(verdicts('dr-other-region.json').has('BAK-10a aws_s3_bucket.dr')).toBe(false);
  });
});
