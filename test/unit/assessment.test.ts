import { assessFilingObligation, confirmationViolations, type AssessmentAnswers } from '../../src/normative/assessment.rules';
import { ExcludedDocumentType as X, FilingVerdict as V } from '../../src/normative/normative.enums';

const ALL: AssessmentAnswers = { issuedWithinAuthority: true, affectsRights: true, generallyBinding: true, appliedRepeatedly: true, excludedType: null };
const NOT_BINDING: AssessmentAnswers = { ...ALL, generallyBinding: false };
const excluded = (type: X): AssessmentAnswers => ({ ...ALL, affectsRights: false, generallyBinding: false, excludedType: type });
const UNKNOWN: AssessmentAnswers = { ...ALL, appliedRepeatedly: null };

/** Realistic titles and clauses of a Guangzhou street office (R-ND-1, R-ND-2). */
const CASES: [string, string, string, AssessmentAnswers, V][] = [
  ['资金申报指南', '白云湖街促进电子竞技产业项目资金申报指南', '申报主体应当在本街道注册，符合下列条件的，可申请补贴。', ALL, V.FILING_REQUIRED],
  ['管理办法', '白云湖街出租屋消防安全管理办法', '出租人应当配置灭火器材，不得将仓库出租用于居住。', ALL, V.FILING_REQUIRED],
  ['通告', '关于规范夜间施工噪音管理的通告', '夜间22时至次日6时不得进行产生噪声污染的施工作业。', ALL, V.FILING_REQUIRED],
  ['通知 with obligations on residents', '关于加强辖区养犬管理的通知', '养犬人应当为犬只办理登记，携犬出户时应当束犬链，不得进入菜市场。', ALL, V.FILING_REQUIRED],
  ['the same 通知 judged not binding', '关于加强辖区养犬管理的通知', '养犬人应当为犬只办理登记，携犬出户时应当束犬链，不得进入菜市场。', NOT_BINDING, V.NEEDS_CONFIRMATION],
  ['plain meeting minutes', '2026年第3次主任办公会议纪要', '会议听取了城管执法队关于一季度工作情况的汇报，研究了下一步工作安排。', excluded(X.MEETING_MINUTES), V.NOT_REQUIRED],
  ['minutes with binding clauses', '关于市场周边经营秩序整治的会议纪要', '各经营户应当于5月31日前完成门前三包登记，逾期不得继续占道经营。', excluded(X.MEETING_MINUTES), V.NEEDS_CONFIRMATION],
  ['minutes that are normative in substance', '关于市场周边经营秩序整治的会议纪要', '各经营户应当于每月5日前报送台账，长期执行。', { ...ALL, excludedType: X.MEETING_MINUTES }, V.FILING_REQUIRED],
  ['补贴发放办法', '白云湖街困难群众临时救助补贴发放办法', '符合条件的困难群众可以申请临时救助补贴。', ALL, V.FILING_REQUIRED],
  ['commendation', '关于表彰2025年度优秀网格员的决定', '经研究，决定对张某等20名同志予以表彰。', excluded(X.COMMENDATION_SANCTION_APPOINTMENT), V.NOT_REQUIRED],
  ['request without flags', '关于请求拨付散乱污整治经费的请示', '现将有关情况报告如下，妥否，请批示。', excluded(X.REQUEST_OR_REPORT), V.NOT_REQUIRED],
  ['request mentioning subsidies', '关于申请电竞赛事专项经费的请示', '拟对承办赛事的企业给予补贴，妥否，请批示。', excluded(X.REQUEST_OR_REPORT), V.NEEDS_CONFIRMATION],
  ['work plan', '白云湖街2026年普法依法治理工作要点', '一、加强宪法宣传。二、开展民法典进社区活动。', excluded(X.WORK_PLAN), V.NOT_REQUIRED],
  ['internal attendance rules with 应当', '白云湖街机关考勤管理制度', '机关工作人员应当按时签到。', excluded(X.INTERNAL_RULES), V.NEEDS_CONFIRMATION],
  ['emergency plan', '白云湖街防汛防台风应急预案', '启动Ⅳ级响应后，各社区立即开展巡查。', excluded(X.EMERGENCY_PLAN), V.NOT_REQUIRED],
  ['appointment', '关于李某同志任职的通知', '经研究，任命李某同志为城管执法队副队长。', excluded(X.COMMENDATION_SANCTION_APPOINTMENT), V.NOT_REQUIRED],
  ['实施细则 not yet judged', '餐饮业油烟排放管理实施细则', '餐饮经营者应当安装油烟净化设施。', UNKNOWN, V.NEEDS_CONFIRMATION],
  ['unjudged without flags', '关于社区服务时间安排的说明', '社区服务中心周一至周五开放。', UNKNOWN, V.NEEDS_CONFIRMATION],
  ['project approval', '关于2026年度社区环境整治项目立项的批复', '同意你社区环境整治项目立项，所需经费按程序列支。', excluded(X.BUDGET_FUNDS_PROJECT), V.NOT_REQUIRED],
  ['规定', '白云湖街出租屋电子门禁管理规定', '出租屋应当安装电子门禁系统。', ALL, V.FILING_REQUIRED],
  ['technical procedure', '出租屋电子门禁系统操作规程', '第一步：登录管理平台。第二步：录入住户信息。', excluded(X.TECHNICAL_PROCEDURE), V.NOT_REQUIRED],
  ['specific decision', '关于对某餐饮店限期整改的决定', '请你店于7日内完成油烟净化设施整改。', excluded(X.SPECIFIC_MATTER_DECISION), V.NOT_REQUIRED],
  ['Party document', '中共白云湖街工作委员会关于规范社区“两委”议事决策的若干规定', '社区“两委”研究重大事项应当集体讨论。', ALL, V.FILING_REQUIRED],
  ['development plan', '白云湖街经济社会发展“十五五”规划', '到2030年，建成数字文化产业集聚区。', excluded(X.DEVELOPMENT_PLAN), V.NOT_REQUIRED],
  ['实施意见 judged not normative', '关于推进村级工业园改造的实施意见', '各经济联社积极推进改造。', NOT_BINDING, V.NEEDS_CONFIRMATION],
  ['licence conditions', '白云湖街户外广告设置准入管理办法', '设置户外广告应当取得许可，并符合下列条件。', ALL, V.FILING_REQUIRED],
];

describe('filing-obligation assessment (R-ND-1, R-ND-2)', () => {
  it('covers at least 20 realistic cases with every verdict', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    for (const v of Object.values(V)) expect(CASES.some((c) => c[4] === v)).toBe(true);
  });

  it.each(CASES)('%s → %#', (_label, title, text, answers, verdict) => {
    const r = assessFilingObligation({ title, text, answers });
    expect(r.verdict).toBe(verdict);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) expect(reason.rule).toMatch(/^R-ND-\d+$/);
  });

  it('never answers NOT_REQUIRED while red flags are present', () => {
    for (const [, title, text, answers] of CASES) {
      const r = assessFilingObligation({ title, text, answers });
      if (r.verdict === V.NOT_REQUIRED) expect(r.redFlags).toEqual([]);
    }
  });

  it('reports where each red flag was found', () => {
    const r = assessFilingObligation({ title: '白云湖街出租屋消防安全管理办法', text: '出租人应当配置灭火器材，不得将仓库出租用于居住。', answers: NOT_BINDING });
    expect(r.redFlags.map((f) => `${f.where}:${f.term}`)).toEqual(['TITLE:办法', 'TEXT:应当', 'TEXT:不得']);
    expect(r.redFlags[1]!.excerpt).toContain('出租人应当配置');
    expect(r.reasons.map((x) => x.message).join()).toContain('须由备案员确认');
  });
});

describe('confirming the verdict (R-ND-2)', () => {
  it('needs a reason only to confirm something other than the system’s verdict', () => {
    expect(confirmationViolations({ assessedVerdict: V.FILING_REQUIRED, confirmedVerdict: V.FILING_REQUIRED, reason: null })).toEqual([]);
    expect(confirmationViolations({ assessedVerdict: V.NEEDS_CONFIRMATION, confirmedVerdict: V.NOT_REQUIRED, reason: '仅规范内部工作流程' })).toEqual([]);
    for (const reason of [null, undefined, '', '   ']) {
      const v = confirmationViolations({ assessedVerdict: V.NEEDS_CONFIRMATION, confirmedVerdict: V.FILING_REQUIRED, reason });
      expect(v.map((x) => `${x.rule}:${x.code}`)).toEqual(['R-ND-2:OVERRIDE_REASON_REQUIRED']);
      expect(v[0]!.message).toMatch(/\(R-ND-2\)$/);
    }
  });
});
