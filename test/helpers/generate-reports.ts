/**
 * Generated 专题组织生活会 reports for the copied-paragraph tests and benchmark: each body paragraph
 * is five clauses drawn from about 12,000 (subject × action × object), so two reports share a
 * clause now and then but never a paragraph — except the copies planted on purpose.
 */
const SUBJECTS = ['支部书记', '支委委员', '全体党员', '青年党员', '老党员', '党小组长', '组织委员', '宣传委员', '纪检委员', '入党积极分子', '党员干部', '在职党员', '退休党员', '窗口岗位党员', '业务骨干', '党员先锋岗', '支部班子', '党员志愿者', '流动党员', '新党员'];
const ACTIONS = ['带头学习', '深入调研', '认真梳理', '主动认领', '逐项整改', '定期走访', '专题研讨', '集中攻关', '结对帮扶', '跟踪督办', '座谈交流', '实地查看', '统筹推进', '细化分解', '对账销号', '公开承诺', '全程参与', '逐一核实', '动态更新', '总结提炼'];
const OBJECTS = ['服务群众的办法', '项目推进中的堵点', '档案管理的薄弱环节', '会议纪要的落实情况', '群众反映的热点问题', '窗口服务的流程', '学习笔记和心得', '联系户的实际困难', '制度执行的偏差', '安全生产的隐患', '资金使用的规范性', '重点任务的进度', '基层调研的成果', '信访件的办理质量', '党费收缴的台账', '志愿服务的记录', '廉政风险点', '业务培训的效果', '考核指标的完成情况', '意见建议的反馈', '结对共建的协议', '主题党日的安排', '三会一课的记录', '发展党员的程序', '党员积分的评定', '整改清单的落实', '作风建设的短板', '数据报送的时效', '办事指南的内容', '应急预案的演练'];

/** A small, seeded generator: the same reports on every run. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

export function paragraph(random: () => number): string {
  const pick = <T>(a: T[]) => a[Math.floor(random() * a.length)];
  const clauses: string[] = [];
  for (let i = 0; i < 5; i++) clauses.push(`${pick(SUBJECTS)}${pick(ACTIONS)}${pick(OBJECTS)}`);
  return clauses.join('，') + '。';
}

export interface GeneratedReport {
  name: string;
  text: string;
  /** 0-based lines of paragraphs copied from another report, and where from. */
  copies: Array<{ line: number; from: string; fromLine: number; exact: boolean }>;
}

/**
 * `count` reports; every tenth report (after the first 20) copies one paragraph of an earlier
 * report, every other time with the subject of its first clause changed.
 */
export function generateReports(count: number, seed = 7): GeneratedReport[] {
  const random = rng(seed);
  const reports: GeneratedReport[] = [];
  for (let n = 0; n < count; n++) {
    const name = `report-${String(n).padStart(4, '0')}.md`;
    const lines = [
      `关于召开第${n + 1}党支部专题组织生活会情况的报告`,
      '机关党委：',
      `根据《关于召开2025年度基层党组织组织生活会的通知》要求，第${n + 1}党支部于2025年12月18日召开了专题组织生活会。现将有关情况报告如下。`,
      '一、会前准备情况',
      `一是深入学习理论知识。${paragraph(random)}`,
      `二是广泛征求意见建议。共征求到意见建议${3 + (n % 17)}条，${paragraph(random)}`,
      '二、组织生活会召开情况',
      paragraph(random),
      paragraph(random),
      '三、制定整改措施等情况',
      paragraph(random),
      '特此报告。',
      `第${n + 1}党支部`,
      '2025年12月22日',
    ];
    const copies: GeneratedReport['copies'] = [];
    if (n >= 20 && n % 10 === 0) {
      const from = reports[Math.floor(random() * reports.length)];
      const fromLines = from.text.split('\n');
      const fromLine = 7 + Math.floor(random() * 2);
      const exact = (n / 10) % 2 === 0;
      let copied = fromLines[fromLine];
      // A near copy: the first clause's subject swapped for another, as a writer edits last year's text.
      if (!exact) copied = copied.replace(/^(.+?)(带头|深入|认真|主动|逐项|定期|专题|集中|结对|跟踪|座谈|实地|统筹|细化|对账|公开|全程|逐一|动态|总结)/, (_, _subject: string, verb: string) => `党支部全体同志${verb}`);
      lines[8] = copied;
      copies.push({ line: 8, from: from.name, fromLine, exact });
    }
    reports.push({ name, text: lines.join('\n') + '\n', copies });
  }
  return reports;
}
