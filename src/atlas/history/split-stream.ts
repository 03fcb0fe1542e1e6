/** Splits a byte stream into UTF-8 tokens at a separator byte (NUL or newline), across chunk boundaries. */

/** Feed chunks with `push`; `end` returns the unterminated remainder ('' when the stream ended cleanly). */
export interface StreamSplitter {
  push(chunk: Buffer): void;
  end(): string;
}

/** Calls `onToken` for every complete token; the separator is not included. */
export function createSplitter(separator: number, onToken: (token: string) => void): StreamSplitter {
  let pending: Buffer[] = [];
  return {
    push(chunk) {
      let start = 0;
      let index = chunk.indexOf(separator, start);
      while (index !== -1) {
        const piece = chunk.subarray(start, index);
        if (pending.length > 0) {
          pending.push(piece);
          onToken(Buffer.concat(pending).toString('utf8'));
          pending = [];
        } else {
          onToken(piece.toString('utf8'));
        }
        start = index + 1;
        index = chunk.indexOf(separator, start);
      }
      // Copy: the stream may reuse the chunk's memory.
      if (start < chunk.length) pending.push(Buffer.from(chunk.subarray(start)));
    },
    end() {
      const rest = Buffer.concat(pending).toString('utf8');
      pending = [];
      return rest;
    },
  };
}
