/**
 * Offline Terraform for the end-to-end tests: the machine's hashicorp/aws filesystem mirror, a
 * CLI config pointing at it, fake credentials with the skip_* provider flags, and a local STS
 * stub answering GetCallerIdentity (the constructs read the account id).
 */
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export interface Mirror {
  readonly root: string;
  readonly version: string;
}

/** The hashicorp/aws filesystem mirror (PHIKIT_TF_MIRROR or the usual places), if any. */
export function findMirror(): Mirror | undefined {
  const candidates = [process.env.PHIKIT_TF_MIRROR, '/opt/tf-plugins', path.join(os.homedir(), '.terraform.d/plugins'), '/usr/share/terraform/plugins'].filter((x): x is string => !!x);
  for (const root of candidates) {
    const dir = path.join(root, 'registry.terraform.io', 'hashicorp', 'aws');
    if (fs.existsSync(dir)) {
      const version = fs.readdirSync(dir).filter((v) => /^\d+\.\d+\.\d+$/.test(v)).sort().pop();
      if (version) return { root, version };
    }
  }
  return undefined;
}

/** Why the offline terraform tests cannot run here ('' when they can), and the mirror. */
export function terraformSkipReason(): { reason: string; mirror?: Mirror } {
  const hasTerraform = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
  const mirror = findMirror();
  return { reason: !hasTerraform ? 'terraform is not installed' : !mirror ? 'no hashicorp/aws provider mirror found (set PHIKIT_TF_MIRROR)' : '', mirror };
}

const STS = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;

/** Start the STS stub on a free local port. */
export async function startStsStub(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      res.end(STS);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Rewrite a synthesized stack for an offline run: the mirror's provider version, fake credentials. */
export function offlineStack(doc: { terraform: { required_providers: Record<string, unknown> }; provider: { aws: Record<string, unknown>[] } }, mirror: Mirror, stsPort: number): void {
  doc.terraform.required_providers.aws = { source: 'hashicorp/aws', version: mirror.version };
  for (const p of doc.provider.aws) {
    Object.assign(p, { access_key: 'AKIAEXAMPLE', secret_key: 'example', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true, skip_region_validation: true, endpoints: [{ sts: `http://127.0.0.1:${stsPort}` }] });
  }
}

/** A CLI config file using only the mirror for hashicorp providers, and the environment to run with it. */
export function offlineEnv(work: string, mirror: Mirror): NodeJS.ProcessEnv {
  const rc = path.join(work, 'terraform.rc');
  fs.writeFileSync(rc, `provider_installation {\n  filesystem_mirror {\n    path = "${mirror.root}"\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`);
  return { ...process.env, TF_CLI_CONFIG_FILE: rc, TF_IN_AUTOMATION: '1', AWS_EC2_METADATA_DISABLED: 'true', CHECKPOINT_DISABLE: '1' };
}

/** Run terraform in a directory, asynchronously (so an in-process STS stub can answer); its stdout. */
export function terraformIn(dir: string, env: NodeJS.ProcessEnv): (...args: string[]) => Promise<string> {
  return async (...args: string[]) => (await promisify(execFile)('terraform', args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 << 20 })).stdout;
}
