import { attr, isSet } from '../../model/attrs';
import type { ResourceRule } from '../../engine/types';
import { evv, fail, pass } from '../helpers';
import { AVL } from './_shared';

const VPN = { customer_gateway_id: 'cgw-1', vpn_gateway_id: 'vgw-1', type: 'ipsec.1', static_routes_only: true };

export const vpnBothTunnels: ResourceRule = {
  id: 'BAK-15b',
  control: 'BAK-15',
  title: 'Site-to-site VPN connections configure both tunnels alike',
  strategy: 6,
  citations: AVL,
  severity: 'low',
  level: 'required',
  resourceTypes: ['aws_vpn_connection'],
  scope: 'resource',
  rationale:
    'AWS terminates every site-to-site VPN on two tunnels in different AZs and does maintenance on one at a time; a link to a partner clinic or lab stays up only if both tunnels are configured to work. A tunnel1_* option with no tunnel2_* counterpart (inside CIDR, IKE versions, DPD action, key) usually means the second tunnel was never set up. Whether both tunnels are UP is a runtime check (vpc-vpn-2-tunnels-up).',
  remediation: 'For every tunnel1_* option you set, set the matching tunnel2_* option, and configure both tunnels on the customer gateway device.',
  anchors: { awsConfig: ['vpc-vpn-2-tunnels-up'] },
  check(vpn) {
    const keys = Object.keys(vpn.values).filter((k) => /^tunnel[12]_/.test(k) && !/_(address|cgw_inside_address|vgw_inside_address|bgp_asn|bgp_holdtime|device_name)$/.test(k));
    const options = new Set(keys.map((k) => k.replace(/^tunnel[12]_/, '')));
    const lopsided: string[] = [];
    for (const o of options) {
      const a1 = attr(vpn, `tunnel1_${o}`);
      const a2 = attr(vpn, `tunnel2_${o}`);
      if (isSet(a1) !== isSet(a2)) lopsided.push(isSet(a1) ? `tunnel1_${o} without tunnel2_${o}` : `tunnel2_${o} without tunnel1_${o}`);
    }
    if (lopsided.length) return fail(`only one tunnel is configured: ${lopsided.join('; ')}`, evv('tunnel options', lopsided.join('; ')));
    // Options computed by AWS are unknown on both tunnels in a plan: symmetric, so they pass.
    return pass(options.size ? `both tunnels set ${[...options].join(', ')}` : 'both tunnels use the AWS defaults');
  },
  examples: {
    pass: [{ description: 'passes when both tunnels set inside CIDRs and IKE versions', resources: { 'aws_vpn_connection.v': { ...VPN, tunnel1_inside_cidr: '169.254.10.0/30', tunnel2_inside_cidr: '169.254.11.0/30', tunnel1_ike_versions: ['ikev2'], tunnel2_ike_versions: ['ikev2'] } } }],
    fail: [{ description: 'fails when only tunnel1 sets an inside CIDR and DPD action', resources: { 'aws_vpn_connection.v': { ...VPN, tunnel1_inside_cidr: '169.254.10.0/30', tunnel1_dpd_timeout_action: 'restart' } } }],
  },
};
