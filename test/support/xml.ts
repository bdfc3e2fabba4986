/**
 * A strict, small XML 1.0 well-formedness check for test assertions: one root element, balanced
 * and properly nested tags, quoted attributes, no raw `<` or `&` in text or attribute values.
 */
export function checkWellFormed(xml: string, where = 'xml'): void {
  let i = 0;
  const stack: string[] = [];
  let roots = 0;
  const fail = (msg: string) => {
    throw new Error(`${where}: not well-formed XML at ${i}: ${msg}`);
  };
  const checkText = (t: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(t)) fail('bare &');
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      checkText(xml.slice(i));
      if (xml.slice(i).trim()) fail('text after the root element');
      break;
    }
    checkText(xml.slice(i, lt));
    if (!stack.length && xml.slice(i, lt).trim()) fail('text outside the root element');
    const gt = xml.indexOf('>', lt);
    if (gt < 0) fail('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) fail(`mismatched </${name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*$/.exec(body);
    if (!m) fail(`bad tag <${tag.slice(0, 60)}>`);
    for (const a of m![2].matchAll(/="([^"]*)"/g)) checkText(a[1]);
    if (!stack.length) roots++;
    if (roots > 1) fail('more than one root element');
    if (!selfClosing) stack.push(m![1]);
  }
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]}>`);
  if (roots !== 1) fail('no root element');
}
