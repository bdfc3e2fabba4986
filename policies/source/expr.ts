/**
 * A small reader and evaluator for Terraform expressions, enough for source mode: literals,
 * templates, tuples and objects, traversals (`var.x`, `local.y`, `each.value.z`, resource
 * references), indexing and splats, unary/binary/conditional operators, `for` expressions and
 * the common built-in functions (policies/source/functions.ts).
 *
 * Evaluation never guesses. Every result is either a known JSON value or a *residual*: the
 * expression text with what could be evaluated folded in (`"${aws_kms_key.k.arn}"`,
 * `jsonencode({"Resource" = aws_s3_bucket.b.arn})`) plus the references it still depends on.
 * The model turns a residual into an unknown value that keeps its references, so joins work and
 * no rule can read it as "not set".
 *
 * Linear in the text: one tokenizer pass, a recursive-descent parser bounded in depth, and no
 * regular expression with backtracking over the input.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** An expression that cannot be evaluated from the source alone. */
export class Residual {
  constructor(
    /** HCL text of the expression, known parts folded in as literals. */
    readonly text: string,
    /** References it still depends on (`aws_s3_bucket.b.arn`, `var.x` of a child module, `module.m.out`). */
    readonly refs: readonly string[],
    /** For a string template: the raw template text (`arn:aws:s3:::${aws_s3_bucket.b.id}/*`). */
    readonly template?: string,
  ) {}
}

/**
 * An evaluated value: known JSON, a residual, or a tuple/object whose members may be residual
 * (a module input `{ sse_algorithm = "aws:kms", kms_master_key_id = aws_kms_key.k.arn }` keeps its
 * known member known).
 */
export type EV = Json | Residual | EV[] | { [key: string]: EV };

/** True when no residual is anywhere inside (bounded depth; deeper counts as not known). */
export function isKnown(v: EV, depth = 0): v is Json {
  if (v instanceof Residual) return false;
  if (v === null || typeof v !== 'object') return true;
  if (depth > 256) return false;
  if (Array.isArray(v)) return v.every((x) => isKnown(x, depth + 1));
  for (const k of Object.keys(v)) if (!isKnown((v as Record<string, EV>)[k], depth + 1)) return false;
  return true;
}

/** Every reference of the residuals inside `v`. */
export function refsIn(v: EV, out = new Set<string>(), depth = 0): Set<string> {
  if (v instanceof Residual) {
    for (const r of v.refs) out.add(r);
  } else if (v !== null && typeof v === 'object' && depth <= 256) {
    for (const x of Array.isArray(v) ? v : Object.values(v)) refsIn(x, out, depth + 1);
  }
  return out;
}

export const isResidual = (v: unknown): v is Residual => v instanceof Residual;

/** A failed evaluation (index out of range, wrong type): `try()` and `can()` catch it. */
export class EvalError extends Error {}

export const MAX_EXPR_DEPTH = 64;

// ---------------------------------------------------------------- tokens

type Tok =
  | { t: 'num'; v: number; s: number; e: number }
  | { t: 'str'; parts: TemplatePart[]; s: number; e: number }
  | { t: 'id'; v: string; s: number; e: number }
  | { t: 'op'; v: string; s: number; e: number }
  | { t: 'eof'; s: number; e: number };

type TemplatePart = { lit: string } | { expr: string; start: number } | { directive: string };

const OPS = ['==', '!=', '>=', '<=', '&&', '||', '=>', '...', '[*]', '.*', '?', ':', '!', '+', '-', '*', '/', '%', '>', '<', '(', ')', '[', ']', '{', '}', ',', '.', '='];

const isIdStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdChar = (c: string) => isIdStart(c) || (c >= '0' && c <= '9') || c === '-';
const isDigit = (c: string) => c >= '0' && c <= '9';

/**
 * Scan a quoted string starting at `i` (the opening quote). Returns its parts and the index after
 * the closing quote. `${` opens an interpolation whose end is found by counting braces and
 * skipping nested strings; `$${` and `%%{` are escapes.
 */
function scanString(src: string, i: number): { parts: TemplatePart[]; end: number } {
  const parts: TemplatePart[] = [];
  let lit = '';
  i++;
  while (i < src.length) {
    const c = src[i];
    if (c === '"') {
      if (lit) parts.push({ lit });
      return { parts, end: i + 1 };
    }
    if (c === '\\') {
      const n = src[i + 1];
      if (n === 'n') lit += '\n';
      else if (n === 't') lit += '\t';
      else if (n === 'r') lit += '\r';
      else if (n === '"' || n === '\\') lit += n;
      else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
        lit += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 4;
      } else lit += n ?? '';
      i += 2;
      continue;
    }
    if ((c === '$' || c === '%') && src[i + 1] === c && src[i + 2] === '{') {
      lit += `${c}{`;
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && src[i + 1] === '{') {
      const close = matchBrace(src, i + 1);
      if (close < 0) throw new EvalError('unterminated interpolation');
      if (lit) parts.push({ lit });
      lit = '';
      const inner = src.slice(i + 2, close);
      parts.push(c === '$' ? { expr: inner, start: i + 2 } : { directive: inner });
      i = close + 1;
      continue;
    }
    lit += c;
    i++;
  }
  throw new EvalError('unterminated string');
}

/** Index of the `}` closing the `{` at `open`, skipping quoted strings; -1 when none. */
export function matchBrace(src: string, open: number, nesting = 0): number {
  if (nesting > MAX_EXPR_DEPTH) throw new EvalError('interpolations nested too deeply');
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '"') {
      // skip a nested string, including its own interpolations
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\') i++;
        else if ((src[i] === '$' || src[i] === '%') && src[i + 1] === '{') {
          const end = matchBrace(src, i + 1, nesting + 1);
          if (end < 0) return -1;
          i = end;
        }
        i++;
      }
    } else if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? src.length : end + 2;
      continue;
    }
    const s = i;
    if (isDigit(c)) {
      while (i < src.length && (isDigit(src[i]) || src[i] === '.' || src[i] === 'e' || src[i] === 'E' || ((src[i] === '+' || src[i] === '-') && (src[i - 1] === 'e' || src[i - 1] === 'E')))) {
        // `a[0].b`: a dot followed by a letter ends the number
        if (src[i] === '.' && !isDigit(src[i + 1] ?? '')) break;
        i++;
      }
      out.push({ t: 'num', v: Number(src.slice(s, i)), s, e: i });
      continue;
    }
    if (isIdStart(c)) {
      while (i < src.length && isIdChar(src[i])) i++;
      out.push({ t: 'id', v: src.slice(s, i), s, e: i });
      continue;
    }
    if (c === '"') {
      const { parts, end } = scanString(src, i);
      out.push({ t: 'str', parts, s, e: end });
      i = end;
      continue;
    }
    if (c === '<' && src[i + 1] === '<') throw new EvalError('heredoc inside an expression');
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new EvalError(`unexpected character`);
    out.push({ t: 'op', v: op, s, e: i + op.length });
    i += op.length;
  }
  out.push({ t: 'eof', s: src.length, e: src.length });
  return out;
}

// ---------------------------------------------------------------- syntax tree

export type Node =
  | { k: 'lit'; v: Json; s: number; e: number }
  | { k: 'tpl'; parts: Array<{ lit: string } | { node: Node } | { directive: string }>; s: number; e: number }
  | { k: 'tuple'; items: Node[]; s: number; e: number }
  | { k: 'object'; items: Array<{ key: Node; value: Node }>; s: number; e: number }
  | { k: 'var'; name: string; s: number; e: number }
  | { k: 'attr'; obj: Node; name: string; s: number; e: number }
  | { k: 'index'; obj: Node; key: Node; s: number; e: number }
  | { k: 'splat'; obj: Node; each: Array<{ attr: string } | { index: Node }>; s: number; e: number }
  | { k: 'call'; name: string; args: Node[]; expand: boolean; s: number; e: number }
  | { k: 'unary'; op: string; x: Node; s: number; e: number }
  | { k: 'binary'; op: string; l: Node; r: Node; s: number; e: number }
  | { k: 'cond'; c: Node; t: Node; f: Node; s: number; e: number }
  | {
      k: 'for';
      object: boolean;
      keyVar?: string;
      valVar: string;
      coll: Node;
      keyExpr?: Node;
      valExpr: Node;
      cond?: Node;
      group: boolean;
      s: number;
      e: number;
    }
  | { k: 'paren'; x: Node; s: number; e: number };

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6 };

class Parser {
  private p = 0;
  private depth = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly src: string,
    private readonly offset: number,
  ) {}

  private peek(): Tok {
    return this.toks[this.p];
  }
  private next(): Tok {
    return this.toks[this.p++];
  }
  private isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  private expect(v: string): Tok {
    const t = this.next();
    if (t.t !== 'op' || t.v !== v) throw new EvalError(`expected ${v}`);
    return t;
  }

  parseAll(): Node {
    const n = this.expr();
    if (this.peek().t !== 'eof') throw new EvalError('unexpected text after the expression');
    return n;
  }

  expr(): Node {
    if (++this.depth > MAX_EXPR_DEPTH) throw new EvalError('expression nested too deeply');
    try {
      const c = this.binary(0);
      if (this.isOp('?')) {
        this.next();
        const t = this.expr();
        this.expect(':');
        const f = this.expr();
        return { k: 'cond', c, t, f, s: c.s, e: f.e };
      }
      return c;
    } finally {
      this.depth--;
    }
  }

  private binary(min: number): Node {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t.t === 'op' ? PRECEDENCE[t.v] : undefined;
      if (prec === undefined || prec <= min) return l;
      this.next();
      const r = this.binary(prec);
      l = { k: 'binary', op: (t as { v: string }).v, l, r, s: l.s, e: r.e };
    }
  }

  private unary(): Node {
    const t = this.peek();
    if (t.t === 'op' && (t.v === '!' || t.v === '-')) {
      this.next();
      if (++this.depth > MAX_EXPR_DEPTH) throw new EvalError('expression nested too deeply');
      try {
        const x = this.unary();
        return { k: 'unary', op: t.v, x, s: t.s, e: x.e };
      } finally {
        this.depth--;
      }
    }
    return this.postfix(this.primary());
  }

  private postfix(n: Node): Node {
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const t = this.next();
        if (t.t === 'id') n = { k: 'attr', obj: n, name: t.v, s: n.s, e: t.e };
        else if (t.t === 'num') n = { k: 'index', obj: n, key: { k: 'lit', v: t.v, s: t.s, e: t.e }, s: n.s, e: t.e };
        else throw new EvalError('expected an attribute name');
      } else if (this.isOp('[')) {
        this.next();
        const key = this.expr();
        const close = this.expect(']');
        n = { k: 'index', obj: n, key, s: n.s, e: close.e };
      } else if (this.isOp('[*]') || this.isOp('.*')) {
        const t = this.next();
        const each: Array<{ attr: string } | { index: Node }> = [];
        let e = t.e;
        for (;;) {
          if (this.isOp('.') && this.toks[this.p + 1]?.t === 'id') {
            this.next();
            const id = this.next() as { v: string; e: number };
            each.push({ attr: id.v });
            e = id.e;
          } else if (this.isOp('[') && (t as { v: string }).v === '[*]') {
            this.next();
            const key = this.expr();
            e = this.expect(']').e;
            each.push({ index: key });
          } else break;
        }
        n = { k: 'splat', obj: n, each, s: n.s, e };
      } else return n;
    }
  }

  private primary(): Node {
    const t = this.next();
    switch (t.t) {
      case 'num':
        return { k: 'lit', v: t.v, s: t.s, e: t.e };
      case 'str':
        return this.template(t);
      case 'id': {
        if (t.v === 'true' || t.v === 'false') return { k: 'lit', v: t.v === 'true', s: t.s, e: t.e };
        if (t.v === 'null') return { k: 'lit', v: null, s: t.s, e: t.e };
        if (this.isOp('(')) return this.call(t.v, t.s);
        return { k: 'var', name: t.v, s: t.s, e: t.e };
      }
      case 'op':
        if (t.v === '(') {
          const x = this.expr();
          const close = this.expect(')');
          return { k: 'paren', x, s: t.s, e: close.e };
        }
        if (t.v === '[') return this.isForStart() ? this.forExpr(false, t.s) : this.tuple(t.s);
        if (t.v === '{') return this.isForStart() ? this.forExpr(true, t.s) : this.object(t.s);
        throw new EvalError(`unexpected ${t.v}`);
      default:
        throw new EvalError('unexpected end of expression');
    }
  }

  private isForStart(): boolean {
    const t = this.peek();
    return t.t === 'id' && t.v === 'for' && this.toks[this.p + 1]?.t === 'id';
  }

  private call(name: string, s: number): Node {
    this.expect('(');
    const args: Node[] = [];
    let expand = false;
    while (!this.isOp(')')) {
      args.push(this.expr());
      if (this.isOp('...')) {
        this.next();
        expand = true;
      }
      if (this.isOp(',')) this.next();
      else break;
    }
    const close = this.expect(')');
    // provider::aws::fn style names are not read here; they stay residual via the caller.
    return { k: 'call', name, args, expand, s, e: close.e };
  }

  private tuple(s: number): Node {
    const items: Node[] = [];
    while (!this.isOp(']')) {
      items.push(this.expr());
      if (this.isOp(',')) this.next();
      else break;
    }
    const close = this.expect(']');
    return { k: 'tuple', items, s, e: close.e };
  }

  private object(s: number): Node {
    const items: Array<{ key: Node; value: Node }> = [];
    while (!this.isOp('}')) {
      const kt = this.peek();
      let key: Node;
      if (kt.t === 'id' && this.toks[this.p + 1]?.t === 'op' && ['=', ':'].includes((this.toks[this.p + 1] as { v: string }).v)) {
        this.next();
        key = { k: 'lit', v: kt.v, s: kt.s, e: kt.e };
      } else key = this.expr();
      const sep = this.next();
      if (sep.t !== 'op' || (sep.v !== '=' && sep.v !== ':')) throw new EvalError('expected = in an object');
      const value = this.expr();
      items.push({ key, value });
      if (this.isOp(',')) this.next();
    }
    const close = this.expect('}');
    return { k: 'object', items, s, e: close.e };
  }

  private forExpr(object: boolean, s: number): Node {
    this.next(); // for
    const a = this.next();
    if (a.t !== 'id') throw new EvalError('expected a for variable');
    let keyVar: string | undefined;
    let valVar = a.v;
    if (this.isOp(',')) {
      this.next();
      const b = this.next();
      if (b.t !== 'id') throw new EvalError('expected a for variable');
      keyVar = a.v;
      valVar = b.v;
    }
    const inKw = this.next();
    if (inKw.t !== 'id' || inKw.v !== 'in') throw new EvalError('expected in');
    const coll = this.expr();
    this.expect(':');
    let keyExpr: Node | undefined;
    let valExpr = this.expr();
    let group = false;
    if (object) {
      this.expect('=>');
      keyExpr = valExpr;
      valExpr = this.expr();
      if (this.isOp('...')) {
        this.next();
        group = true;
      }
    }
    let cond: Node | undefined;
    const t = this.peek();
    if (t.t === 'id' && t.v === 'if') {
      this.next();
      cond = this.expr();
    }
    const close = this.expect(object ? '}' : ']');
    return { k: 'for', object, keyVar, valVar, coll, keyExpr, valExpr, cond, group, s, e: close.e };
  }

  private template(t: { parts: TemplatePart[]; s: number; e: number }): Node {
    const parts: Array<{ lit: string } | { node: Node } | { directive: string }> = [];
    for (const part of t.parts) {
      if ('lit' in part) parts.push(part);
      else if ('directive' in part) parts.push(part);
      else parts.push({ node: parseAt(part.expr, this.offset + part.start, this.src) });
    }
    return { k: 'tpl', parts, s: t.s, e: t.e };
  }
}

/** Parse an expression (the inside of `${…}`, or a bare HCL expression). */
export function parseExpression(src: string): Node {
  return parseAt(src, 0, src);
}

function parseAt(text: string, offset: number, whole: string): Node {
  return new Parser(tokenize(text), whole, offset).parseAll();
}

/**
 * Parse a value as hcl2json writes it: a string that is wholly `${expr}` is that expression; a
 * string with interpolations is a template; any other string is a literal. The string is already
 * unescaped (it came out of JSON), so only `$${`/`%%{` escapes and interpolations are read.
 */
export function parseTemplateString(s: string): Node {
  if (s.indexOf('${') < 0 && s.indexOf('%{') < 0) return { k: 'lit', v: s, s: 0, e: s.length };
  if (s.startsWith('${') && matchBrace(s, 1) === s.length - 1) return parseExpression(s.slice(2, -1));
  const parts: Array<{ lit: string } | { node: Node } | { directive: string }> = [];
  let lit = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if ((c === '$' || c === '%') && s[i + 1] === c && s[i + 2] === '{') {
      lit += `${c}{`;
      i += 3;
      continue;
    }
    if ((c === '$' || c === '%') && s[i + 1] === '{') {
      const close = matchBrace(s, i + 1);
      if (close < 0) throw new EvalError('unterminated interpolation');
      if (lit) parts.push({ lit });
      lit = '';
      const inner = s.slice(i + 2, close);
      parts.push(c === '$' ? { node: parseExpression(inner) } : { directive: inner });
      i = close + 1;
      continue;
    }
    lit += c;
    i++;
  }
  if (lit) parts.push({ lit });
  return { k: 'tpl', parts, s: 0, e: s.length };
}
