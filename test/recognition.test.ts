/**
 * Recognition of reports written the way units really write them (slogan headings, a title that
 * names the type, no title at all) and silence on Chinese documents that are not reports. The texts
 * are our own, written to the patterns met in published reports.
 */
import * as assert from 'node:assert/strict';
import { builtinTypes, explainDetection, lint, parseDefinition } from '../engine';

const lines = (...l: string[]) => l.join('\n') + '\n';
const warnings = (text: string, template?: string) =>
  lint(text, { template }).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');

describe('recognising real reports', () => {
  it('reads slogan headings as the org-life report sections they stand for', () => {
    const text = lines(
      '关于召开第二党支部专题组织生活会情况的报告',
      '按照上级党委的部署，第二党支部于3月12日召开了专题组织生活会，现将有关情况报告如下：',
      '一、细化环节抓筹备，夯实会议思想根基',
      '会前，支部组织党员集中学习，采取发放征求意见表、个别访谈等方式征求意见建议12条，开展谈心谈话30余人次。',
      '二、严肃认真开好会，开展批评与自我批评',
      '会上，支部书记代表支委班子作对照检查，党员逐一发言，开展批评与自我批评。',
      '三、立行立改抓落实，确保整改见实效',
      '会后，支部对照查摆出的问题制定整改清单，明确责任人和完成时限。',
      '特此报告。',
    );
    const result = lint(text);
    assert.equal(result.type?.id, 'org-life-meeting-report');
    assert.deepEqual(warnings(text).map((d) => d.rule), []);
  });

  it('reads the title under an addressee line put first ("机关党委：")', () => {
    const body = [
      '关于召开第二党支部专题组织生活会情况的报告',
      '按照上级党委的部署，第二党支部于3月12日召开了专题组织生活会，现将有关情况报告如下：',
      '一、会前准备情况',
      '会前，支部组织党员集中学习，开展谈心谈话30余人次。',
      '二、组织生活会召开情况',
      '会上，党员逐一发言，开展批评与自我批评。',
      '三、制定整改措施等情况',
      '会后，支部制定整改清单。',
    ];
    assert.equal(lint(lines(...body)).type?.id, 'org-life-meeting-report');
    // One line above the title made it a 对照检查材料 with two sections missing.
    assert.equal(lint(lines('机关党委：', ...body)).type?.id, 'org-life-meeting-report');
    assert.deepEqual(warnings(lines('机关党委：', ...body)).map((d) => d.rule), []);
  });

  it('takes a title that names the type as enough, and reads thematic headings as the main part', () => {
    const duty = lines(
      '2025年度党支部书记抓基层党建工作述职报告',
      '一、完善制度规范，让支部运转更有序',
      '今年以来，支部修订了学习、议事和考勤三项制度，每月召开支委会。',
      '二、从严发展党员，让队伍更有活力',
      '全年发展党员2名，转正3名，培养入党积极分子5名。',
      '三、存在的不足',
      '理论学习还不够深入，联系群众还不够经常。',
      '四、下一步打算',
      '坚持每月集中学习，推进党员联系群众常态化。',
    );
    assert.equal(lint(duty).type?.id, 'duty-report');
    assert.deepEqual(warnings(duty).map((d) => d.rule), []);

    const democratic = lines('某市直机关2025年度民主生活会召开情况报告', '市直机关领导班子于1月20日召开了民主生活会。', '会上，班子成员逐一作对照检查。');
    assert.equal(lint(democratic).type?.id, 'democratic-life-meeting-report');
  });

  it('recognises a 对照检查材料 without a title from its problems-first structure', () => {
    const text = lines(
      '一、存在的主要问题',
      '（一）理论学习方面。一是学习不够系统，满足于读原文。二是联系实际不够，学用结合不紧。',
      '（二）担当作为方面。一是攻坚克难的劲头不足。二是调查研究不够深入。',
      '（三）作风建设方面。一是“四风”问题仍有反弹。二是开展批评和自我批评辣味不足。',
    );
    assert.equal(lint(text).type?.id, 'self-examination');
    // The same problems-first structure without any word of the meeting, 检视/剖析, 党性 or 四风 is
    // some other inspection (a unit's 自查报告), not a 对照检查材料.
    const selfCheck = lines('一、存在的主要问题', '（一）制度建设方面。一是台账不全。二是审批不规范。', '（二）日常管理方面。一是巡查不够。二是维护不及时。');
    assert.equal(lint(selfCheck).type, undefined);
  });

  it('does not report a section that is there under another name; reports a missing one where it belongs', () => {
    const text = lines(
      '一、会前学习和征求意见',
      '支部组织党员集中学习，征求意见建议8条。',
      '二、整改落实情况',
      '会后制定了整改清单。',
    );
    const found = warnings(text, 'org-life-meeting-report');
    assert.deepEqual(found.map((d) => d.rule), ['missing-section']);
    assert.equal(found[0].message, '缺少“组织生活会召开情况”一节，应在“整改落实情况”之前。');
    assert.equal(found[0].range.start.line, 2);
  });

  it('reports no missing section when no heading names a section: the draft follows its own structure', () => {
    const text = lines('一、基本情况', '支部于3月召开组织生活会，开展民主评议党员。', '二、主要做法', '会前组织集中学习，会上开展批评和自我批评。', '三、评议结果', '评出优秀党员3名。');
    assert.deepEqual(warnings(text, 'org-life-meeting-report').map((d) => d.rule), []);
  });

  it('reads a title that a PDF copy broke over two lines, with the spaces the PDF put around numbers', () => {
    const text = lines(
      '第二党支部委员会 2025 年度专题组织生活会对照检',
      '查材料',
      '按照上级党委的统一部署，支部委员会认真开展会前学习，广泛征求意见',
      '建议，深入开展谈心谈话，在此基础上逐条查摆问题、剖析根源，形成如',
      '下对照检查材料。',
      '一、存在的问题',
      '理论学习不够深入，联系群众不够经常。',
    );
    const result = lint(text);
    assert.equal(result.type?.id, 'self-examination');
    assert.match(explainDetection(result.detection).join('\n'), /标题“第二党支部委员会2025年度专题组织生活会对照检查材料”是对照检查材料的标题/);
    // The broken paragraph is reported once, on its first line, and its lines join into one.
    const wrapped = result.diagnostics.filter((d) => d.rule === 'hard-wrapped-lines');
    assert.deepEqual(wrapped.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]), [[2, 0, 2, 32]]);
    // A first line that is a title by itself keeps the second line out of it.
    const whole = lines('第二党支部委员会专题组织生活会对照检查材料', '（含案例）', '一、存在的问题', '理论学习不够深入。');
    assert.match(explainDetection(lint(whole).detection).join('\n'), /标题“第二党支部委员会专题组织生活会对照检查材料”是/);
  });

  it('reads a heading right after a "1. " list line as a heading, as text pasted from Word has no blank lines', () => {
    // CommonMark folds "二、原因分析" into the list item above it (a lazy continuation line).
    const text = lines(
      '关于本人对照检查情况的报告',
      '现将本人对照检查情况报告如下：',
      '一、存在的问题',
      '1. 学习不够深入。',
      '2. 工作不够扎实。',
      '二、原因分析',
      '主要是理论学习有所放松。',
      '三、整改措施',
      '1. 加强学习。',
      '3. 改进作风。',
    );
    const result = lint(text);
    assert.equal(result.type?.id, 'self-examination');
    assert.deepEqual(
      result.model?.sections.filter((s) => s.level === 1).map((s) => s.title),
      ['存在的问题', '原因分析', '整改措施'],
    );
    // The list under 三、 is numbered on its own: its "3." is the mistake, not its "1.".
    assert.deepEqual(
      warnings(text).map((d) => `${d.rule} ${text.slice(d.span.start, d.span.end)}`),
      ['heading-numbering 3.'],
    );
  });

  it('explains why a type was chosen, with the evidence and the threshold', () => {
    const result = lint(lines('2025年度党支部书记抓基层党建工作述职报告', '一、主要工作', '全年召开支委会12次。'));
    const explanation = explainDetection(result.detection).join('\n');
    assert.match(explanation, /识别为述职报告/);
    assert.match(explanation, /\+6 {2}标题“2025年度党支部书记抓基层党建工作述职报告”是述职报告的标题/);
  });
});

describe('a 整改方案 written in sections', () => {
  const plan = lines(
    '区教育局领导班子2025年度民主生活会查摆问题整改方案',
    '根据区委部署，局领导班子在民主生活会上查摆出三个方面的问题。为抓好整改落实，特制定本方案。',
    '一、指导思想',
    '以习近平新时代中国特色社会主义思想为指导，聚焦查摆出的问题抓整改。',
    '二、问题及整改措施',
    '（一）在理论学习方面',
    '问题表现：学习以读文件为主。整改措施：每月开展一次专题研讨。责任领导：局党组书记。整改时限：长期坚持。',
    '（二）在联系群众方面',
    '问题表现：到农村学校调研偏少。整改措施：班子成员每人联系两所农村学校。',
    '三、组织保障',
    '局党组对整改工作负总责。',
  );

  it('is recognised by its title though it opens as every plan does ("特制定本方案"), and is not taken for the table of a 整改清单', () => {
    const result = lint(plan);
    assert.equal(result.type?.id, 'rectification-plan', explainDetection(result.detection).join('\n'));
    // The item that says who and by when passes; the one that does not is told so, on its heading.
    assert.deepEqual(
      warnings(plan).map((d) => `${d.rule} ${plan.slice(d.span.start, d.span.end)}`),
      ['item-details （二）在联系群众方面'],
    );
    assert.match(warnings(plan)[0].message, /没有写明责任领导（责任人）和整改时限/);
  });

  it('is recognised without a title from an opening that says it makes a 整改方案, "特制定本整改方案" included', () => {
    const body = ['一、指导思想', '以党的创新理论为指导。', '二、整改任务', '（一）在作风建设方面，责任领导为党组书记，2026年6月底前完成。'];
    assert.equal(lint(lines('对照班子查摆出的问题，在专题民主生活会明确的整改方向的基础上，制定如下整改方案。', ...body)).type?.id, 'rectification-plan');
    // The opening that names the type outweighs the plan's own formula, which alone marks another kind of plan.
    const own = lint(lines('班子在民主生活会上查摆出3个方面的问题。为抓好整改落实，特制定本整改方案。', ...body));
    assert.equal(own.type?.id, 'rectification-plan', explainDetection(own.detection).join('\n'));
  });

  it('is recognised under the other name writers give it: ……查摆问题整改措施', () => {
    assert.equal(lint(lines('区发改委领导班子2025年度民主生活会查摆问题整改措施', '根据区委部署，班子在民主生活会上查摆出问题。', '一、问题及整改措施', '（一）在理论学习方面。责任领导：主任；整改时限：长期坚持。')).type?.id, 'rectification-plan');
  });

  it('leaves alone a report on how rectification went and a headline about a plan', () => {
    const progress = lines('县农业农村局领导班子关于2025年度民主生活会查摆问题整改落实情况的报告', '县委：', '民主生活会召开以来，局领导班子对照查摆出的问题逐项整改。现将整改落实情况报告如下。', '一、整改工作开展情况', '局党组召开3次专题会议研究部署整改工作。', '二、问题整改完成情况', '（一）在理论学习方面。已开展专题研讨4次。', '三、下一步打算', '继续巩固整改成果。');
    assert.equal(lint(progress).type, undefined, explainDetection(lint(progress).detection).join('\n'));
    // The meeting's report that also tells the rectification is still the meeting's report.
    for (const title of ['关于2025年度民主生活会召开情况及整改落实情况的报告', '关于XX局领导班子2024年度民主生活会召开情况及查摆问题整改落实情况的报告', '……民主生活会召开情况及上年度整改进展情况的报告']) {
      assert.equal(lint(lines(title, '现将有关情况报告如下。', '一、会前准备情况', '会前集中学习。', '二、会议召开情况', '班子成员逐一对照检查。')).type?.id, 'democratic-life-meeting-report', title);
    }
    const headline = lines('市财政局党组会议审议通过民主生活会查摆问题整改方案', '市财政局党组日前召开会议，审议通过局领导班子整改方案。', '会议认为，整改方案针对查摆出的问题，逐项明确了整改措施、责任领导和整改时限。');
    assert.equal(lint(headline).type, undefined, explainDetection(lint(headline).detection).join('\n'));
  });

  it('leaves a 整改清单 to the list type, and a report on how rectification went to no type', () => {
    const list = lines('# 第三党支部专题组织生活会检视问题整改清单', '', '| 序号 | 问题 | 整改措施 | 责任人 | 整改时限 |', '| --- | --- | --- | --- | --- |', '| 1 | 学习不够 | 加强学习 | 张三 | 长期坚持 |');
    assert.equal(lint(list).type?.id, 'rectification-list');
    const progress = lines('关于民主生活会查摆问题整改落实情况的报告', '一、整改工作开展情况', '班子高度重视整改。', '二、问题整改落实情况', '已整改问题8个。');
    assert.notEqual(lint(progress).type?.id, 'rectification-plan');
  });
});

describe('titles whose subject holds a word that names another kind of document', () => {
  const body = lines('一、会前准备情况', '支部组织党员集中学习，征求意见建议8条。', '二、民主生活会召开情况', '班子成员逐一作对照检查。', '三、会后整改情况', '会后制定了整改清单。');
  const recognised: Array<[string, string]> = [
    ['深入贯彻中央八项规定精神学习教育专题民主生活会情况报告', 'democratic-life-meeting-report'],
    ['学习贯彻习近平总书记重要讲话精神专题民主生活会情况报告', 'democratic-life-meeting-report'],
    ['关于贯彻落实《通知》精神召开民主生活会情况的报告', 'democratic-life-meeting-report'],
  ];
  for (const [title, type] of recognised) {
    it(`recognises “${title}”: 规定、讲话、通知 are its subject, not what it is`, () => {
      const result = lint(title + '\n' + body);
      assert.equal(result.type?.id, type, explainDetection(result.detection).join('\n'));
    });
  }

  it('recognises a 述职 title that strings several 述X words together (述职述廉述党建工作报告)', () => {
    const text = lines('区财政局局长2025年述职述廉述党建工作报告', '2025年，我认真履行局长职责，现将本人履职、廉洁自律和抓党建情况报告如下：', '一、履行职责情况', '牵头完成预算编制。', '二、廉洁自律情况', '严格遵守中央八项规定精神。', '三、存在的问题', '调查研究不够深入。', '四、下一步打算', '加强理论学习。');
    assert.equal(lint(text).type?.id, 'duty-report', explainDetection(lint(text).detection).join('\n'));
  });

  it('recognises a summary that also gives next year\'s plan (工作总结及工作计划), not a plan alone', () => {
    const summary = lines('一、主要工作', '全年开展主题党日12次，发展党员2名。', '二、存在的不足', '理论学习还不够深入。', '三、下一步打算', '抓好支部标准化建设。');
    assert.equal(lint('2024年党支部工作总结及2025年工作计划\n' + summary).type?.id, 'branch-work-summary');
    assert.equal(lint('第一党支部2024年度工作总结暨2025年度工作计划\n' + summary).type?.id, 'branch-work-summary');
    assert.equal(lint('第一党支部2025年工作计划\n' + summary).type, undefined);
  });

  it('still takes a title that ends with the other kind as that kind: 讲话稿, 通知（草稿）, 心得：副标题', () => {
    for (const title of ['在2025年度民主生活会上的讲话稿', '关于召开2025年度民主生活会的通知（草稿）', '民主生活会学习心得：以案为鉴找差距', '关于开好民主生活会的请示范文（通用2篇）', '关于开好2025年度民主生活会和组织生活会的通知']) {
      const result = lint(title + '\n' + body);
      assert.equal(result.type, undefined, `${title}: ${explainDetection(result.detection).join('\n')}`);
      assert.deepEqual(result.diagnostics, []);
    }
  });
});

describe("a unit's own type", () => {
  it('is recognised even when its name holds a word that rules other documents out (纪要)', () => {
    const definition = [
      'id: party-group-minutes',
      'name: 党小组会议纪要',
      'detect:',
      '  keywords: [党小组会]',
      "  titles: ['党小组会议纪要']",
      'sections:',
      '  - { id: basics, title: 会议基本情况 }',
      '  - { id: decisions, title: 会议决定 }',
    ].join('\n');
    const parsed = parseDefinition(definition, 'party-group-minutes.yaml', '');
    assert.ok('type' in parsed);
    const types = [...builtinTypes().types, parsed.type];
    const minutes = lines('第一党小组党小组会议纪要', '一、会议基本情况', '3月5日召开，应到8人，实到8人。', '二、会议决定', '推荐张明为入党积极分子。');
    assert.equal(lint(minutes, { types }).type?.id, 'party-group-minutes');
    // The same word still rules out the built-in types.
    assert.equal(lint(lines('支委会会议纪要', '一、会前准备情况', '学习文件。'), { types }).type, undefined);
  });
});

describe('staying silent on documents that are not reports', () => {
  const silent: Array<[string, string]> = [
    [
      'a README with numbered headings',
      lines('# 排班助手使用说明', '', '## 一、功能概述', '', '支持按周排班和导出表格。', '', '## 二、安装步骤', '', '执行安装脚本。', '', '## 三、存在问题', '', '暂不支持跨年排班。'),
    ],
    [
      'a news item with a counted agenda',
      lines('3月5日下午，第一党支部召开2025年度组织生活会。会议共四项议程，一是通报上年度整改情况，二是书记作对照检查，三是党员互相批评，四是民主评议党员。', '会前，支部组织党员集中学习。', '会上，党员们逐一发言。'),
    ],
    ['meeting minutes', lines('支委会会议纪要', '一、会议学习了上级文件精神。', '二、会议研究了发展党员工作。', '三、会议部署了下一步工作。')],
    [
      'a notice with problems and requirements',
      lines('关于开展作风建设自查的通知', '各党支部：', '一、存在问题', '部分支部学习记录不全。', '二、整改要求', '3月底前完成整改。'),
    ],
    [
      "an audit office's report on rectification",
      lines('关于2024年度审计查出问题整改情况的报告', '一、审计整改工作整体开展情况', '各部门高度重视审计整改。', '二、审计查出问题的整改情况', '已整改问题35个。'),
    ],
    ['how-to notes', lines('开好组织生活会的几点做法', '一、会前准备', '提前一周下发通知。', '二、会上流程', '书记先作对照检查。')],
    ['a writing guide', lines('述职报告写作要点', '一、标题', '标题写明单位和年度。', '二、正文', '正文写履职情况、存在的问题和下一步打算。')],
    [
      'a page on the format of the type, titled with its name',
      lines('对照检查材料的撰写格式', '对照检查材料一般由标题、正文和落款组成，正文末尾写明整改措施。', '1.标题。写明单位、年度和文种。', '2.正文。先写存在的问题，再写原因分析和整改措施。'),
    ],
    [
      'a page on what the type is',
      lines('述职报告的含义和作用', '（一）述职报告的含义', '述职报告是干部陈述本人履职情况的书面报告。', '（二）述职报告的作用', '它是考核干部的依据。'),
    ],
    [
      "a host's script for a 述职 meeting",
      lines('第三党支部书记述职评议会主持词', '同志们：', '今天的会议有三项议程：一是支部书记述职；二是现场测评；三是上级党委点评。', '现在进行第一项，请支部书记述职。'),
    ],
    [
      "a department's half-year summary with a problems section",
      lines('尊敬的院领导及各位同事：', '上半年很快过去，现将科室上半年的工作总结如下：', '一、医疗服务情况', '门诊量同比增长8%。', '二、存在的问题与改进措施', '部分流程还不够顺畅。', '三、下半年工作打算', '继续优化门诊流程。'),
    ],
    [
      "a unit's self-inspection of its offices",
      lines('办公用房自查自纠报告', '按照上级要求，我单位对办公用房开展了自查，现将自查情况汇报如下：', '一、自查工作开展情况', '成立了自查小组。', '二、存在的问题与不足', '个别办公室面积超标。', '三、整改措施', '已调整两间办公室。'),
    ],
    [
      'a plan for holding the meeting, pasted without its title',
      lines('为开好本年度专题民主生活会，根据上级通知要求，结合我局实际，制定本方案。', '一、会议主题', '深入学习贯彻党的创新理论。', '二、会前准备', '开展谈心谈话，征求意见建议。', '三、会议议程', '班子成员逐一对照检查。'),
    ],
    [
      'rules for the meeting, pasted without their title',
      lines('组织生活会是党支部开展批评和自我批评的重要制度，现规定如下：', '（一）党支部每半年召开一次组织生活会，会前认真征求党员群众的意见。', '（二）会上党员逐一对照检查，开展批评和自我批评。', '（三）会后针对查摆出的问题制定整改措施。'),
    ],
    [
      'news of a 述职 meeting whose headline ends in 述职会议',
      lines('市直机关工委召开基层党组织书记抓党建工作专项述职会议', '为压实管党治党责任，市直机关工委召开专项述职会议，8名党组织书记现场述职。', '一、聚焦问题述职', '书记们逐一述职。', '二、点评指出不足', '工委书记逐一点评。'),
    ],
    [
      "a democratic party branch's summary (民盟支部)",
      lines('一年来，十一中民盟支部在盟市委的领导下，组织盟员学习，现将一年来的工作总结如下：', '一、加强学习', '组织盟员集中学习6次。', '二、存在的不足', '参政议政能力有待提高。', '三、下一步打算', '继续加强学习。'),
    ],
    [
      "a principal's professional 述职 that mentions the leadership team",
      lines('校长个人述职报告', '一年来，在中心校班子成员的支持下，我认真履行校长职责，现将本年度的述职如下：', '一、教学管理', '推进课堂改革。', '二、存在的不足', '教研投入不够。', '三、今后的努力方向', '加强教学研究。'),
    ],
    [
      "a Youth League secretary's 述职 (团组织书记), though it names the Party branch that leads it",
      lines('2023年度基层团组织书记述职报告', '2023年，在镇党委和村党支部的坚强领导下，我坚定扛起团组织书记职责，带领团员青年建功立业。', '一、2023年度工作', '团支部认真开展团员发展、团费收缴等工作。', '二、存在的不足', '团员活动形式单一。', '三、下一步打算', '创新团员活动形式。'),
    ],
    [
      "a teacher's professional 述职",
      lines('教师个人述职报告', '一年来，我认真完成教学任务，现将本学年的述职如下：', '一、教学工作', '承担两个班的语文教学。', '二、存在的不足', '教研投入不够。', '三、今后的努力方向', '加强教学研究。'),
    ],
    [
      "an article in the author's voice, with an odd title",
      lines('年度考核随笔', '每到年底都要写述职报告，怎样才能写好述职报告呢？笔者以为要注意三点。', '一、避免把述职报告写成单位工作总结', '述职报告讲的是个人履职。', '二、避免罗列工作', '要突出重点。'),
    ],
    [
      'an article on writing the type, titled 浅谈……的撰写',
      lines('浅谈班子对照检查材料的撰写', '班子对照检查材料是民主生活会的基础，写好它要抓住三个环节。', '一、查摆问题要具体', '问题要见人见事。', '二、原因分析要深刻', '从思想根源上找原因。', '三、整改措施要管用', '措施要能落地。'),
    ],
    [
      'a Q&A on how the meeting is held, titled ……召开程序',
      lines('党员组织生活会召开程序', '1、会前征求意见，查摆问题，分析原因。', '2、会上党员逐一对照检查，开展批评和自我批评。', '3、会后制定整改措施，明确整改时限。'),
    ],
    [
      'a news headline that opens with its place',
      lines('临河：全县20名乡镇党委书记向县委常委会述责述廉', '“我将扛起管党治党政治责任……”', '日前，20名乡镇党委书记逐一述责述廉，县委书记逐一点评。', '一、述责述廉聚焦主业', '书记们逐一述职。', '二、点评直指不足', '点评逐一指出问题。'),
    ],
    [
      "a city's environmental rectification plan: a 整改方案, but no Party report",
      lines('某市贯彻落实生态环境保护督察反馈意见整改方案', '为切实抓好督察反馈意见整改落实，压实各级党委和政府责任，结合我市实际，制定本方案。', '一、指导思想', '坚持生态优先、绿色发展。', '二、整改目标', '2026年底前完成全部整改任务。', '三、整改措施', '（一）加强水污染治理。责任单位：市生态环境局；完成时限：2026年6月底前。'),
    ],
    [
      'an article that studies 述职 reports (本文基于……)',
      lines('全面从严治党背景下，各级纪委书记通过述职述廉报告总结经验。本文基于多地述职报告文本分析，探讨纪检干部履职的实践逻辑。', '一、思想淬炼：铸牢政治忠诚根基', '各地坚持把政治建设摆在首位。', '二、监督执纪：创新履职方法路径', '各地创新监督方式。'),
    ],
    [
      'an explainer that defines the meeting (……制度，主要是指……)',
      lines('党员领导干部民主生活会制度，主要是指党员领导干部定期召开的以批评和自我批评为主要内容的生活会。', '（三）党员领导干部民主生活会的准备', '会前要广泛征求意见。'),
    ],
  ];
  for (const [what, text] of silent) {
    it(what, () => {
      const result = lint(text);
      assert.equal(result.type, undefined, explainDetection(result.detection).join('\n'));
      assert.deepEqual(result.diagnostics, []);
    });
  }
});
