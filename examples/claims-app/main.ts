/** `cdktf synth` entry point of the claims app (CDKTF_OUTDIR overrides the output folder). */
import { buildClaimsApp } from './app';

buildClaimsApp({ outdir: process.env.CDKTF_OUTDIR ?? 'cdktf.out' }).app.synth();
