/** Helpers shared by the audit rules (Strategy 3). */
import { Attr, attr, blocks, equalsKnown, str } from '../../model/attrs';
import { Unknown } from '../../model/values';
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
  let undecidedEntry = false;
  for (const s of all) {
    if (s instanceof Unknown) {
      undecidedEntry = true;
      continue;
    }
    const ns = equalsKnown(attr(s, 'namespace'), namespace);
    const n = equalsKnown(attr(s, 'name'), name);
    if (ns === true && n === true) return attr(s, 'value');
    if (ns !== false && n !== false) undecidedEntry = true; // an entry whose namespace or name is unknown may be this one
  }
  return undecidedEntry ? 'unknown-blocks' : { state: 'absent' };
}
