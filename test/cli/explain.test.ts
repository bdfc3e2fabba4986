import { main } from '../../policies/cli/main';
import { explainText } from '../../policies/cli/explain';

describe('phikit explain', () => {
  it('prints rationale, citations, remediation and examples', () => {
    const text = explainText('ENC-01');
    expect(text).toMatch(/^ENC-01 {2}S3 buckets encrypt/);
    expect(text).toContain('164.312(a)(2)(iv)');
    expect(text).toContain('Fix:');
    expect(text).toMatch(/Failing examples:\n {2}- fails when sse_algorithm is AES256/);
    expect(text).toContain('HIPAA.Security-S3DefaultEncryptionKMS');
  });

  it('exits 2 with one line for an unknown rule id', async () => {
    const err: string[] = [];
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err.push(String(s));
      return true;
    });
    try {
      expect(await main(['explain', 'NOPE-99'])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(err.join('')).toMatch(/^phikit: no rule "NOPE-99".*\n$/);
  });
});
