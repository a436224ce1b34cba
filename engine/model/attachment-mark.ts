/**
 * GB/T 9704 7.3.7: an attachment's own text follows the main text, each opened by a line of its own
 * that reads "附件1" ("附件 2", or "附件" alone when there is one). The model looks for the closing
 * (signature, date) at the foot of the main text, before the first of these; the export starts each
 * attachment's page there.
 */
import type { ProseLine } from '../text/prose';

export const ATTACHMENT_MARK = /^附件\s*(\d*)\s*$/;

/** Whether the line opens an attachment's text ("附件1", "# 附件2"); never a table cell. */
export function isAttachmentMark(line: ProseLine): boolean {
  // Most lines are longer than any mark: no trimming, no pattern.
  return line.text.length <= 16 && line.block !== 'tableCell' && ATTACHMENT_MARK.test(line.text.trim());
}

/** GB/T 9704 7.3.6: a 附注 is set in brackets, on the line after the date ("（联系人：张三，电话：……）"). */
export const BRACKETED_NOTE = /^[（(](.+)[）)]$/;
