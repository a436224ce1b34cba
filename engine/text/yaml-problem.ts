/**
 * What is wrong with a piece of YAML (front matter, the project file, a report type, unit data), said
 * in the writer's language. The library's own messages are English and speak of tokens and scalars;
 * here each kind of error says what to change. One error code covers several mistakes (MISSING_CHAR is
 * a quote left open or a key without its colon), so the library's message picks among them; what is
 * not recognised keeps that message, in brackets.
 */
import type { YAMLError } from 'yaml';
import { t } from '../i18n';

export function yamlProblem(e: YAMLError): string {
  const said = e.message.split('\n')[0];
  switch (e.code) {
    case 'MISSING_CHAR':
      if (/quote/i.test(said)) return t('引号没有闭合（只写了前引号）');
      if (/followed by map values/i.test(said)) return t('有一行不是“键: 值”的写法（少了冒号，或冒号后少了空格）');
      break;
    case 'MULTILINE_IMPLICIT_KEY':
      return t('有一行不是“键: 值”的写法（少了冒号，或冒号后少了空格）');
    case 'BAD_INDENT':
      if (/flow (sequence|mapping)/i.test(said)) return t('方括号或花括号没有闭合');
      return t('缩进不对：同一层的项要对齐');
    case 'TAB_AS_INDENT':
      return t('用了 Tab 缩进：只能用空格缩进');
    case 'DUPLICATE_KEY':
      return t('同一个键出现了两次');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return t('一行里有两个冒号，或一行多缩进了（值里的冒号请用引号括起来；同一层的键要对齐）');
    case 'BAD_DQ_ESCAPE':
      return t('双引号里的反斜杠写法不对（含反斜杠的文字请用单引号括起来）');
    case 'MULTIPLE_DOCS':
      return t('有不止一段用 --- 分开的内容');
    case 'BAD_SCALAR_START':
      return t('一个值以 YAML 保留的字符开头（如 @、`、%），请用引号括起来');
  }
  return t('不合 YAML 的写法（{0}）', said);
}

/** Where a YAML error is (1-based line and column, as the library counts them), for a problem report. */
export function yamlErrorAt(e: YAMLError): { line?: number; column?: number } {
  return { line: e.linePos?.[0].line, column: e.linePos?.[0].col };
}
