import { attr, str } from '../../model/attrs';
import type { GraphRule } from '../../engine/types';
import { fail, pass, unknown } from '../helpers';

export const securityContact: GraphRule = {
  id: 'COL-06',
  control: 'COL-06',
  title: 'The account has a SECURITY alternate contact',
  strategy: 7,
  citations: ['164.308(a)(2)'],
  severity: 'medium',
  level: 'recommended',
  resourceTypes: ['aws_account_alternate_contact'],
  scope: 'account',
  rationale:
    'The assigned security official (164.308(a)(2), Required) must be reachable by AWS: abuse reports, compromised-key notices and security bulletins go to the SECURITY alternate contact, not to the billing address.',
  remediation: 'Declare aws_account_alternate_contact with alternate_contact_type = "SECURITY" naming the security official or team; the phikit AccountBaseline construct does.',
  construct: 'AccountBaseline',
  check(ctx) {
    const contacts = ctx.graph.ofType('aws_account_alternate_contact');
    for (const c of contacts) {
      const t = attr(c, 'alternate_contact_type');
      if (t.state === 'unknown') return [unknown('alternate_contact_type is known only after apply', undefined, c)];
      if (str(t) === 'SECURITY') return [pass('SECURITY alternate contact declared', undefined, c)];
    }
    // Declared contacts of other types are where the SECURITY one belongs: the finding names the first.
    return [fail('no aws_account_alternate_contact with alternate_contact_type SECURITY', { attribute: 'aws_account_alternate_contact.alternate_contact_type', value: contacts.map((c) => str(attr(c, 'alternate_contact_type'))).join(', ') || '(none)' }, contacts[0])];
  },
  examples: {
    pass: [
      {
        description: 'passes with a SECURITY contact',
        resources: { 'aws_account_alternate_contact.sec': { alternate_contact_type: 'SECURITY', name: 'Security Officer', title: 'CISO', email_address: 'security@example.org', phone_number: '+15555550100' } },
      },
    ],
    fail: [
      { description: 'fails when no alternate contact is declared', resources: { 'aws_s3_bucket.b': { bucket: 'x' } } },
      {
        description: 'fails when only a BILLING contact is declared',
        resources: { 'aws_account_alternate_contact.bill': { alternate_contact_type: 'BILLING', name: 'AP', title: 'AP', email_address: 'ap@example.org', phone_number: '+15555550101' } },
      },
    ],
    unknown: [
      {
        description: 'is unknown when the contact type is known only after apply',
        resources: { 'aws_account_alternate_contact.sec': { alternate_contact_type: 'SECURITY', name: 'x', title: 'x', email_address: 'x@example.org', phone_number: '+15555550100' } },
        unknown: { 'aws_account_alternate_contact.sec': ['alternate_contact_type'] },
      },
    ],
  },
};
