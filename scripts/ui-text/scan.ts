/**
 * Finds words a person reads that are written straight into a Svelte component instead of coming
 * from a message (docs/languages.md, "The scan"). It reads the component as Svelte's own parser
 * sees it and reports:
 *
 * - text between tags;
 * - the attributes people read or hear (`aria-label`, `title`, `placeholder`, `alt`, …) and the
 *   component props named like them (`label`, `confirmLabel`, `title`, `hint`, …);
 * - string literals a `{…}` tag puts on screen (`{saved ? 'Saved' : 'Saving…'}`);
 * - in the component's script, strings that read like words for people: a capital, then small
 *   letters (`'All changes saved'`, `'Data'`; values compared with `===` or in a `case` are
 *   skipped), or any text given to a property named like a label (`{ label: 'data' }`).
 *
 * Words need two small letters in a row, so symbols ("·", "—", "%"), numbers and acronyms that do
 * not change between languages ("TLP:AMBER", "CSV", "PDF") are not findings.
 */
import { readdirSync } from 'node:fs';
import { sep } from 'node:path';
import { parse } from 'svelte/compiler';

export interface Finding {
  line: number;
  /** The text as written. */
  text: string;
  where: 'text' | 'attribute' | 'expression' | 'script';
}

/** Attributes a screen shows or a screen reader speaks. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
  'title',
  'placeholder',
  'alt',
  'label'
]);

/** Props and object keys named like words for people (`label`, `confirmLabel`, `emptyText`…). */
const READ_NAME =
  /(^|[a-z])(label|title|text|heading|hint|message|description|caption|placeholder|summary)$/i;

const WORDS = /\p{Ll}{2}/u;

/** Text that holds words: two small letters in a row. */
export function hasWords(text: string): boolean {
  return WORDS.test(text);
}

/** A script string that reads as words for people rather than a key, a path or a class. */
function readsAsWords(text: string): boolean {
  return /^\s*\p{Lu}\p{Ll}/u.test(text);
}

type Node = { type: string; start?: number; [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return !!value && typeof value === 'object' && typeof (value as Node).type === 'string';
}

/** Children of any AST node, in order. */
function children(node: Node): Node[] {
  const out: Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'metadata' || key === 'parent') continue;
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) out.push(v);
    } else if (isNode(value)) {
      out.push(value);
    }
  }
  return out;
}

/** The text of a string literal or template literal (its fixed parts joined by "…"). */
function literalText(node: Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') {
    const quasis = node.quasis as { value: { cooked: string } }[];
    return quasis.map((q) => q.value.cooked).join('…');
  }
  return undefined;
}

/**
 * The strings an expression can evaluate to as it stands: literals, both branches of `?:`,
 * either side of `??`, `||`, `&&` and `+`. Arguments of calls are not outputs (`format(x, 'long')`).
 */
function outputLiterals(node: Node): Node[] {
  if (literalText(node) !== undefined) return [node];
  switch (node.type) {
    case 'ConditionalExpression':
      return [
        ...outputLiterals(node.consequent as Node),
        ...outputLiterals(node.alternate as Node)
      ];
    case 'LogicalExpression':
    case 'BinaryExpression':
      return [...outputLiterals(node.left as Node), ...outputLiterals(node.right as Node)];
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return outputLiterals(node.expression as Node);
    default:
      return [];
  }
}

/**
 * Every finding in one component's source.
 * @example scanSvelte('<p>Saved</p>') // [{ line: 1, text: 'Saved', where: 'text' }]
 */
export function scanSvelte(source: string): Finding[] {
  const ast = parse(source, { modern: true }) as unknown as {
    fragment: Node;
    instance: { content: Node } | null;
    module: { content: Node } | null;
  };
  const findings: Finding[] = [];
  const lineOf = (offset = 0) => source.slice(0, offset).split('\n').length;
  const add = (node: Node, text: string, where: Finding['where']) =>
    findings.push({ line: lineOf(node.start), text: text.trim(), where });

  const checkAttributeValue = (value: unknown) => {
    const parts = Array.isArray(value) ? value : isNode(value) ? [value] : [];
    for (const part of parts as Node[]) {
      if (part.type === 'Text' && hasWords(part.data as string)) {
        add(part, part.data as string, 'attribute');
      } else if (part.type === 'ExpressionTag') {
        for (const lit of outputLiterals(part.expression as Node)) {
          const text = literalText(lit)!;
          if (hasWords(text)) add(lit, text, 'attribute');
        }
      }
    }
  };

  const walkMarkup = (node: Node) => {
    switch (node.type) {
      case 'Text':
        if (hasWords(node.data as string)) add(node, node.data as string, 'text');
        return;
      case 'Comment':
      case 'StyleDirective':
      case 'ClassDirective':
      case 'BindDirective':
      case 'OnDirective':
      case 'UseDirective':
      case 'SpreadAttribute':
        return;
      case 'ExpressionTag':
        for (const lit of outputLiterals(node.expression as Node)) {
          const text = literalText(lit)!;
          if (hasWords(text)) add(lit, text, 'expression');
        }
        return;
      case 'Attribute': {
        const name = node.name as string;
        if (READ_ATTRIBUTES.has(name) || READ_NAME.test(name)) checkAttributeValue(node.value);
        return;
      }
    }
    for (const child of children(node)) walkMarkup(child);
  };

  const walkScript = (node: Node, key?: string) => {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration') return;
    if (node.type.startsWith('TS') && node.type !== 'TSAsExpression') return;
    // `e.key === 'Enter'`, `case 'Escape':` compare with a value; nobody reads it.
    if (node.type === 'BinaryExpression' && /^[!=]==?$/.test(node.operator as string)) return;
    if (node.type === 'SwitchCase') {
      for (const child of node.consequent as Node[]) walkScript(child);
      return;
    }
    const text = literalText(node);
    if (text !== undefined) {
      if (key && READ_NAME.test(key) ? hasWords(text) : readsAsWords(text)) {
        add(node, text, 'script');
      }
      return;
    }
    if (node.type === 'Property' && isNode(node.key)) {
      const name = (node.key.name ?? node.key.value) as string | undefined;
      walkScript(node.value as Node, typeof name === 'string' ? name : undefined);
      return;
    }
    for (const child of children(node)) walkScript(child);
  };

  walkMarkup(ast.fragment);
  if (ast.instance) walkScript(ast.instance.content);
  if (ast.module) walkScript(ast.module.content);
  return findings.sort((a, b) => a.line - b.line);
}

/** Every `.svelte` file under `dir`, as a path with forward slashes, sorted. */
export function svelteFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => f.endsWith('.svelte'))
    .map((f) => `${dir}/${f.split(sep).join('/')}`)
    .sort();
}
