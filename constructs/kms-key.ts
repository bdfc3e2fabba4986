import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { THRESHOLDS } from '../policies/rules/thresholds';
import { PropCheck, Waiver, recordWaivers } from './core/waivers';

/** Actions a service needs to encrypt and decrypt with the key on the account's behalf. */
const SERVICE_ACTIONS = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
/** Services whose principal is regional (`logs.<region>.amazonaws.com`). */
const REGIONAL = new Set(['logs']);

/**
 * A KMS key a phikit construct can encrypt with: a HipaaKmsKey (whose policy the construct
 * extends for the service it needs) or an existing key by ARN (whose policy is declared).
 */
export interface IHipaaKmsKey {
  readonly arn: string;
  /**
   * Make the key usable by an AWS service (`logs`, `cloudtrail.amazonaws.com` …). Returns false
   * when that is impossible (an existing key whose declared policy does not include the service).
   */
  allowService(service: string): boolean;
  /** How to name the key in an error. */
  readonly label: string;
}

export interface HipaaKmsKeyProps {
  /** Human description of what the key protects. */
  readonly description: string;
  /**
   * Alias name without the `alias/` prefix: letters, digits, `/_-`, not starting with `aws/`.
   * @default the construct id
   */
  readonly alias?: string;
  /**
   * Days before a scheduled deletion is final (7–30). HIPAA intent: a mistaken or malicious deletion
   * of a key makes every PHI object it protects unreadable (164.308(a)(7)(ii)(A)); keep the
   * maximum. Values below 30 need a waiver for ENC-02b.
   * @default 30
   */
  readonly deletionWindowInDays?: number;
  /**
   * Rotation period in days (90–2560). HIPAA intent: encryption and decryption (164.312(a)(2)(iv));
   * above 365 needs a waiver for ENC-02.
   * @default 365
   */
  readonly rotationPeriodInDays?: number;
  /**
   * Service principals allowed to use the key through their service (e.g. `logs.us-east-1.amazonaws.com`,
   * or a short name: `logs`, `cloudtrail`). phikit constructs that encrypt with the key add the
   * services they need themselves.
   * @default none
   */
  readonly servicePrincipals?: readonly string[];
  /** Extra key-policy statements (e.g. for CloudTrail with conditions). @default none */
  readonly extraStatements?: readonly Record<string, unknown>[];
  /** Provider (region/account) of the key. @default the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Waivers for weakened defaults. @default none */
  readonly waivers?: readonly Waiver[];
  /** Tags. DataClass=PHI is added unless given. @default { DataClass: 'PHI' } */
  readonly tags?: Readonly<Record<string, string>>;
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);

/**
 * Customer-managed KMS key for PHI: automatic rotation, 30-day deletion window, an explicit
 * least-privilege key policy (account root administers; named services use it), an alias, and
 * `prevent_destroy` so Terraform cannot delete it by accident.
 *
 * @example
 * const key = new HipaaKmsKey(this, 'phi', { description: 'PHI data' });
 * new HipaaBucket(this, 'records', { kmsKey: key });
 * new HipaaLogGroup(this, 'app', { name: '/phi/app', kmsKey: key });   // adds the Logs service to the key policy
 */
export class HipaaKmsKey extends Construct implements IHipaaKmsKey {
  /** An existing key (by ARN) whose key policy lets the given services use it. */
  static fromArn(arn: string, options: { readonly usableBy?: readonly string[] } = {}): IHipaaKmsKey {
    return new ExistingKmsKey(arn, options.usableBy ?? []);
  }

  readonly key: KmsKey;
  readonly alias: KmsAlias;
  readonly arn: string;
  readonly keyId: string;
  readonly label: string;
  private readonly services: string[] = [];
  private readonly serviceKeys = new Set<string>();
  private readonly account: DataAwsCallerIdentity;
  private region?: DataAwsRegion;
  private readonly props: HipaaKmsKeyProps;

  constructor(scope: Construct, id: string, props: HipaaKmsKeyProps) {
    super(scope, id);
    this.props = props;
    const window = props.deletionWindowInDays ?? THRESHOLDS.kmsDeletionWindowMinDays;
    const rotation = props.rotationPeriodInDays ?? THRESHOLDS.kmsRotationMaxDays;
    const p = new PropCheck(this, 'HipaaKmsKey', props.waivers);
    p.expect(typeof props.description === 'string' && props.description.trim().length > 0, 'description', 'is required');
    if (p.expect(isInt(window) && window >= 7 && window <= 30, 'deletionWindowInDays', `must be a whole number of days from 7 to 30, got ${window}`)) {
      p.weakens(window < THRESHOLDS.kmsDeletionWindowMinDays, `deletionWindowInDays: ${window}`, 'ENC-02b');
    }
    if (p.expect(isInt(rotation) && rotation >= 90 && rotation <= 2560, 'rotationPeriodInDays', `must be a whole number of days from 90 to 2560 (AWS limits), got ${rotation}`)) {
      p.weakens(rotation > THRESHOLDS.kmsRotationMaxDays, `rotationPeriodInDays: ${rotation}`, 'ENC-02');
    }
    const alias = props.alias ?? id;
    p.expect(/^[a-zA-Z0-9/_-]{1,250}$/.test(alias) && !alias.startsWith('aws/'), 'alias', `"${alias}" must be 1-250 letters, digits, "/", "_" or "-" and must not start with "aws/"`);
    const waivers = p.done();
    this.account = new DataAwsCallerIdentity(this, 'account', { provider: props.provider });
    this.key = new KmsKey(this, 'key', {
      provider: props.provider,
      description: props.description,
      enableKeyRotation: true,
      rotationPeriodInDays: rotation,
      deletionWindowInDays: window,
      isEnabled: true,
      policy: '{}',
      tags: { DataClass: 'PHI', ...(props.tags ?? {}) },
      lifecycle: { preventDestroy: true },
    });
    for (const s of props.servicePrincipals ?? []) this.addService(s);
    this.renderPolicy();
    recordWaivers(this.key, waivers);
    this.alias = new KmsAlias(this, 'alias', { provider: props.provider, name: `alias/${alias}`, targetKeyId: this.key.keyId });
    this.arn = this.key.arn;
    this.keyId = this.key.keyId;
    this.label = `HipaaKmsKey ${this.node.path}`;
  }

  /** Let an AWS service use the key (idempotent); the key policy names it with aws:SourceAccount. */
  allowService(service: string): boolean {
    if (this.addService(service)) this.renderPolicy();
    return true;
  }

  /** Service principals the key policy lets use the key. */
  get servicePrincipals(): readonly string[] {
    return [...this.services];
  }

  private addService(service: string): boolean {
    const short = service.replace(/\.amazonaws\.com$/, '');
    let principal = service;
    if (!service.includes('.')) {
      if (REGIONAL.has(short)) {
        this.region ??= new DataAwsRegion(this, 'region', { provider: this.props.provider });
        principal = `${short}.${this.region.name}.amazonaws.com`;
      } else principal = `${short}.amazonaws.com`;
    }
    // A regional principal is a token: compare services by their short name.
    const key = REGIONAL.has(short) && !service.includes('.') ? short : principal;
    if (this.serviceKeys.has(key) || this.services.includes(principal)) return false;
    this.serviceKeys.add(key);
    this.services.push(principal);
    return true;
  }

  private renderPolicy(): void {
    const account = this.account.accountId;
    const statements: Record<string, unknown>[] = [
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'kms:*', Resource: '*' },
      ...this.services.map((svc, i) => ({
        Sid: `Service${i}`,
        Effect: 'Allow',
        Principal: { Service: svc },
        Action: SERVICE_ACTIONS,
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceAccount': account } },
      })),
      ...(this.props.extraStatements ?? []),
    ];
    this.key.policy = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  }
}

/** An existing KMS key referenced by ARN. Its key policy is not managed here: it is declared. */
class ExistingKmsKey implements IHipaaKmsKey {
  readonly label: string;
  constructor(
    readonly arn: string,
    private readonly usableBy: readonly string[],
  ) {
    this.label = `existing KMS key ${arn}`;
  }
  allowService(service: string): boolean {
    const short = (s: string) => s.replace(/\.amazonaws\.com$/, '').replace(/\.[a-z]{2}(-[a-z]+)+-\d$/, '');
    return this.usableBy.some((u) => short(u) === short(service));
  }
}

/** Ask a key to let a service use it; records a prop problem naming `prop` when it cannot. */
export function requireKeyUsableBy(p: PropCheck, key: IHipaaKmsKey | undefined, prop: string, service: string): void {
  if (!key) return;
  p.expect(key.allowService(service), prop, `is ${key.label}, whose declared key policy does not let ${service} use it: add '${service}' to usableBy (and to that key's policy), or pass a HipaaKmsKey`);
}
