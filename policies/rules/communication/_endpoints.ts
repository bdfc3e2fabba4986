/** COM-14: VPC endpoints of a VPC, matched by service-name suffix (`com.amazonaws.<region>.<service>`). */
import { attr, str } from '../../model/attrs';
import type { CheckContext, Verdict } from '../../engine/types';
import type { Resource } from '../../model/types';
import { evv, expectBool, fail, pass, unknown } from '../helpers';

/** The service part of a service_name, whether the region is literal, a reference or a template. */
export function endpointService(ep: Resource): string | undefined | 'unknown' {
  const a = attr(ep, 'service_name');
  if (a.state === 'known' && typeof a.value === 'string') return /\.([a-z0-9-]+)$/.exec(a.value)?.[1];
  if (a.state === 'unknown') {
    const t = a.value.template;
    const m = t ? /\.([a-z0-9-]+)$/.exec(t) : null;
    return m ? m[1] : 'unknown';
  }
  return undefined;
}

export function judgeEndpoints(ctx: CheckContext, vpc: Resource, services: readonly string[], type: 'Gateway' | 'Interface'): Verdict {
  const eps = ctx.graph.related(vpc, 'aws_vpc_endpoint', 'vpc_id');
  const verdicts: Verdict[] = [];
  const unresolved = eps.some((e) => endpointService(e) === 'unknown');
  for (const svc of services) {
    const ep = eps.find((e) => endpointService(e) === svc);
    if (!ep) {
      verdicts.push(unresolved ? unknown(`an endpoint service_name is known only after apply; cannot tell whether ${svc} is covered`) : fail(`no ${type} VPC endpoint for ${svc} in this VPC`, evv('aws_vpc_endpoint.service_name', `com.amazonaws.<region>.${svc} (missing)`)));
      continue;
    }
    const t = str(attr(ep, 'vpc_endpoint_type')) ?? 'Gateway';
    if (t !== type) verdicts.push(fail(`${ep.address} for ${svc} is a ${t} endpoint, not ${type}`, evv(`${ep.address}.vpc_endpoint_type`, t)));
    else if (type === 'Interface') verdicts.push(expectBool(ep, 'private_dns_enabled', true, false, `${ep.address}: SDK calls to ${svc} still resolve to public endpoints`));
    else verdicts.push(pass(`${ep.address} serves ${svc}`));
  }
  const f = verdicts.find((v) => v.status === 'fail');
  return f ?? verdicts.find((v) => v.status === 'unknown') ?? pass(`${type} endpoints for ${services.join(', ')} are declared`);
}
