/**
 * Messages of the Word module in the user's language. The module is a bundle of its own (dist/word.js)
 * and carries no copy of the data loader: whoever loads it hands over the engine's translator.
 */
type Translate = (message: string, ...args: Array<string | number>) => string;

const fill: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
let translate: Translate = fill;

export function setTranslator(fn: Translate): void {
  translate = fn;
}

export const t: Translate = (message, ...args) => translate(message, ...args);
