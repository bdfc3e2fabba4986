import { attrs, str } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass, unknown, unknownMessage } from '../helpers';

const CITES = ['164.308(a)(3)(i)', '164.308(a)(4)(ii)(A)', '164.308(a)(4)(ii)(C)', '164.312(a)(1)'];

export const codebuildSourceUrlNoCredentials: ResourceRule = {
  id: 'ACC-13b',
  control: 'ACC-13',
  title: 'CodeBuild source repository URLs carry no user name, password or token',
  strategy: 2,
  citations: CITES,
  severity: 'high',
  level: 'required',
  resourceTypes: ['aws_codebuild_project'],
  scope: 'resource',
  rationale: 'A personal access token or password embedded in a source URL (https://user:token@host/repo) is stored in the project definition and state in plaintext.',
  remediation: 'Use an OAuth connection / aws_codebuild_source_credential or CodeConnections instead of credentials in source.location.',
  anchors: { cdkNag: ['HIPAA.Security-CodeBuildProjectSourceRepoUrl'], awsConfig: ['codebuild-project-source-repo-url-check'] },
  check(p) {
    for (const path of ['source.location', 'secondary_sources.location']) {
      for (const a of attrs(p, path)) {
        if (a.state === 'unknown') return unknown(unknownMessage(path), evv(path, '(known after apply)'));
        const loc = str(a);
        if (loc && /^[a-z][\w+.-]*:\/\/[^/@\s]+@/i.test(loc)) return fail(`${path} embeds credentials before "@" (value withheld)`, evv(path, loc.replace(/\/\/[^/@]+@/, '//***@')));
      }
    }
    return pass('source locations carry no credentials');
  },
  examples: {
    pass: [{ description: 'passes for a plain https source URL', resources: { 'aws_codebuild_project.p': { name: 'b', source: [{ type: 'GITHUB', location: 'https://github.com/org/repo.git' }] } } }],
    fail: [{ description: 'fails when the source URL holds user:token@', resources: { 'aws_codebuild_project.p': { name: 'b', source: [{ type: 'GITHUB', location: 'https://bot:ghp_exampletoken@github.com/org/repo.git' }] } } }],
    unknown: [{ description: 'is unknown when the source location is known only after apply', resources: { 'aws_codebuild_project.p': { name: 'b', source: [{ type: 'GITHUB', location: 'https://github.com/org/repo.git' }] } }, unknown: { 'aws_codebuild_project.p': ['source.location'] } }],
  },
};
