/** Helpers shared by the audit rules (Strategy 3). */
import { Attr, attr, blocks, str } from '../../model/attrs';
import type { Resource } from '../../model/types';

/** [LOG]: 164.308(a)(3)(ii)(A) workforce authorization/supervision; 164.312(b) audit controls. */
export const LOG = ['164.308(a)(3)(ii)(A)', '164.312(b)'];

/**
 * The value of one Elastic Beanstalk option (`setting { namespace, name, value }`): the attribute
 * of the matching block's `value`, `absent` when no block sets it, `unknown` when the setting
 * blocks themselves are known only after apply.
 */
export function beanstalkSetting(env: Resource, namespace: string, name: string): Attr | 'unknown-blocks' {
  const all = blocks(env, 'setting');
  if (attr(env, 'setting').state === 'unknown') return 'unknown-blocks';
  for (const s of all) {
    if (str(attr(s as never, 'namespace')) === namespace && str(attr(s as never, 'name')) === name) return attr(s as never, 'value');
  }
  return { state: 'absent' };
}
