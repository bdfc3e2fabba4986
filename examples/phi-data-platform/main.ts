/**
 * `npm run synth` (or `cdktf synth`): synthesize the example platform into cdktf.out — a data
 * stack and a security stack joined by a cross-stack reference — checked at synth time. Account
 * rules run on the security stack (which holds the account baseline), not on the data stack.
 */
import { applyHipaaChecks } from '../../constructs/checks';
import { buildSplitPlatform } from './platform';

const { app, data, security } = buildSplitPlatform(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
// Each stack is checked with the other, so the trail in the security stack covers the data stack's buckets.
applyHipaaChecks(data, { accountRules: false, alongWith: [security] });
applyHipaaChecks(security, { alongWith: [data] });
app.synth();
