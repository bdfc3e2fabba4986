/** `npm run synth` (or `cdktf synth`): synthesize the example platform into cdktf.out, checked at synth time. */
import { applyHipaaChecks } from '../../constructs/checks';
import { buildPlatform } from './platform';

const { app, stack } = buildPlatform(process.env.CDKTF_OUTDIR ?? 'cdktf.out');
applyHipaaChecks(stack);
app.synth();
