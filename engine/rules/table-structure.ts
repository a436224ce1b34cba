import type { ProseLine, TableModel } from '../model/types';
import { normalizeTitle } from '../report-types/match';
import type { TypeColumn, TypeTable } from '../report-types/types';
import { t } from '../i18n';
import { namesATime, vagueDeadline } from './deadline';
import type { DocumentRule } from './rule';
import { q, quotedList, trimmedSpan } from './util';

/** The tables a report type expects (整改清单): present, with every column, every cell filled. */
export const tableStructure: DocumentRule = {
  id: 'table-structure',
  defaultSeverity: 'warning',
  summary: '表格缺少规定的列，或单元格未填写',
  source: '报告类型定义（report-types/）',
  check(ctx) {
    const { type, model } = ctx;
    for (const spec of type.tables) {
      const found = model.tables.map((table) => ({ table, cols: mapColumns(table, spec) })).sort((a, b) => b.cols.size - a.cols.size)[0];
      if (!found || found.cols.size < 2) {
        if (!spec.required) continue;
        const anchor = model.title ?? model.lines[0];
        ctx.report({
          span: anchor ? trimmedSpan(anchor) : { start: 0, end: 0 },
          message: t('缺少{0}表格：应有一张包含{1}列的表格。请插入表格。', type.name, quotedList(spec.columns.filter((c) => c.required).map((c) => c.title))),
        });
        continue;
      }
      const { table, cols } = found;
      const missing = spec.columns.filter((c) => c.required && !cols.has(c.id));
      if (missing.length > 0) {
        ctx.report({
          span: headerSpan(table),
          message: t('表格缺少{0}列：{1}每行应写明{2}。请补上这些列。', quotedList(missing.map((c) => c.title)), type.name, spec.columns.filter((c) => c.required).map((c) => c.title).join(t('、'))),
        });
      }
      for (const row of table.rows) {
        for (const column of spec.columns) {
          const at = cols.get(column.id);
          if (at === undefined || !column.required) continue;
          const cell = row[at];
          if (!cell) continue;
          checkCell(ctx, cell, column, type.deadlineTerms);
        }
      }
    }
  },
};

function headerSpan(t: TableModel) {
  const first = t.header[0]?.cell;
  const last = t.header[t.header.length - 1]?.cell;
  return first && last ? { start: first.start, end: last.end } : t.span;
}

function mapColumns(table: TableModel, spec: TypeTable): Map<string, number> {
  const cols = new Map<string, number>();
  table.header.forEach((cell, index) => {
    const title = normalizeTitle(cell.text);
    const column = spec.columns.find(
      (c) => !cols.has(c.id) && [c.title, ...c.variants].some((v) => normalizeTitle(v) === title || title.startsWith(normalizeTitle(v))),
    );
    if (column) cols.set(column.id, index);
  });
  return cols;
}

function checkCell(ctx: Parameters<DocumentRule['check']>[0], cell: ProseLine, column: TypeColumn, terms: string[]) {
  const text = cell.text.trim();
  const span = cell.text.length > 0 ? trimmedSpan(cell) : cell.cell ?? { start: 0, end: 0 };
  if (text.length === 0) {
    ctx.report({ span, message: t('{0}一栏未填写：{1}表格每行的每一栏都要填写。请补上{2}。', q(column.title), ctx.type.name, column.title) });
    return;
  }
  if (column.kind === 'deadline' && !namesATime(text, terms)) {
    ctx.report({ span, message: vagueDeadline(text, terms, ctx.documentYear) });
  }
}
