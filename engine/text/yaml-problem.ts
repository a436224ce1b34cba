/**
 * What is wrong with a piece of YAML (front matter, the project file, a report type, unit data), said
 * in the writer's language. The library's own messages are English and speak of tokens and scalars;
 * here each kind of error says what to change.
 */
import type { YAMLError } from 'yaml';
import { t } from '../i18n';

export function yamlProblem(e: YAMLError): string {
  switch (e.code) {
    case 'MISSING_CHAR':
      return t('缺少配对的引号或括号（如只写了前引号 "）');
    case 'BAD_INDENT':
      return t('缩进不对：同一层的项要对齐');
    case 'TAB_AS_INDENT':
      return t('用了 Tab 缩进：只能用空格缩进');
    case 'DUPLICATE_KEY':
      return t('同一个键出现了两次');
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return t('一个键写成了多行，或冒号后少了空格（应为“键: 值”）');
    case 'BAD_DQ_ESCAPE':
      return t('双引号里的反斜杠写法不对（含反斜杠的文字请用单引号括起来）');
    case 'MULTIPLE_DOCS':
      return t('有不止一段用 --- 分开的内容');
    case 'BAD_SCALAR_START':
      return t('一个值以 YAML 保留的字符开头（如 @、`、%），请用引号括起来');
    default:
      return t('不合 YAML 的写法（{0}）', e.message.split('\n')[0]);
  }
}
