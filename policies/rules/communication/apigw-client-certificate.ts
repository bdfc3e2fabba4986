import type { ResourceRule } from '../../engine/types';
import { expectSet } from '../helpers';
import { TLS } from './_shared';

export const apigwClientCertificate: ResourceRule = {
  id: 'COM-07b',
  control: 'COM-07',
  title: 'API Gateway REST stages present a client certificate to their backends',
  strategy: 5,
  citations: TLS,
  severity: 'medium',
  level: 'required',
  resourceTypes: ['aws_api_gateway_stage'],
  scope: 'resource',
  rationale: 'A client certificate on the stage lets HTTP backends verify that PHI requests really come from this API Gateway stage, and is what the api-gw-ssl-enabled Config rule checks.',
  remediation: 'Declare an aws_api_gateway_client_certificate and set client_certificate_id on the aws_api_gateway_stage; configure the backend to require it.',
  anchors: { cdkNag: ['HIPAA.Security-APIGWSSLEnabled'], awsConfig: ['api-gw-ssl-enabled'], checkov: ['CKV2_AWS_51'] },
  check(stage) {
    return expectSet(stage, 'client_certificate_id', 'backends cannot authenticate API Gateway');
  },
  examples: {
    pass: [
      {
        description: 'passes when client_certificate_id refers to a client certificate',
        resources: { 'aws_api_gateway_client_certificate.c': { description: 'backend' }, 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd', client_certificate_id: '${aws_api_gateway_client_certificate.c.id}' } },
        target: 'aws_api_gateway_stage.s',
      },
    ],
    fail: [{ description: 'fails when client_certificate_id is not set', resources: { 'aws_api_gateway_stage.s': { stage_name: 'prod', rest_api_id: 'abc', deployment_id: 'd' } } }],
  },
};
