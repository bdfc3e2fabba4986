import { attr, blocks, str } from '../../model/attrs';
import type { Resource } from '../../model/types';
import { Unknown } from '../../model/values';

/** The value of an Elastic Beanstalk option setting (namespace + name), or undefined / 'unknown'. */
export function beanstalkSetting(env: Resource, namespace: string, name: string): string | undefined | 'unknown' {
  for (const s of blocks(env, 'setting')) {
    if (s instanceof Unknown) return 'unknown';
    if (str(attr(s, 'namespace')) === namespace && str(attr(s, 'name')) === name) {
      const v = attr(s, 'value');
      return v.state === 'unknown' ? 'unknown' : (str(v) ?? String(v.state === 'known' ? v.value : ''));
    }
  }
  return undefined;
}
