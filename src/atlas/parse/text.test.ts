import { describe, expect, it } from 'vitest';
import { docFromDocstring, stripCommentMarkers } from './comments.ts';
import { LineIndex, receiverText, signatureText } from './text.ts';

describe('signatureText', () => {
  it('keeps the declaration head on one line, without decorators and trailing punctuation', () => {
    const source = '@Component({\n  selector: "x",\n})\nexport class   Widget\n  extends Base {';
    expect(signatureText(source, 0, source.length)).toBe('export class Widget extends Base');
    const rust = '#[inline]\npub fn f(a: u8) -> u8 {';
    expect(signatureText(rust, 0, rust.length)).toBe('pub fn f(a: u8) -> u8');
    expect(signatureText('const f = (a) =>', 0, 16)).toBe('const f = (a)');
  });

  it('caps signatures at 200 characters', () => {
    const long = `function f(${'argument, '.repeat(40)})`;
    const signature = signatureText(long, 0, long.length);
    expect(signature).toHaveLength(200);
    expect(signature.endsWith('…')).toBe(true);
  });
});

describe('receiverText', () => {
  it('takes the text before the member name without the separator', () => {
    const source = 'this.items?.get(key); std::mem::swap(); p->x; foo\n  .bar()';
    expect(receiverText(source, 0, source.indexOf('get'))).toBe('this.items');
    expect(receiverText(source, source.indexOf('std'), source.indexOf('swap'))).toBe('std::mem');
    expect(receiverText(source, source.indexOf('p->'), source.indexOf('x;'))).toBe('p');
    expect(receiverText(source, source.indexOf('foo'), source.indexOf('bar'))).toBe('foo');
    expect(receiverText(`${'a'.repeat(100)}.b`, 0, 101)).toHaveLength(80);
  });
});

describe('LineIndex', () => {
  it('maps offsets to rows forwards and backwards', () => {
    const lines = new LineIndex('ab\ncd\n\nef');
    expect([0, 3, 6, 7, 8, 1].map((offset) => lines.row(offset))).toEqual([0, 1, 2, 3, 3, 0]);
    expect(lines.column(8, 3)).toBe(1);
    expect(lines.lineCount(9)).toBe(4);
    expect(new LineIndex('a\n').lineCount(2)).toBe(1);
  });
});

describe('comment markers', () => {
  it('strips block, JSDoc, line, Rust and Python markers', () => {
    expect(stripCommentMarkers('/**\n * Adds.\n *\n * @param a first\n */')).toBe('Adds.\n\n@param a first');
    expect(stripCommentMarkers('/* one line */')).toBe('one line');
    expect(stripCommentMarkers('/// Rust doc')).toBe('Rust doc');
    expect(stripCommentMarkers('//! Crate doc')).toBe('Crate doc');
    expect(stripCommentMarkers('# python')).toBe('python');
  });

  it('cleans docstrings like inspect.cleandoc', () => {
    expect(docFromDocstring('"""Summary.\n\n    Details\n      indented.\n    """')).toBe('Summary.\n\nDetails\n  indented.');
    expect(docFromDocstring("r'''raw'''")).toBe('raw');
  });
});
