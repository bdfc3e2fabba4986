/**
 * The IAM policy model: parsing from every source form, wildcards, conditions, principal and
 * trust classification, attachment discovery — on hand-written cases (through both the cdk.tf.json
 * and the plan form) and on real plan fixtures.
 */
import * as fs from 'fs';
import * as path from 'path';
import { evaluate } from '../../policies/engine/evaluate';
import type { Rule, RuleCase } from '../../policies/engine/types';
import type { Graph } from '../../policies/model/graph';
import {
  PolicyDocument,
  Statement,
  allowsKmsDecryptOnAnyResource,
  assumeStatements,
  awsManagedPolicyName,
  classifyPrincipal,
  coversAction,
  coversAllResources,
  coversResource,
  deniesInsecureTransport,
  deniesOldTls,
  deniesUnlessMfa,
  escalationActions,
  fullServiceAccess,
  groupsOfUser,
  identityPolicyDocuments,
  isAdminStatement,
  isFullIamAccess,
  isHumanAssumable,
  isPublicAllow,
  isUnresolved,
  isOpaque,
  opaqueParts,
  membershipsOfGroup,
  ownAccountIds,
  policiesAttachedTo,
  policyFromJson,
  principalRefs,
  readPolicy,
  requiresExternalId,
  requiresMfa,
  trustPrincipals,
  trustRequiresMfa,
  unconditionedForeignRoots,
  externalWithoutExternalId,
  wildcardMatch,
  accountsIn,
} from '../../policies/model/iam';
import { parseHclLiteral } from '../../policies/model/hcl-literal';
import { loadGraph } from '../../policies/model/load';
import type { Resource } from '../../policies/model/types';
import { accessControlRules } from '../../policies/rules/access-control';
import { FORMATS, caseGraph } from '../support/run-case';

/** The shared fixtures sit beside the repository (CI copies shared/ next to the clone). */
const FIX = [process.env.PHIKIT_FIXTURES, path.resolve(__dirname, '../../../shared/fixtures/plans'), '/work/shared/fixtures/plans']
  .filter((p): p is string => !!p && fs.existsSync(p))
  .map((p) => `${p}/`)[0];
if (!FIX) throw new Error('shared/fixtures/plans not found beside the repository (set PHIKIT_FIXTURES)');

const doc = (...Statement: Array<Record<string, unknown>>): PolicyDocument => policyFromJson({ Version: '2012-10-17', Statement })!;
const stmt = (s: Record<string, unknown>): Statement => doc(s).statements[0];
const json = (...Statement: Array<Record<string, unknown>>): string => JSON.stringify({ Version: '2012-10-17', Statement });
const res = (g: Graph, address: string): Resource => {
  const r = g.resources.find((x) => x.address === address);
  if (!r) throw new Error(`no ${address} in graph`);
  return r;
};
const rule = (id: string): Rule => accessControlRules.find((r) => r.id === id)!;

/** Findings of one rule over a graph, by address. */
function statuses(g: Graph, id: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of evaluate(g, { rules: [rule(id)], now: new Date('2026-11-28T00:00:00Z') }).findings) out[f.address] = f.status;
  return out;
}

describe('policyFromJson', () => {
  it('reads a single statement object, string fields and lower-cases condition keys', () => {
    const d = policyFromJson({ Statement: { Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Principal: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } } })!;
    expect(d.statements).toHaveLength(1);
    const s = d.statements[0];
    expect(s.effect).toBe('Deny');
    expect(s.actions).toEqual(['s3:*']);
    expect(s.principals?.anyone).toBe(true);
    expect(s.conditions).toEqual([{ operator: 'Bool', key: 'aws:securetransport', values: ['false'] }]);
  });

  it('reads NotAction, NotResource and NotPrincipal', () => {
    const s = stmt({ Effect: 'Allow', NotAction: ['iam:*'], NotResource: 'arn:aws:s3:::x', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } });
    expect(s.notActions).toEqual(['iam:*']);
    expect(s.notResources).toEqual(['arn:aws:s3:::x']);
    expect(s.notPrincipals?.aws).toEqual(['arn:aws:iam::111122223333:root']);
    expect(s.actions).toBeUndefined();
  });

  it('rejects non-objects and treats an empty Sid as absent', () => {
    expect(policyFromJson('x')).toBeUndefined();
    expect(policyFromJson([])).toBeUndefined();
    expect(stmt({ Sid: '', Effect: 'Allow', Action: '*', Resource: '*' }).sid).toBeUndefined();
  });
});

describe('wildcards and actions', () => {
  it('matches IAM wildcards case-insensitively', () => {
    expect(wildcardMatch('s3:Get*', 's3:GetObject')).toBe(true);
    expect(wildcardMatch('S3:GET*', 's3:getobject')).toBe(true);
    expect(wildcardMatch('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(wildcardMatch('s3:Put*', 's3:GetObject')).toBe(false);
    expect(wildcardMatch('*', 'anything')).toBe(true);
    expect(wildcardMatch('iam:Pass.Role', 'iam:PassXRole')).toBe(false);
  });

  it('covers actions through NotAction', () => {
    const s = stmt({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' });
    expect(coversAction(s, 's3:GetObject')).toBe(true);
    expect(coversAction(s, 'iam:PassRole')).toBe(false);
  });

  it('sees Resource "*" and NotResource as every resource', () => {
    expect(coversAllResources(stmt({ Effect: 'Allow', Action: 'x:y', Resource: ['arn:aws:s3:::a', '*'] }))).toBe(true);
    expect(coversAllResources(stmt({ Effect: 'Allow', Action: 'x:y', NotResource: 'arn:aws:s3:::a' }))).toBe(true);
    expect(coversAllResources(stmt({ Effect: 'Allow', Action: 'x:y', Resource: 'arn:aws:s3:::a/*' }))).toBe(false);
    expect(coversAllResources(stmt({ Effect: 'Allow', Action: 'x:y', Resource: 'arn:aws:*:*:*:*' }))).toBe(true);
    expect(coversAllResources(stmt({ Effect: 'Allow', Action: 'x:y', Resource: 'arn:aws:s3:::*' }))).toBe(false);
    const scoped = stmt({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::phi-*/*' });
    expect(coversResource(scoped, 'arn:aws:s3:::phi-data/x.csv')).toBe(true);
    expect(coversResource(scoped, 'arn:aws:s3:::logs/x')).toBe(false);
    expect(coversResource(stmt({ Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::logs/*' }), 'arn:aws:s3:::phi/x')).toBe(true);
  });

  it('finds admin statements ("*", "*:*", empty NotAction) only when allowed on every resource', () => {
    expect(isAdminStatement(stmt({ Effect: 'Allow', Action: '*', Resource: '*' }))).toBe(true);
    expect(isAdminStatement(stmt({ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }))).toBe(true);
    expect(isAdminStatement(stmt({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }))).toBe(false);
    expect(isAdminStatement(stmt({ Effect: 'Deny', Action: '*', Resource: '*' }))).toBe(false);
    expect(isAdminStatement(stmt({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }))).toBe(false);
  });

  it('lists full-service grants', () => {
    expect(fullServiceAccess(stmt({ Effect: 'Allow', Action: ['s3:Get*', 'iam:*', 'kms:Decrypt'], Resource: '*' }))).toEqual(['iam:*']);
    expect(fullServiceAccess(stmt({ Effect: 'Deny', Action: 's3:*', Resource: '*' }))).toEqual([]);
  });

  it('finds privilege-escalation actions on Resource "*" through wildcards', () => {
    expect(escalationActions(stmt({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }))).toEqual(['iam:PassRole']);
    expect(escalationActions(stmt({ Effect: 'Allow', Action: 'iam:Attach*', Resource: '*' }))).toEqual(['iam:AttachUserPolicy', 'iam:AttachGroupPolicy', 'iam:AttachRolePolicy']);
    expect(escalationActions(stmt({ Effect: 'Allow', Action: 'iam:CreatePolicyVersion', Resource: '*' }))).toEqual(['iam:CreatePolicyVersion']);
    expect(escalationActions(stmt({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }))).toEqual([]);
    expect(escalationActions(stmt({ Effect: 'Allow', Action: 's3:*', Resource: '*' }))).toEqual([]);
    expect(isFullIamAccess(stmt({ Effect: 'Allow', Action: 'iam:*', Resource: '*' }))).toBe(true);
    expect(isFullIamAccess(stmt({ Effect: 'Allow', Action: 'iam:Get*', Resource: '*' }))).toBe(false);
  });

  it('finds kms:Decrypt / ReEncrypt on Resource "*"', () => {
    expect(allowsKmsDecryptOnAnyResource(stmt({ Effect: 'Allow', Action: 'kms:*', Resource: '*' }))).toBe(true);
    expect(allowsKmsDecryptOnAnyResource(stmt({ Effect: 'Allow', Action: 'kms:ReEncrypt*', Resource: '*' }))).toBe(true);
    expect(allowsKmsDecryptOnAnyResource(stmt({ Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:111122223333:key/k' }))).toBe(false);
    expect(allowsKmsDecryptOnAnyResource(stmt({ Effect: 'Allow', Action: 'kms:Encrypt', Resource: '*' }))).toBe(false);
  });
});

describe('conditions', () => {
  it('requires MFA only with Bool true or a bounded MultiFactorAuthAge', () => {
    expect(requiresMfa(stmt({ Effect: 'Allow', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))).toBe(true);
    expect(requiresMfa(stmt({ Effect: 'Allow', Condition: { Bool: { 'aws:MultiFactorAuthPresent': ['true'] } } }))).toBe(true);
    expect(requiresMfa(stmt({ Effect: 'Allow', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'true' } } }))).toBe(false);
    expect(requiresMfa(stmt({ Effect: 'Allow', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }))).toBe(false);
    expect(requiresMfa(stmt({ Effect: 'Allow', Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } } }))).toBe(true);
    expect(requiresMfa(stmt({ Effect: 'Allow', Condition: { NumericLessThanEquals: { 'aws:MultiFactorAuthAge': '86400' } } }), 3600)).toBe(false);
    expect(requiresMfa(stmt({ Effect: 'Allow', Condition: { NumericGreaterThan: { 'aws:MultiFactorAuthAge': '1' } } }))).toBe(false);
  });

  it('requires an ExternalId only with a concrete StringEquals/StringLike value', () => {
    expect(requiresExternalId(stmt({ Effect: 'Allow', Condition: { StringEquals: { 'sts:ExternalId': 'abc' } } }))).toBe(true);
    expect(requiresExternalId(stmt({ Effect: 'Allow', Condition: { StringLike: { 'sts:ExternalId': '*' } } }))).toBe(false);
    expect(requiresExternalId(stmt({ Effect: 'Allow', Condition: { StringNotEquals: { 'sts:ExternalId': 'abc' } } }))).toBe(false);
  });

  it('treats an Allow to "*" as public unless a restricting condition narrows it', () => {
    const base = { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' };
    expect(isPublicAllow(stmt(base))).toBe(true);
    expect(isPublicAllow(stmt({ ...base, Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-1' } } }))).toBe(false);
    expect(isPublicAllow(stmt({ ...base, Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }))).toBe(false);
    expect(isPublicAllow(stmt({ ...base, Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a' } } }))).toBe(false);
    expect(isPublicAllow(stmt({ ...base, Condition: { StringLike: { 'aws:SourceVpce': '*' } } }))).toBe(true);
    expect(isPublicAllow(stmt({ ...base, Condition: { StringNotEquals: { 'aws:PrincipalOrgID': 'o-1' } } }))).toBe(true);
    expect(isPublicAllow(stmt({ ...base, Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-1' } } }))).toBe(true);
    expect(isPublicAllow(stmt({ ...base, Condition: { StringEquals: { 's3:prefix': 'x' } } }))).toBe(true);
    expect(isPublicAllow(stmt({ ...base, Principal: { AWS: 'arn:aws:iam::111122223333:root' } }))).toBe(false);
  });

  it('recognises transport and MFA deny patterns', () => {
    const tls = doc(
      { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      { Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Resource: '*', Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } },
    );
    expect(deniesInsecureTransport(tls)).toBe(true);
    expect(deniesOldTls(tls)).toBe(true);
    expect(deniesInsecureTransport(doc({ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }))).toBe(false);
    const mfa = { Effect: 'Deny', NotAction: ['iam:EnableMFADevice', 'sts:GetSessionToken'], Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } };
    expect(deniesUnlessMfa(doc(mfa))).toBe(true);
    expect(deniesUnlessMfa(doc({ ...mfa, NotAction: ['s3:*'] }))).toBe(false);
    expect(deniesUnlessMfa(doc({ ...mfa, Effect: 'Allow' }))).toBe(false);
  });
});

describe('principals and trust', () => {
  it.each([
    ['AWS', '*', 'anyone', undefined],
    ['AWS', '111122223333', 'account', '111122223333'],
    ['AWS', 'arn:aws:iam::111122223333:root', 'account', '111122223333'],
    ['AWS', 'arn:aws:iam::111122223333:user/alice', 'iam-user', '111122223333'],
    ['AWS', 'arn:aws:iam::111122223333:role/app', 'iam-role', '111122223333'],
    ['AWS', 'arn:aws:sts::111122223333:assumed-role/app/s', 'assumed-role', '111122223333'],
    ['AWS', 'arn:aws:iam::*:root', 'anyone', undefined],
    ['AWS', 'arn:aws-us-gov:iam::111122223333:root', 'account', '111122223333'],
    ['AWS', '${aws_iam_role.app.arn}', 'iam-role', undefined],
    ['AWS', '${var.trusted}', 'unresolved', undefined],
    ['Service', 'lambda.amazonaws.com', 'service', undefined],
    ['Federated', 'arn:aws:iam::111122223333:saml-provider/okta', 'saml', '111122223333'],
    ['Federated', 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', 'oidc', '111122223333'],
    ['Federated', 'cognito-identity.amazonaws.com', 'oidc', undefined],
    ['Federated', '${aws_iam_openid_connect_provider.gh.arn}', 'oidc', undefined],
    ['Federated', '${aws_iam_saml_provider.idp.arn}', 'saml', undefined],
  ] as const)('classifies %s %s as %s', (type, value, kind, account) => {
    const p = classifyPrincipal(type, value);
    expect(p.kind).toBe(kind);
    expect(p.account).toBe(account);
  });

  it('tells opaque values (variables, unknowns) from references to resources', () => {
    expect(isOpaque('${var.actions}')).toBe(true);
    expect(isOpaque('${unknown}')).toBe(true);
    expect(isOpaque('arn:aws:s3:::${local.name}/*')).toBe(true);
    expect(isOpaque('arn:aws:s3:::${local.name}/*', true)).toBe(false);
    expect(isOpaque('${var.arn}', true)).toBe(true);
    expect(isOpaque('${aws_s3_bucket.b.arn}/*')).toBe(false);
    expect(isOpaque('${data.aws_iam_role.r.arn}')).toBe(false);
    expect(isOpaque('s3:GetObject')).toBe(false);
    expect(opaqueParts(stmt({ Effect: 'Allow', Action: '${var.a}', Resource: '${aws_s3_bucket.b.arn}', Principal: { AWS: '${var.p}' } }))).toEqual(['Action', 'Principal']);
  });

  it('reads a principal built from aws_caller_identity as this account', () => {
    const p = classifyPrincipal('AWS', 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:root');
    expect(p.kind).toBe('account');
    expect(p.self).toBe(true);
    expect(classifyPrincipal('AWS', 'arn:aws:iam::${var.partner}:root').self).toBeUndefined();
  });

  it('lists account ids of AWS principals', () => {
    expect(accountsIn(stmt({ Effect: 'Allow', Principal: { AWS: ['111122223333', 'arn:aws:iam::444455556666:role/x', '*'] } }).principals)).toEqual(['111122223333', '444455556666']);
    expect(principalRefs(stmt({ Effect: 'Allow', Principal: '*' }).principals).map((p) => p.kind)).toEqual(['anyone']);
  });

  it('separates roles people assume from service and workload roles', () => {
    const service = doc({ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com', 'edgelambda.amazonaws.com'] }, Action: 'sts:AssumeRole' });
    const github = doc({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity' });
    const chained = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' }, Action: 'sts:AssumeRole' });
    const root = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' });
    const saml = doc({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/okta' }, Action: 'sts:AssumeRoleWithSAML' });
    const user = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/alice' }, Action: 'sts:AssumeRole' });
    expect(isHumanAssumable(service)).toBe(false);
    expect(isHumanAssumable(github)).toBe(false);
    expect(isHumanAssumable(chained)).toBe(false);
    expect(isHumanAssumable(root)).toBe(true);
    expect(isHumanAssumable(saml)).toBe(true);
    expect(isHumanAssumable(user)).toBe(true);
    expect(trustPrincipals(service).map((p) => p.audience)).toEqual(['service', 'service']);
    expect(trustRequiresMfa(service)).toBe(true);
    expect(trustRequiresMfa(root)).toBe(false);
    expect(trustRequiresMfa(doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }))).toBe(true);
    const own = new Set(['111122223333']);
    const foreign = doc(
      { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::999988887777:root', '111122223333'] }, Action: 'sts:AssumeRole' },
      { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:role/scanner' }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'x' } } },
    );
    expect(unconditionedForeignRoots(foreign, own).map((p) => p.account)).toEqual(['999988887777']);
    expect(externalWithoutExternalId(foreign, own).map((p) => p.account)).toEqual(['999988887777']);
    // Only Allow statements with an assume action count.
    expect(assumeStatements(doc({ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' }, { Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }))).toEqual([]);
  });
});

describe('readPolicy across input forms', () => {
  const cases: Record<string, RuleCase> = {
    literal: { description: 'literal', resources: { 'aws_iam_policy.p': { name: 'p', policy: json({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) } } },
    dataSource: {
      description: 'data source',
      resources: {
        'data.aws_iam_policy_document.d': { statement: [{ sid: 'Read', actions: ['s3:GetObject'], resources: ['${aws_s3_bucket.b.arn}/*'], principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::111122223333:root'] }], condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['true'] }] }] },
        'aws_s3_bucket.b': { bucket: 'b' },
        'aws_iam_policy.p': { name: 'p', policy: '${data.aws_iam_policy_document.d.json}' },
      },
    },
    merged: {
      description: 'source and override documents',
      resources: {
        'data.aws_iam_policy_document.base': { statement: [{ sid: 'A', actions: ['s3:GetObject'], resources: ['*'] }, { sid: 'B', actions: ['s3:ListBucket'], resources: ['*'] }] },
        'data.aws_iam_policy_document.over': { statement: [{ sid: 'B', effect: 'Deny', actions: ['s3:ListBucket'], resources: ['*'] }] },
        'data.aws_iam_policy_document.d': {
          source_policy_documents: ['${data.aws_iam_policy_document.base.json}'],
          override_policy_documents: ['${data.aws_iam_policy_document.over.json}'],
          statement: [{ sid: 'A', actions: ['s3:PutObject'], resources: ['*'] }, { actions: ['kms:Decrypt'], resources: ['*'] }],
        },
        'aws_iam_policy.p': { name: 'p', policy: '${data.aws_iam_policy_document.d.json}' },
      },
    },
    partial: {
      description: 'unknown source document',
      resources: {
        'data.aws_iam_policy_document.d': { source_policy_documents: ['${var.extra}'], statement: [{ actions: ['s3:GetObject'], resources: ['*'] }] },
        'aws_iam_policy.p': { name: 'p', policy: '${data.aws_iam_policy_document.d.json}' },
      },
    },
  };

  for (const format of FORMATS) {
    it(`reads a literal JSON string [${format}]`, () => {
      const g = caseGraph(cases.literal, format);
      const r = readPolicy(g, res(g, 'aws_iam_policy.p'), 'policy');
      expect(r.state).toBe('known');
      if (r.state === 'known') expect(r.doc.statements[0].actions).toEqual(['s3:GetObject']);
    });

    it(`reads a data source's statement blocks, conditions and principals [${format}]`, () => {
      const g = caseGraph(cases.dataSource, format);
      const r = readPolicy(g, res(g, 'aws_iam_policy.p'), 'policy');
      expect(r.state).toBe('known');
      if (r.state !== 'known') return;
      expect(r.source).toBe('data.aws_iam_policy_document.d');
      const s = r.doc.statements[0];
      expect(s.sid).toBe('Read');
      expect(s.effect).toBe('Allow');
      expect(s.principals?.aws).toEqual(['arn:aws:iam::111122223333:root']);
      expect(s.conditions[0]).toEqual({ operator: 'Bool', key: 'aws:securetransport', values: ['true'] });
      expect(isUnresolved(s.resources![0])).toBe(true);
    });

    it(`merges source_policy_documents and override_policy_documents by sid [${format}]`, () => {
      const g = caseGraph(cases.merged, format);
      const r = readPolicy(g, res(g, 'aws_iam_policy.p'), 'policy');
      expect(r.state).toBe('known');
      if (r.state !== 'known') return;
      const bySid = r.doc.statements.map((s) => `${s.sid ?? '-'}:${s.effect}:${(s.actions ?? []).join(',')}`);
      expect(bySid).toEqual(['A:Allow:s3:PutObject', 'B:Deny:s3:ListBucket', '-:Allow:kms:Decrypt']);
      expect(r.doc.partial).toBeUndefined();
    });

    it(`marks a document partial when a source document is unknown [${format}]`, () => {
      const g = caseGraph(cases.partial, format);
      const r = readPolicy(g, res(g, 'aws_iam_policy.p'), 'policy');
      expect(r.state).toBe('known');
      if (r.state === 'known') {
        expect(r.doc.partial).toBeDefined();
        expect(r.doc.statements).toHaveLength(1);
      }
    });
  }

  it('reads a cdktf template whose references sit inside JSON strings', () => {
    const c: RuleCase = {
      description: 'template',
      resources: { 'aws_s3_bucket.b': { bucket: 'b' }, 'aws_s3_bucket_policy.p': { bucket: '${aws_s3_bucket.b.id}', policy: json({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '${aws_s3_bucket.b.arn}/*' }) } },
    };
    const g = caseGraph(c, 'synth');
    const r = readPolicy(g, res(g, 'aws_s3_bucket_policy.p'), 'policy');
    expect(r.state).toBe('known');
    if (r.state === 'known') {
      expect(r.doc.statements[0].resources).toEqual(['${aws_s3_bucket.b.arn}/*']);
      expect(isPublicAllow(r.doc.statements[0])).toBe(true);
    }
    // In plan JSON the same policy is unknown until apply.
    const gp = caseGraph(c, 'plan');
    expect(readPolicy(gp, res(gp, 'aws_s3_bucket_policy.p'), 'policy').state).toBe('unknown');
  });

  it('reads cdktf ${jsonencode({...})} HCL literals, keeping references unresolved', () => {
    const expr = '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Effect" = "Allow", "Action" = ["s3:GetObject"], "Resource" = "${aws_s3_bucket.b.arn}/*", "Principal" = {"AWS" = aws_iam_role.r.arn}}]})}';
    const g = caseGraph({ description: 'jsonencode', resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: '{}' }, 'aws_s3_bucket.b': { bucket: 'b' }, 'aws_s3_bucket_policy.p': { bucket: 'b', policy: expr } } }, 'synth');
    const r = readPolicy(g, res(g, 'aws_s3_bucket_policy.p'), 'policy');
    expect(r.state).toBe('known');
    if (r.state !== 'known') return;
    const s = r.doc.statements[0];
    expect(s.actions).toEqual(['s3:GetObject']);
    expect(s.principals?.aws).toEqual(['${aws_iam_role.r.arn}']);
    expect(principalRefs(s.principals)[0].kind).toBe('iam-role');
  });

  it('parses HCL literals with both separators, comments and nested values', () => {
    expect(parseHclLiteral('{\n a = 1\n "b": [true, null, "x"] # c\n d = var.x\n}')).toEqual({ a: 1, b: [true, null, 'x'], d: '${var.x}' });
    expect(parseHclLiteral('{ a = ')).toBeUndefined();
  });

  it('reports absent, invalid and sensitive-free unknown policies distinctly', () => {
    const g = caseGraph({ description: 'x', resources: { 'aws_iam_policy.a': { name: 'a' }, 'aws_iam_policy.b': { name: 'b', policy: 'not json' } } }, 'synth');
    expect(readPolicy(g, res(g, 'aws_iam_policy.a'), 'policy').state).toBe('absent');
    expect(readPolicy(g, res(g, 'aws_iam_policy.b'), 'policy').state).toBe('invalid');
  });
});

describe('policies attached to identities', () => {
  const c: RuleCase = {
    description: 'attachments',
    resources: {
      'aws_iam_role.r': { name: 'app', assume_role_policy: json({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }), inline_policy: [{ name: 'blk', policy: json({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) }] },
      'aws_iam_role_policy.byref': { role: '${aws_iam_role.r.id}', policy: json({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) },
      'aws_iam_role_policy.byname': { role: 'app', policy: json({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }) },
      'aws_iam_policy.m': { name: 'managed', path: '/', policy: json({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }) },
      'aws_iam_role_policy_attachment.ref': { role: '${aws_iam_role.r.name}', policy_arn: '${aws_iam_policy.m.arn}' },
      'aws_iam_role_policy_attachment.arn': { role: 'app', policy_arn: 'arn:aws:iam::111122223333:policy/managed' },
      'aws_iam_role_policy_attachment.aws': { role: 'app', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      'aws_iam_policy_attachment.multi': { name: 'multi', roles: ['${aws_iam_role.r.name}'], policy_arn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' },
      'aws_iam_user.u': { name: 'alice' },
      'aws_iam_group.g': { name: 'devs' },
      'aws_iam_user_group_membership.m': { user: '${aws_iam_user.u.name}', groups: ['${aws_iam_group.g.name}'] },
      'aws_iam_group_policy.gp': { group: 'devs', policy: json({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } }) },
    },
  };

  for (const format of FORMATS) {
    it(`finds inline, block, managed (by reference and by ARN) and AWS managed policies [${format}]`, () => {
      const g = caseGraph(c, format);
      const found = policiesAttachedTo(g, res(g, 'aws_iam_role.r'));
      const summary = found.map((p) => `${p.kind}:${p.name}:${p.read.state}`).sort();
      expect(summary).toEqual(
        [
          'inline:aws_iam_role_policy.byref:known',
          'inline:aws_iam_role_policy.byname:known',
          'inline-block:blk:known',
          'managed:aws_iam_policy.m:known',
          'managed:aws_iam_policy.m:known',
          'aws-managed:AdministratorAccess:unknown',
          'aws-managed:ViewOnlyAccess:unknown',
        ].sort(),
      );
    });

    it(`follows group membership and group policies [${format}]`, () => {
      const g = caseGraph(c, format);
      const groups = groupsOfUser(g, res(g, 'aws_iam_user.u'));
      expect(groups.map((x) => x.address)).toEqual(['aws_iam_group.g']);
      expect(membershipsOfGroup(g, groups[0]).map((x) => x.address)).toEqual(['aws_iam_user_group_membership.m']);
      const gp = policiesAttachedTo(g, groups[0]);
      expect(gp.some((p) => p.read.state === 'known' && deniesUnlessMfa(p.read.doc))).toBe(true);
    });
  }

  it('names AWS managed policies from their ARN, including paths', () => {
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/AdministratorAccess')).toBe('AdministratorAccess');
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole')).toBe('AWSLambdaVPCAccessExecutionRole');
    expect(awsManagedPolicyName('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBeUndefined();
  });

  it('lists identity-policy documents of each policy-holding type', () => {
    const g = caseGraph(c, 'synth');
    expect(identityPolicyDocuments(g, res(g, 'aws_iam_role.r')).map((d) => d.path)).toEqual(['inline_policy[blk].policy']);
    expect(identityPolicyDocuments(g, res(g, 'aws_iam_policy.m')).map((d) => d.path)).toEqual(['policy']);
    expect(identityPolicyDocuments(g, res(g, 'aws_iam_user.u'))).toEqual([]);
  });
});

describe('own accounts (ACC-10 third parties)', () => {
  it('takes account ids from resource ARNs, never from principals or policies', () => {
    const g = caseGraph(
      {
        description: 'own',
        resources: {
          'aws_sns_topic.t': { name: 't', kms_master_key_id: 'arn:aws:kms:us-east-1:111122223333:key/abc' },
          'aws_iam_role.r': { name: 'r', assume_role_policy: json({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 'sts:AssumeRole' }) },
          'aws_iam_policy.p': { name: 'p', policy: json({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:us-east-1:555566667777:accesspoint/x' }) },
        },
      },
      'synth',
    );
    expect([...ownAccountIds(g)]).toEqual(['111122223333']);
  });
});

describe('real plan fixtures', () => {
  it('checkov iam_policies.json: iam:* policies escalate, s3:* is full access, the lambda role is a service role', () => {
    const g = loadGraph([`${FIX}bridgecrewio__checkov/iam_policies.json`]);
    const role = res(g, 'aws_iam_role.example');
    const trust = readPolicy(g, role, 'assume_role_policy');
    expect(trust.state).toBe('known');
    if (trust.state === 'known') expect(isHumanAssumable(trust.doc)).toBe(false);
    // The inline role policy joins the role through its configuration reference.
    expect(policiesAttachedTo(g, role).map((p) => p.name)).toEqual(['aws_iam_role_policy.fail_1']);
    expect(policiesAttachedTo(g, res(g, 'aws_iam_group.fail_2')).map((p) => p.name)).toEqual(['aws_iam_group_policy.fail_2']);
    expect(policiesAttachedTo(g, res(g, 'aws_iam_user.fail_3')).map((p) => p.name)).toEqual(['aws_iam_user_policy.fail_3']);
    expect(statuses(g, 'ACC-04c')).toEqual({
      'aws_iam_group_policy.fail_2': 'fail',
      'aws_iam_policy.policy_pass': 'pass',
      'aws_iam_role_policy.fail_1': 'fail',
      'aws_iam_user_policy.fail_3': 'fail',
    });
    expect(statuses(g, 'ACC-04b')['aws_iam_policy.policy_pass']).toBe('fail');
    expect(statuses(g, 'ACC-04a')['aws_iam_role_policy.fail_1']).toBe('pass');
    expect(statuses(g, 'ACC-05b')).toEqual({ 'aws_iam_user_policy.fail_3': 'fail' });
    expect(statuses(g, 'ACC-08a')).toEqual({});
  });

  it('checkov iam_data_block_s3_policy.json: the bucket policy is read from the data source statement blocks', () => {
    const g = loadGraph([`${FIX}bridgecrewio__checkov/iam_data_block_s3_policy.json`]);
    const r = readPolicy(g, res(g, 'aws_s3_bucket_policy.allow_access_from_another_account'), 'policy');
    expect(r.state).toBe('known');
    if (r.state !== 'known') return;
    expect(r.source).toBe('data.aws_iam_policy_document.allow_access_from_another_account');
    const s = r.doc.statements[0];
    expect(s.effect).toBe('Allow');
    expect(s.actions).toEqual(['*']);
    expect(s.resources?.every(isUnresolved)).toBe(true);
    expect(principalRefs(s.principals).map((p) => p.kind)).toEqual(['account']);
    // An account principal is not the public: ACC-03 passes it, reported on the bucket it joins by reference.
    expect(statuses(g, 'ACC-03')).toEqual({ 'aws_s3_bucket.example': 'pass' });
  });

  it('checkov github_oidc_trust_policy.json: web-identity roles are workloads, also when the provider is a reference', () => {
    const g = loadGraph([`${FIX}bridgecrewio__checkov/github_oidc_trust_policy.json`]);
    const cognito = res(g, 'module.poc.aws_iam_role.r6["p1"]');
    const t = readPolicy(g, cognito, 'assume_role_policy');
    expect(t.state).toBe('known');
    if (t.state === 'known') {
      expect(trustPrincipals(t.doc).map((p) => `${p.kind}/${p.audience}`)).toEqual(['oidc/workload']);
      expect(isHumanAssumable(t.doc)).toBe(false);
    }
    const byRef = readPolicy(g, res(g, 'module.poc.aws_iam_role.r1["p1"]'), 'assume_role_policy');
    expect(byRef.state).toBe('known');
    // identifiers = [aws_iam_openid_connect_provider.r5.arn]: the one element keeps the list's reference.
    if (byRef.state === 'known') expect(trustPrincipals(byRef.doc).map((p) => `${p.kind}/${p.audience}`)).toEqual(['oidc/workload']);
    const s = statuses(g, 'ACC-08a');
    expect(s['module.poc.aws_iam_role.r6["p1"]']).toBeUndefined(); // not applicable: workload role
    expect(s['module.poc.aws_iam_role.r1["p1"]']).toBeUndefined(); // not applicable: workload role
    expect(identityPolicyDocuments(g, cognito).map((d) => d.read.state)).toEqual(['known']);
    expect(statuses(g, 'ACC-05a')['module.poc.aws_iam_role.r1["p2"]']).toBe('fail');
  });

  it('androzo iam_role_policy_modules.json: GitHub OIDC role, attachment by literal role name, boundary from a module', () => {
    const g = loadGraph([`${FIX}androzo__aws-validation/iam_role_policy_modules.json`]);
    const role = res(g, 'aws_iam_role.deployment_role');
    const t = readPolicy(g, role, 'assume_role_policy');
    expect(t.state === 'known' && trustPrincipals(t.doc).map((p) => `${p.kind}/${p.audience}/${p.account}`)).toEqual(['oidc/workload/396608777381']);
    const attached = policiesAttachedTo(g, role);
    expect(attached.map((p) => `${p.kind}:${p.name}:${p.via.address}`)).toEqual(['managed:aws_iam_policy.deployment_policy:aws_iam_role_policy_attachment.attach_deployment_policy']);
    const read = attached[0].read;
    expect(read.state === 'known' && read.doc.statements.flatMap(fullServiceAccess)).toEqual(['s3:*']);
    // The boundary policy denies "*" and is used only as a boundary: ACC-04a does not report it.
    expect(statuses(g, 'ACC-04a')['module.iam_permission_boundary.aws_iam_policy.boundary']).toBeUndefined();
    expect(statuses(g, 'ACC-04b')['aws_iam_policy.deployment_policy']).toBe('fail');
    expect(statuses(g, 'ACC-08a')).toEqual({});
    expect(statuses(g, 'ACC-10b')['aws_iam_role.deployment_role']).toBe('pass');
  });
});

describe('ACC-08a audience classification through the rule', () => {
  const run = (trust: string, format: 'synth' | 'plan') => {
    const g = caseGraph({ description: 'x', resources: { 'aws_iam_role.r': { name: 'r', assume_role_policy: trust } } }, format);
    return evaluate(g, { rules: [rule('ACC-08a')] }).findings.map((f) => f.status);
  };
  for (const format of FORMATS) {
    it(`does not apply to a service-only role [${format}]`, () => {
      expect(run(json({ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }), format)).toEqual([]);
    });
    it(`does not apply to a GitHub OIDC role or role chaining [${format}]`, () => {
      expect(run(json({ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' }, Action: 'sts:AssumeRoleWithWebIdentity' }), format)).toEqual([]);
      expect(run(json({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/ci' }, Action: 'sts:AssumeRole' }), format)).toEqual([]);
    });
    it(`fails an account-root role without MFA and passes it with MFA [${format}]`, () => {
      const base = { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' };
      expect(run(json(base), format)).toEqual(['fail']);
      expect(run(json({ ...base, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), format)).toEqual(['pass']);
    });
  }
});

describe('parseHclLiteral: what is not a literal stays unread', () => {
  it('a for expression is not a literal (a tuple or object built from a collection)', () => {
    expect(parseHclLiteral('[for k, v in module.c : v.container_definition]')).toBeUndefined();
    expect(parseHclLiteral('{for k, v in var.m : k => v}')).toBeUndefined();
    // A key named "for" is an ordinary key.
    expect(parseHclLiteral('{for = "x", n = 1}')).toEqual({ for: 'x', n: 1 });
  });

  it('reads a long literal in time linear in its length', () => {
    const items = 100_000;
    const v = parseHclLiteral(`[${Array.from({ length: items }, (_, i) => `{ "k" = ${i} }`).join(', ')}]`) as unknown[];
    expect(v).toHaveLength(items);
  });
});
