import { attr, str, undecided } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { ev, expectBool, pass, unknown } from '../helpers';

export const ecrScanOnPush: ResourceRule = {
  id: 'COL-04b',
  control: 'COL-04',
  title: 'ECR repositories scan images on push',
  strategy: 7,
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(5)(ii)(B)'],
  severity: 'low',
  level: 'recommended',
  resourceTypes: ['aws_ecr_repository'],
  scope: 'resource',
  rationale: 'Images that process PHI should be checked for known vulnerabilities before they run; scan-on-push (or enhanced registry scanning) does it for every new image.',
  remediation: 'Set image_scanning_configuration { scan_on_push = true } on the repository, or declare aws_ecr_registry_scanning_configuration with scan_type ENHANCED.',
  anchors: { checkov: ['CKV_AWS_163'] },
  check(repo, ctx) {
    const registries = ctx.graph.ofTypeIn(repo.unit, 'aws_ecr_registry_scanning_configuration');
    const registry = registries.find((r) => str(attr(r, 'scan_type')) === 'ENHANCED');
    if (registry) return pass(`enhanced registry scanning (${registry.address}) covers this repository`);
    const own = expectBool(repo, 'image_scanning_configuration.scan_on_push', true, false, 'images are not scanned when pushed');
    const open = registries.find((r) => undecided(attr(r, 'scan_type')));
    if (own.status === 'fail' && open) return unknown(`${open.address}.scan_type is known only after apply (ENHANCED registry scanning would cover this repository); ${own.message}`, ev(`${open.address}.scan_type`, attr(open, 'scan_type')));
    return own;
  },
  examples: {
    pass: [
      { description: 'passes with scan_on_push = true', resources: { 'aws_ecr_repository.r': { name: 'app', image_scanning_configuration: [{ scan_on_push: true }] } } },
      {
        description: 'passes with enhanced registry scanning',
        resources: { 'aws_ecr_repository.r': { name: 'app' }, 'aws_ecr_registry_scanning_configuration.s': { scan_type: 'ENHANCED', rule: [{ scan_frequency: 'CONTINUOUS_SCAN', repository_filter: [{ filter: '*', filter_type: 'WILDCARD' }] }] } },
        target: 'aws_ecr_repository.r',
      },
    ],
    fail: [
      { description: 'fails when scanning is not configured', resources: { 'aws_ecr_repository.r': { name: 'app' } } },
      { description: 'fails when scan_on_push is false', resources: { 'aws_ecr_repository.r': { name: 'app', image_scanning_configuration: [{ scan_on_push: false }] } } },
    ],
    unknown: [
      {
        description: 'is unknown when scan_on_push is known only after apply',
        resources: { 'aws_ecr_repository.r': { name: 'app', image_scanning_configuration: [{ scan_on_push: true }] } },
        unknown: { 'aws_ecr_repository.r': ['image_scanning_configuration.scan_on_push'] },
      },
    ],
  },
};
