/**
 * Templates written by `phikit evidence init DIR`. Each is valid against its schema as written
 * (the `$comment` fields carry the guidance), so a team can fill them in place — but every example
 * value sits under a `$comment` starting with PLACEHOLDER, and evidence still holding one fails its
 * rules, naming the placeholder (an unedited template must never make TRN-01, COL-05 … pass).
 */

/** `$comment` prefix marking a template value that must be replaced. */
export const PLACEHOLDER = 'PLACEHOLDER';
const ph = (what: string) => `${PLACEHOLDER}: ${what} Replace the example values, then delete this $comment.`;
export function evidenceTemplates(today: string): Record<string, unknown> {
  return {
    'training.json': {
      $schema: '../node_modules/phikit/policies/schemas/evidence/training.schema.json',
      $comment:
        'One record per person who can reach PHI (164.308(a)(5)(i)). principal = IAM user name, IAM Identity Center user name or principal ARN exactly as in the plan; aliases = other identifiers of the same person. Training older than 365 days fails TRN-01; sanction_ack_at older than 365 days fails TRN-04. Export from your LMS rather than editing by hand.',
      records: [{ $comment: ph('example training record.'), principal: 'jane.doe', aliases: ['arn:aws:iam::111122223333:user/jane.doe'], course: 'HIPAA Security Awareness', completed_at: today, attested_by: 'lms-export@example.org', sanction_ack_at: today }],
    },
    'security-reminders.json': {
      $comment: 'Every security reminder sent to the workforce (164.308(a)(5)(ii)(A)); TRN-03 fails when the newest is older than 90 days.',
      reminders: [{ $comment: ph('example reminder.'), sent_at: today, channel: 'email', topic: 'Report suspicious emails that ask for EHR credentials' }],
    },
    'risk-assessment.json': {
      $comment: 'Independent risk assessments and penetration tests (164.308(a)(1)(ii)(A)-(B), 164.308(a)(8)); COL-05 fails when either is older than 365 days. report_sha256 = sha256 of the signed report file.',
      assessments: [
        { $comment: ph('example risk assessment.'), type: 'risk-assessment', assessor: 'Independent assessor name', independent: true, completed_at: today, scope: 'All AWS accounts holding PHI', report_sha256: '0'.repeat(64), open_high_findings: [] },
        { $comment: ph('example penetration test.'), type: 'penetration-test', assessor: 'Penetration testing firm name', independent: true, completed_at: today, scope: 'Internet-facing endpoints of the PHI platform', report_sha256: '0'.repeat(64), open_high_findings: [] },
      ],
    },
    'incident-response.json': {
      $comment: ph('The incident-response plan (164.308(a)(6)); IR-07 fails when last_tabletop_at is older than 365 days.'),
      owner: 'Security Officer',
      plan_document: 'https://wiki.example.org/security/incident-response-plan',
      contacts: [{ name: 'On-call security engineer', role: 'First responder', email: 'security@example.org' }],
      escalation: ['on-call engineer', 'incident commander', 'privacy officer', 'legal counsel'],
      breach_notification_runbook: 'https://wiki.example.org/security/breach-notification',
      last_tabletop_at: today,
    },
    'dr-test.json': {
      $comment: 'Restore tests per data-store type (164.308(a)(7)(ii)(B), (D)); BAK-14 fails for each PHI store type in the plan without a passing restore in the last 365 days. store_type is the Terraform resource type.',
      tests: [{ $comment: ph('example restore test.'), store_type: 'aws_db_instance', completed_at: today, result: 'pass', rto_minutes_target: 240, rto_minutes_achieved: 90, rpo_minutes_target: 60, rpo_minutes_achieved: 5 }],
    },
    'baa-register.json': {
      $comment: 'Executed business associate agreements (164.308(b)(1), 164.314(a)); COL-02 fails for any external AWS account a policy trusts that is not listed here with an executed, unexpired agreement.',
      agreements: [{ $comment: ph('example agreement.'), party: 'Vendor name', aws_account_ids: ['444455556666'], executed_at: today, expires_at: today.replace(/^(\d{4})/, (y) => String(Number(y) + 2)), scope: 'What PHI the vendor handles and why' }],
    },
    'security-official.json': {
      $comment: ph('The assigned security official (164.308(a)(2)); COL-06b.'),
      name: 'Full name',
      title: 'Security Officer',
      email: 'security@example.org',
      appointed_at: today,
    },
    'addressable-decisions.json': {
      $comment: 'A decision for every Addressable specification (164.306(d)(3), 164.316(b)(1)); TRN-05 lists the ones still missing. decision = implemented (name the phikit controls), alternative or not-reasonable (with rationale).',
      decisions: [{ $comment: ph('example decision.'), citation: '164.312(a)(2)(iv)', decision: 'implemented', controls: ['ENC-01', 'ENC-04'], rationale: 'All PHI stores are encrypted with customer-managed KMS keys (phikit constructs).', decided_at: today, decided_by: 'Security Officer' }],
    },
  };
}
