import { attr, isSet, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { RESOURCE_POLICY_CITES } from './_shared';

const layer = (extra: Record<string, unknown>) => ({ 'aws_lambda_layer_version_permission.p': { layer_name: 'arn:aws:lambda:us-east-1:111122223333:layer:phi-sdk', version_number: 1, statement_id: 'share', action: 'lambda:GetLayerVersion', ...extra } });

export const lambdaLayerNotPublic: ResourceRule = {
  id: 'ACC-24k',
  control: 'ACC-24',
  title: 'Lambda layer versions are not shared with every AWS account (principal "*" without organization_id)',
  strategy: 2,
  citations: RESOURCE_POLICY_CITES,
  severity: 'medium',
  level: 'recommended',
  levelBasis: { beyond: 'A layer holds code, not ePHI; sharing it with every account is phikit hardening to avoid.' },
  resourceTypes: ['aws_lambda_layer_version_permission'],
  scope: 'resource',
  rationale:
    'The Security Rule requires technical access controls that let only persons or software programs granted access rights use ePHI (164.312(a)(1)), with access authorized by the covered entity (164.308(a)(4)(ii)(B)). A layer shared with principal "*" and no organization_id can be downloaded by any AWS account: the code of functions that process PHI, and any configuration or credential baked into it. phikit recommends sharing layers with named accounts or the organization only.',
  remediation: 'Set principal to the consuming account id, or keep principal = "*" and set organization_id to your AWS Organizations id.',
  check(p) {
    const principal = attr(p, 'principal');
    if (principal.state === 'unknown' || principal.state === 'sensitive') return unknown(unknownMessage('principal'), ev('principal', principal));
    const who = str(principal) ?? '';
    if (who !== '*') return pass(`the layer is shared with ${who || '(no principal)'} only`, ev('principal', principal));
    const org = attr(p, 'organization_id');
    if (org.state === 'unknown' && !org.value.refs.length && !org.value.template) return unknown(unknownMessage('organization_id'), ev('organization_id', org));
    if (isSet(org)) return pass('principal "*" is limited to the organization by organization_id', ev('organization_id', org));
    return fail('principal is "*" and organization_id is not set: every AWS account can get this layer version', ev('principal', principal));
  },
  examples: {
    pass: [
      { description: 'passes when the layer is shared with one account', resources: layer({ principal: '444455556666' }) },
      { description: 'passes when "*" is limited by organization_id', resources: layer({ principal: '*', organization_id: 'o-abc123' }) },
    ],
    fail: [{ description: 'fails when principal is "*" without organization_id', resources: layer({ principal: '*' }) }],
    unknown: [{ description: 'is unknown when the principal is known only after apply', resources: layer({ principal: '*' }), unknown: { 'aws_lambda_layer_version_permission.p': ['principal'] } }],
  },
};
