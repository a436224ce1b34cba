/**
 * Naming a draft's type in its front matter (engine/report-types/declare.ts): after the edit the
 * draft is checked as that type, whatever front matter, line ends or BOM it had.
 */
import * as assert from 'node:assert/strict';
import { declareTypeEdit, lint } from '../engine';

const apply = (text: string, id: string) => {
  const e = declareTypeEdit(text, id);
  return text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
};

// A self-examination told without the words that would let the checker recognise it.
const BODY = '一、学习方面\n学习不够系统。\n二、工作方面\n工作不够扎实。\n';

describe('declaring a draft\'s report type', () => {
  it('is needed here: the body alone is not recognised', () => {
    assert.equal(lint(BODY).type, undefined);
  });

  it('puts a front matter before a draft that has none', () => {
    const text = apply(BODY, 'self-examination');
    assert.equal(text, '---\ntemplate: self-examination\n---\n' + BODY);
    const result = lint(text);
    assert.equal(result.type?.id, 'self-examination');
    assert.equal(result.detection?.by, 'front-matter');
  });

  it('keeps a BOM first and CRLF line ends', () => {
    const crlf = '\ufeff' + BODY.replace(/\n/g, '\r\n');
    const text = apply(crlf, 'self-examination');
    assert.equal(text, '\ufeff---\r\ntemplate: self-examination\r\n---\r\n' + crlf.slice(1));
    assert.equal(lint(text).type?.id, 'self-examination');
  });

  it('adds the line to a front matter that names no type, and keeps what it holds', () => {
    const text = apply('---\ntitle: 个人对照检查材料\n---\n' + BODY, 'self-examination');
    assert.equal(text, '---\ntemplate: self-examination\ntitle: 个人对照检查材料\n---\n' + BODY);
    assert.equal(lint(text).type?.id, 'self-examination');
    assert.equal(apply('---\n---\n' + BODY, 'duty-report'), '---\ntemplate: duty-report\n---\n' + BODY);
  });

  it('replaces the type a front matter names, in whichever key it is written', () => {
    for (const key of ['template', 'type', '报告类型', '模板']) {
      const text = apply(`---\ntitle: 材料\n${key}: 述职报告\n---\n` + BODY, 'self-examination');
      assert.equal(text, '---\ntitle: 材料\ntemplate: self-examination\n---\n' + BODY, key);
    }
  });

  it('does not take a thematic break further down for a front matter', () => {
    const text = '一、学习方面\n---\n学习不够系统。\n';
    assert.equal(apply(text, 'self-examination'), '---\ntemplate: self-examination\n---\n' + text);
  });
});
