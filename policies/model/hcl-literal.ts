/**
 * A small reader for the HCL literal inside `jsonencode(...)` as cdktf writes it into cdk.tf.json
 * (`${jsonencode({"Statement" = [{"Effect" = "Allow", "Resource" = aws_s3_bucket.b.arn}]})}`).
 *
 * It understands objects (`=` or `:` separators, commas or newlines between items), tuples,
 * quoted strings (with `${...}` kept as text), numbers, `true`/`false`/`null`. Any other
 * expression (a reference, a function call) becomes the string `${<expression>}`, so the policy
 * reader sees it as an unresolved value, never as a literal. Returns undefined when the text is
 * not such a literal.
 */
type J = null | boolean | number | string | J[] | { [k: string]: J };

export function jsonencodeArgument(expr: string): string | undefined {
  const m = /^\s*jsonencode\s*\(([\s\S]*)\)\s*$/.exec(expr);
  return m ? m[1] : undefined;
}

export function parseHclLiteral(text: string): J | undefined {
  const p = new Reader(text);
  try {
    const v = p.value();
    p.ws();
    return p.done() ? v : undefined;
  } catch {
    return undefined;
  }
}

// Sticky: matched at the reader's position without copying the rest of the text.
const NUM = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;
const KEY = /[A-Za-z_][\w-]*/y;
// A `for` expression (`[for x in xs : x]`, `{for k, v in m : k => v}`) is not a literal.
const FOR = /for\s+[A-Za-z_][\w-]*(\s*,\s*[A-Za-z_][\w-]*)?\s+in\s/y;

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i >= this.s.length;
  }

  ws(): void {
    for (;;) {
      while (this.i < this.s.length && /[\s,]/.test(this.s[this.i])) this.i++;
      if (this.s.startsWith('#', this.i) || this.s.startsWith('//', this.i)) {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
        continue;
      }
      return;
    }
  }

  value(): J {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.tuple();
    if (c === '"') return this.string();
    NUM.lastIndex = this.i;
    const num = NUM.exec(this.s);
    if (num && !/[\w.]/.test(this.s[this.i + num[0].length] ?? '')) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.s.startsWith(word, this.i) && !/[\w.]/.test(this.s[this.i + word.length] ?? '')) {
        this.i += word.length;
        return v;
      }
    }
    return `\${${this.expression()}}`;
  }

  /** An opaque expression up to the next separator at depth 0. */
  private expression(): string {
    const start = this.i;
    let depth = 0;
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.string();
        continue;
      }
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === ',' || c === '\n')) break;
      this.i++;
    }
    const e = this.s.slice(start, this.i).trim();
    if (!e) throw new Error('empty expression');
    return e;
  }

  /** Throw when a `for` expression opens at the reader's position. */
  private noFor(): void {
    this.ws();
    FOR.lastIndex = this.i;
    if (FOR.test(this.s)) throw new Error('a for expression');
  }

  private object(): J {
    this.i++;
    this.noFor();
    const out: Record<string, J> = {};
    for (;;) {
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      if (this.done()) throw new Error('unterminated object');
      let key: string;
      if (this.s[this.i] === '"') key = this.string();
      else {
        KEY.lastIndex = this.i;
        const m = KEY.exec(this.s);
        if (!m) throw new Error('bad key');
        key = m[0];
        this.i += key.length;
      }
      while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
      if (this.s[this.i] !== '=' && this.s[this.i] !== ':') throw new Error('expected = or :');
      this.i++;
      out[key] = this.value();
    }
  }

  private tuple(): J {
    this.i++;
    this.noFor();
    const out: J[] = [];
    for (;;) {
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      if (this.done()) throw new Error('unterminated tuple');
      out.push(this.value());
    }
  }

  private string(): string {
    // The content of an HCL quoted string is JSON-compatible apart from `${...}` templates,
    // which may contain quotes; copy templates through as text.
    this.i++;
    let out = '';
    while (this.i < this.s.length) {
      const c = this.s[this.i];
      if (c === '"') {
        this.i++;
        return out;
      }
      if (c === '\\') {
        const n = this.s[this.i + 1];
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
        if (n === 'u') {
          out += String.fromCharCode(parseInt(this.s.slice(this.i + 2, this.i + 6), 16));
          this.i += 6;
        } else {
          out += map[n] ?? n;
          this.i += 2;
        }
        continue;
      }
      if (c === '$' && this.s[this.i + 1] === '{') {
        let depth = 0;
        const start = this.i;
        for (; this.i < this.s.length; this.i++) {
          const d = this.s[this.i];
          if (d === '{') depth++;
          else if (d === '}' && --depth === 0) break;
        }
        this.i++;
        out += this.s.slice(start, this.i);
        continue;
      }
      out += c;
      this.i++;
    }
    throw new Error('unterminated string');
  }
}
