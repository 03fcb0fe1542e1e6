/** Tracks the run of comments just before the walker's position, to attach doc comments to definitions. */
import { docFromComments } from './comments.ts';
import type { DocStyle } from './rules.ts';
import { isBlankGap } from './text.ts';

/** Collects adjacent comments and answers which of them document a definition. */
export class DocCommentRun {
  readonly #source: string;
  readonly #style: DocStyle;
  #comments: string[] = [];
  #lineRun = false;
  /** Offset where the last comment of the run ends. */
  #commentEnd = -1;
  /** The same, extended over decorators and attributes that follow the run. */
  #end = -1;

  constructor(source: string, style: DocStyle) {
    this.#source = source;
    this.#style = style;
  }

  /** Adds a comment; it joins the run when only one line break separates them and both are line comments. */
  addComment(start: number, end: number, text: string): void {
    const line = text.startsWith('//') || text.startsWith('#');
    if (this.#comments.length > 0 && line && this.#lineRun && isBlankGap(this.#source, this.#end, start, 1)) {
      this.#comments.push(text);
    } else {
      this.#comments = [text];
      this.#lineRun = line;
    }
    this.#commentEnd = end;
    this.#end = end;
  }

  /** A decorator or attribute right after the run keeps the run attached to what follows. */
  addAttribute(start: number, end: number): void {
    if (this.#end >= 0 && isBlankGap(this.#source, this.#end, start, 1)) this.#end = end;
  }

  /** The doc for a definition whose text (or one of its wrappers) starts at one of `anchors`. */
  docFor(anchors: readonly number[]): string {
    if (this.#style === 'none' || this.#end < 0) return '';
    for (const anchor of anchors) {
      if (this.#adjacent(this.#commentEnd, anchor) || this.#adjacent(this.#end, anchor)) return this.#docText();
    }
    return '';
  }

  #adjacent(end: number, anchor: number): boolean {
    return end <= anchor && isBlankGap(this.#source, end, anchor, 1);
  }

  #docText(): string {
    const comments = this.#comments;
    const last = comments[comments.length - 1]!;
    switch (this.#style) {
      case 'block':
        return isBlockDoc(last) ? docFromComments([last]) : '';
      case 'rust': {
        let first = comments.length;
        while (first > 0 && isRustDoc(comments[first - 1]!)) first--;
        return docFromComments(comments.slice(first));
      }
      default:
        return docFromComments(comments);
    }
  }
}

function isBlockDoc(comment: string): boolean {
  return comment.startsWith('/**') && comment !== '/**/';
}

function isRustDoc(comment: string): boolean {
  return /^(\/\/\/(?!\/)|\/\/!|\/\*\*(?!\/)|\/\*!)/.test(comment);
}
