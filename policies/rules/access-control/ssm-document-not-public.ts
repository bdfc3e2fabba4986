import { attr, list, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, fail, pass, unknown, unknownMessage } from '../helpers';
import { SG } from './_shared';

export const ssmDocumentNotPublic: ResourceRule = {
  id: 'ACC-28',
  control: 'ACC-28',
  title: 'SSM documents are not shared publicly',
  strategy: 2,
  citations: SG,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_ssm_document'],
  scope: 'resource',
  rationale: 'A public SSM document reveals automation content (scripts, hostnames, sometimes parameters) to every AWS account.',
  remediation: 'Remove permissions { type = "Share", account_ids = "All" }; share with named accounts only.',
  anchors: { awsConfig: ['ssm-document-not-public'], checkov: ['CKV_AWS_303'] },
  check(doc) {
    const ids = attr(doc, 'permissions.account_ids');
    if (ids.state === 'unknown') return unknown(unknownMessage('permissions.account_ids'), ev('permissions.account_ids', ids));
    const type = attr(doc, 'permissions.type');
    if (type.state === 'unknown') return unknown(unknownMessage('permissions.type'), ev('permissions.type', type));
    if (str(type) !== 'Share') return pass('the document is not shared');
    const accounts = (list(ids) ?? []).flatMap((x) => String(x).split(','));
    return accounts.some((a) => a.trim().toLowerCase() === 'all') ? fail('permissions share the document with "All" accounts', ev('permissions.account_ids', ids)) : pass(`shared with ${accounts.length} named account(s)`, ev('permissions.account_ids', ids));
  },
  examples: {
    pass: [
      { description: 'passes when shared with one account', resources: { 'aws_ssm_document.d': { name: 'd', document_type: 'Command', content: '{}', permissions: [{ type: 'Share', account_ids: '111122223333' }] } } },
      { description: 'passes when not shared', resources: { 'aws_ssm_document.d': { name: 'd', document_type: 'Command', content: '{}' } } },
    ],
    fail: [{ description: 'fails when shared with All', resources: { 'aws_ssm_document.d': { name: 'd', document_type: 'Command', content: '{}', permissions: [{ type: 'Share', account_ids: 'All' }] } } }],
    unknown: [{ description: 'is unknown when account_ids is known only after apply', resources: { 'aws_ssm_document.d': { name: 'd', document_type: 'Command', content: '{}', permissions: [{ type: 'Share', account_ids: 'x' }] } }, unknown: { 'aws_ssm_document.d': ['permissions.account_ids'] } }],
  },
};
