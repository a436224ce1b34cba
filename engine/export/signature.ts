/**
 * 7.3.5.2 (no seal): the signature one blank line below the body with 2 characters of right
 * indent; the date on the next line starting 2 characters to the right of the signature's first
 * character. If the date is the longer, the date gets the 2-character right indent and the
 * signature is centred over it. Widths in characters; returned right indents in characters.
 */
import { width } from './title-lines';

export function signatureIndents(signature: string, date: string): { signature: number; date: number } {
  const s = width(signature);
  const d = width(date);
  const dateIndent = s - d;
  if (dateIndent >= 2) return { signature: 2, date: dateIndent };
  return { signature: 2 + (d - s) / 2, date: 2 };
}
