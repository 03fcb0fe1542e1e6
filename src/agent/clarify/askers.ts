/** Askers: a person on a terminal or a pipe (one answer per line), or nobody (the majority option, recorded as an assumption). */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Asker, UserAnswer, UserQuestion } from '../types.ts';

/** Options are listed most-supported first, so the first is the majority (or the model's own default). */
export function majorityAsker(): Asker {
  return {
    ask: async (question) => ({ questionId: question.id, answer: question.options[0] ?? '', by: question.source === 'disagreement' ? 'majority' : 'default' }),
  };
}

/** Reads answers line by line from `input`; a number picks an option, other text must match an option (or is taken as is when allowed). */
export function lineAsker(input: Readable, write: (text: string) => void): Asker & { close(): void } {
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  let reader: ReturnType<typeof createInterface> | undefined;
  // Opened on the first question only: an open reader on a terminal would keep the process alive.
  const open = () => {
    if (reader) return;
    reader = createInterface({ input, terminal: false });
    reader.on('line', (line) => {
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    });
    reader.on('close', () => {
      ended = true;
      for (const next of waiting.splice(0)) next(undefined);
    });
  };
  const nextLine = () =>
    new Promise<string | undefined>((resolve) => {
      open();
      if (lines.length > 0) resolve(lines.shift());
      else if (ended) resolve(undefined);
      else waiting.push(resolve);
    });
  const fallback = majorityAsker();
  const choose = (question: UserQuestion, line: string): string | undefined => {
    const text = line.trim();
    const number = Number(text);
    if (Number.isInteger(number) && number >= 1 && number <= question.options.length) return question.options[number - 1];
    const exact = question.options.find((option) => option.toLowerCase() === text.toLowerCase() || option.toLowerCase().startsWith(`${text.toLowerCase()}:`));
    if (exact) return exact;
    return question.allowOther && text !== '' ? text : undefined;
  };
  return {
    close: () => reader?.close(),
    async ask(question): Promise<UserAnswer> {
      write(`\n? ${question.text}\n${question.options.map((option, index) => `  ${index + 1}) ${option}`).join('\n')}\n`);
      for (let attempt = 0; attempt < 3; attempt++) {
        write(`answer 1-${question.options.length}${question.allowOther ? ' or your own words' : ''}: `);
        const line = await nextLine();
        if (line === undefined) break;
        const answer = choose(question, line);
        if (answer !== undefined) return { questionId: question.id, answer, by: 'user' };
        write(`"${line.trim()}" is not one of the options.\n`);
      }
      const assumed = await fallback.ask(question);
      write(`no answer; assuming "${assumed.answer}"\n`);
      return assumed;
    },
  };
}
