/**
 * The HIPAA Security Rule's standards and implementation specifications (45 CFR 164.308,
 * 164.310, 164.312, 164.314(a), 164.316), with Required/Addressable status as in Appendix A to
 * Subpart C. Titles are short paraphrases. `scope` says how an infrastructure-as-code checker can
 * address the specification at all.
 */

export type SpecKind = 'standard' | 'specification';

export interface HipaaSpec {
  /** Citation as phikit writes it: `164.312(a)(2)(iv)`. */
  readonly citation: string;
  readonly title: string;
  /** R = Required, A = Addressable. Standards without specifications are Required. */
  readonly status: 'R' | 'A';
  readonly kind: SpecKind;
  /** The standard this specification belongs to. */
  readonly standard: string;
  /** Why it is outside infrastructure-as-code scope, when it is. */
  readonly outOfScope?: string;
}

const PHYSICAL = 'Physical safeguards of data centres are AWS\'s responsibility under the shared responsibility model (covered by the AWS BAA and audited in AWS SOC reports); nothing in a Terraform plan controls them.';
const WORKSTATION = 'Workstations and end-user devices are managed outside AWS infrastructure code (MDM, endpoint policy); a plan cannot show them.';

const s = (citation: string, title: string, status: 'R' | 'A', standard: string, kind: SpecKind = 'specification', outOfScope?: string): HipaaSpec => ({
  citation,
  title,
  status,
  kind,
  standard,
  ...(outOfScope ? { outOfScope } : {}),
});

export const SECTIONS: ReadonlyArray<{ readonly section: string; readonly title: string }> = [
  { section: '164.308', title: 'Administrative safeguards' },
  { section: '164.310', title: 'Physical safeguards' },
  { section: '164.312', title: 'Technical safeguards' },
  { section: '164.314', title: 'Organizational requirements' },
  { section: '164.316', title: 'Policies and procedures and documentation requirements' },
];

export const HIPAA_SPECS: readonly HipaaSpec[] = [
  s('164.308(a)(1)(i)', 'Security management process', 'R', '164.308(a)(1)', 'standard'),
  s('164.308(a)(1)(ii)(A)', 'Risk analysis', 'R', '164.308(a)(1)'),
  s('164.308(a)(1)(ii)(B)', 'Risk management', 'R', '164.308(a)(1)'),
  s('164.308(a)(1)(ii)(C)', 'Sanction policy', 'R', '164.308(a)(1)'),
  s('164.308(a)(1)(ii)(D)', 'Information system activity review', 'R', '164.308(a)(1)'),
  s('164.308(a)(2)', 'Assigned security responsibility', 'R', '164.308(a)(2)', 'standard'),
  s('164.308(a)(3)(i)', 'Workforce security', 'R', '164.308(a)(3)', 'standard'),
  s('164.308(a)(3)(ii)(A)', 'Authorization and/or supervision', 'A', '164.308(a)(3)'),
  s('164.308(a)(3)(ii)(B)', 'Workforce clearance procedure', 'A', '164.308(a)(3)'),
  s('164.308(a)(3)(ii)(C)', 'Termination procedures', 'A', '164.308(a)(3)', 'specification', 'Removing access when employment ends is an HR and identity-provider process; the plan shows only the roles, not who may assume them over time.'),
  s('164.308(a)(4)(i)', 'Information access management', 'R', '164.308(a)(4)', 'standard'),
  s('164.308(a)(4)(ii)(A)', 'Isolating health care clearinghouse functions', 'R', '164.308(a)(4)'),
  s('164.308(a)(4)(ii)(B)', 'Access authorization', 'A', '164.308(a)(4)'),
  s('164.308(a)(4)(ii)(C)', 'Access establishment and modification', 'A', '164.308(a)(4)'),
  s('164.308(a)(5)(i)', 'Security awareness and training', 'R', '164.308(a)(5)', 'standard'),
  s('164.308(a)(5)(ii)(A)', 'Security reminders', 'A', '164.308(a)(5)'),
  s('164.308(a)(5)(ii)(B)', 'Protection from malicious software', 'A', '164.308(a)(5)'),
  s('164.308(a)(5)(ii)(C)', 'Log-in monitoring', 'A', '164.308(a)(5)'),
  s('164.308(a)(5)(ii)(D)', 'Password management', 'A', '164.308(a)(5)'),
  s('164.308(a)(6)(i)', 'Security incident procedures', 'R', '164.308(a)(6)', 'standard'),
  s('164.308(a)(6)(ii)', 'Response and reporting', 'R', '164.308(a)(6)'),
  s('164.308(a)(7)(i)', 'Contingency plan', 'R', '164.308(a)(7)', 'standard'),
  s('164.308(a)(7)(ii)(A)', 'Data backup plan', 'R', '164.308(a)(7)'),
  s('164.308(a)(7)(ii)(B)', 'Disaster recovery plan', 'R', '164.308(a)(7)'),
  s('164.308(a)(7)(ii)(C)', 'Emergency mode operation plan', 'R', '164.308(a)(7)'),
  s('164.308(a)(7)(ii)(D)', 'Testing and revision procedures', 'A', '164.308(a)(7)'),
  s('164.308(a)(7)(ii)(E)', 'Applications and data criticality analysis', 'A', '164.308(a)(7)'),
  s('164.308(a)(8)', 'Evaluation', 'R', '164.308(a)(8)', 'standard'),
  s('164.308(b)(1)', 'Business associate contracts and other arrangements', 'R', '164.308(b)(1)', 'standard'),
  s('164.308(b)(3)', 'Written contract or other arrangement', 'R', '164.308(b)(1)'),
  s('164.310(a)(1)', 'Facility access controls', 'R', '164.310(a)(1)', 'standard', PHYSICAL),
  s('164.310(a)(2)(i)', 'Contingency operations', 'A', '164.310(a)(1)', 'specification', PHYSICAL),
  s('164.310(a)(2)(ii)', 'Facility security plan', 'A', '164.310(a)(1)', 'specification', PHYSICAL),
  s('164.310(a)(2)(iii)', 'Access control and validation procedures', 'A', '164.310(a)(1)', 'specification', PHYSICAL),
  s('164.310(a)(2)(iv)', 'Maintenance records', 'A', '164.310(a)(1)', 'specification', PHYSICAL),
  s('164.310(b)', 'Workstation use', 'R', '164.310(b)', 'standard', WORKSTATION),
  s('164.310(c)', 'Workstation security', 'R', '164.310(c)', 'standard', WORKSTATION),
  s('164.310(d)(1)', 'Device and media controls', 'R', '164.310(d)(1)', 'standard'),
  s('164.310(d)(2)(i)', 'Disposal', 'R', '164.310(d)(1)', 'specification', 'Destroying storage media is done by AWS in its data centres (NIST 800-88 media sanitization under the BAA); crypto-shredding by KMS key deletion is covered by the key lifecycle rules.'),
  s('164.310(d)(2)(ii)', 'Media re-use', 'R', '164.310(d)(1)', 'specification', 'AWS wipes storage before re-use inside its facilities; customers never handle physical media.'),
  s('164.310(d)(2)(iii)', 'Accountability', 'A', '164.310(d)(1)', 'specification', 'Tracking movements of hardware is AWS\'s responsibility; customer-owned devices are outside infrastructure code.'),
  s('164.310(d)(2)(iv)', 'Data backup and storage', 'A', '164.310(d)(1)'),
  s('164.312(a)(1)', 'Access control', 'R', '164.312(a)(1)', 'standard'),
  s('164.312(a)(2)(i)', 'Unique user identification', 'R', '164.312(a)(1)'),
  s('164.312(a)(2)(ii)', 'Emergency access procedure', 'R', '164.312(a)(1)'),
  s('164.312(a)(2)(iii)', 'Automatic logoff', 'A', '164.312(a)(1)'),
  s('164.312(a)(2)(iv)', 'Encryption and decryption', 'A', '164.312(a)(1)'),
  s('164.312(b)', 'Audit controls', 'R', '164.312(b)', 'standard'),
  s('164.312(c)(1)', 'Integrity', 'R', '164.312(c)(1)', 'standard'),
  s('164.312(c)(2)', 'Mechanism to authenticate electronic protected health information', 'A', '164.312(c)(1)'),
  s('164.312(d)', 'Person or entity authentication', 'R', '164.312(d)', 'standard'),
  s('164.312(e)(1)', 'Transmission security', 'R', '164.312(e)(1)', 'standard'),
  s('164.312(e)(2)(i)', 'Integrity controls', 'A', '164.312(e)(1)'),
  s('164.312(e)(2)(ii)', 'Encryption', 'A', '164.312(e)(1)'),
  s('164.314(a)(1)', 'Business associate contracts or other arrangements', 'R', '164.314(a)(1)', 'standard'),
  s('164.314(a)(2)(i)', 'Business associate contracts', 'R', '164.314(a)(1)'),
  s('164.314(a)(2)(ii)', 'Other arrangements', 'R', '164.314(a)(1)'),
  s('164.314(a)(2)(iii)', 'Business associate contracts with subcontractors', 'R', '164.314(a)(1)'),
  s('164.316(a)', 'Policies and procedures', 'R', '164.316(a)', 'standard'),
  s('164.316(b)(1)', 'Documentation', 'R', '164.316(b)(1)', 'standard'),
  s('164.316(b)(2)(i)', 'Time limit (retain six years)', 'R', '164.316(b)(1)'),
  s('164.316(b)(2)(ii)', 'Availability', 'R', '164.316(b)(1)'),
  s('164.316(b)(2)(iii)', 'Updates', 'R', '164.316(b)(1)'),
];

const BY_CITATION = new Map(HIPAA_SPECS.map((x) => [x.citation, x]));

/** Normalise rule citations to a spec: `164.308(a)(1)` → `164.308(a)(1)(i)`; `164.314(a)` → `164.314(a)(1)`. */
export function specFor(citation: string): HipaaSpec | undefined {
  return BY_CITATION.get(citation) ?? BY_CITATION.get(`${citation}(i)`) ?? BY_CITATION.get(`${citation}(1)`) ?? BY_CITATION.get(citation.replace(/\(1\)\(i\)$/, '(1)'));
}

/** Does a rule citation cover a spec (the same citation, or the spec's standard cited as a whole)? */
export function citationCovers(ruleCitation: string, spec: HipaaSpec): boolean {
  const s2 = specFor(ruleCitation);
  return !!s2 && s2.citation === spec.citation;
}
