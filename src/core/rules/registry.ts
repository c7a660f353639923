/**
 * The rules registry (规则库): every rule id the code cites, with its short Chinese title, the legal
 * source it comes from, the configuration keys that set its numbers, and the rule itself as the
 * system enforces it. `docs/rules.md` is generated from this file (`npm run docs:rules`) and the
 * `rules` query returns it, so a reader resolves any id in an error without leaving the repository.
 *
 * `advisory` marks a rule that describes what the system keeps or offers (a register, an export)
 * rather than a guard that refuses something: such a rule may be cited by no violation. A test fails
 * when a violation cites an id that is not here, or when a non-advisory rule is cited nowhere.
 */

export interface RuleEntry {
  id: string;
  /** Short Chinese title (规则名称). */
  title: string;
  /** Area of the rule book. */
  area: RuleArea;
  /** The legal source: law and article. */
  source: string;
  /** Keys of the rules configuration (RULES_FILE) that set this rule's numbers, e.g. `decision.consultationMinDays`. */
  configKeys: string[];
  /** The rule as the system enforces it. */
  text: string;
  advisory?: boolean;
}

export type RuleArea = 'DIRECTORY' | 'DECISION' | 'LEGALITY_REVIEW' | 'ENFORCEMENT' | 'NORMATIVE' | 'ANNUAL_REPORT' | 'NOTICES';

export const RULE_AREA_TITLES: Record<RuleArea, string> = {
  DIRECTORY: '决策事项目录 (decision directory)',
  DECISION: '重大行政决策程序 (decision procedure)',
  LEGALITY_REVIEW: '合法性审查 (legality review)',
  ENFORCEMENT: '重大执法决定法制审核 (major law-enforcement decisions)',
  NORMATIVE: '规范性文件备案 (normative documents and filing)',
  ANNUAL_REPORT: '年度统计 (annual figures)',
  NOTICES: '期限提醒与通知 (reminders and notices)',
};

const DECREE_713 = '《重大行政决策程序暂行条例》（国务院令第713号）';
const FILING_REG = '《法规规章备案审查条例》';
const PARTY_FILING = '《中国共产党党内法规和规范性文件备案审查规定》';
const GOV_37 = '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）';
const GOV_118 = '《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）';

const ENTRIES = [
  // ---------------------------------------------------------------- directory
  {
    id: 'R-DIR-1',
    title: '年度决策事项目录',
    area: 'DIRECTORY',
    source: `${DECREE_713} 第四条`,
    configKeys: [],
    text: 'Each deciding organ keeps one directory per year. Items have: title, category, sponsor department, legal basis, planned time (quarter), reason for inclusion.',
  },
  {
    id: 'R-DIR-2',
    title: '目录事项范围与排除事项',
    area: 'DIRECTORY',
    source: `${DECREE_713} 第三条`,
    configKeys: [],
    text: 'Categories: public policy and measures (services, market regulation, social management, environment); important plans; natural/cultural resource policy; major public construction projects; other matters of major public interest. Excluded from the procedure: fiscal/monetary macro-control, law-making, emergency response. An excluded matter cannot be added.',
  },
  {
    id: 'R-DIR-3',
    title: '目录经党委同意后公布，公布后只能调整',
    area: 'DIRECTORY',
    source: `${DECREE_713} 第四条`,
    configKeys: [],
    text: 'A directory is published only after the same-level Party committee agreed (Party approval recorded first). Once published, items are never edited in place: an adjustment (add, withdraw, reschedule) is a recorded event with a reason, and the published history stays visible.',
  },
  {
    id: 'R-DIR-4',
    title: '纳入目录方可启动决策程序',
    area: 'DIRECTORY',
    source: `${DECREE_713} 第四条、第十条`,
    configKeys: [],
    text: 'A proposal enters the decision procedure only when linked to an item of a published directory (or of a recorded adjustment). Until then it is "awaiting inclusion".',
  },
  // ---------------------------------------------------------------- decision procedure
  {
    id: 'R-DEC-1',
    title: '决策启动',
    area: 'DECISION',
    source: `${DECREE_713} 第十条、第十一条`,
    configKeys: [],
    text: 'A proposal names its source (leadership, department, deputies/CPPCC members, public suggestion), its sponsor (lead) department, the problem, legal basis, preliminary plan, necessity and feasibility.',
  },
  {
    id: 'R-DEC-2',
    title: '草案版本、备选方案与分歧记录',
    area: 'DECISION',
    source: `${DECREE_713} 第十二条、第十三条`,
    configKeys: [],
    text: 'Drafts are versioned; every version keeps its text, author, time and a content hash. Where views differ widely, at least 2 alternatives are recorded. Unresolved disagreements between departments are recorded.',
  },
  {
    id: 'R-DEC-3',
    title: '法定程序由标记确定，不得擅自取消',
    area: 'DECISION',
    source: `${DECREE_713} 第十四条、第十九条、第二十二条、第二十九条；《公平竞争审查条例》第十八条`,
    configKeys: [],
    text: "Required procedures are derived from flags on the proposal and can be added by the deciding organ, never silently dropped: affects the public's vital interests → public consultation; highly specialised → expert review; may harm social stability or public safety → risk assessment; touches market entities' economic activity → fair-competition review.",
  },
  {
    id: 'R-DEC-4',
    title: '公开征求意见',
    area: 'DECISION',
    source: `${DECREE_713} 第十四条至第十八条`,
    configKeys: ['decision.consultationMinDays'],
    text: 'The public-consultation window is at least the configured number of days (30 by default); a shorter window needs a stated reason. Each received opinion is registered and answered adopted / not adopted with a reason; the adoption summary is part of the deliberation package.',
  },
  {
    id: 'R-DEC-5',
    title: '听证',
    area: 'DECISION',
    source: `${DECREE_713} 第十六条、第十七条`,
    configKeys: ['decision.hearingMaterialsLeadDays'],
    text: 'A hearing (optional) publishes its participant list in advance; materials reach participants at least the configured number of days before (7 by default); the record is signed by participants.',
  },
  {
    id: 'R-DEC-6',
    title: '专家论证',
    area: 'DECISION',
    source: `${DECREE_713} 第十九条至第二十一条`,
    configKeys: [],
    text: "Expert review consists of written, signed opinions; experts with a direct interest are excluded; each opinion's adoption is recorded.",
  },
  {
    id: 'R-DEC-7',
    title: '风险评估',
    area: 'DECISION',
    source: `${DECREE_713} 第二十二条至第二十四条`,
    configKeys: [],
    text: 'A risk assessment is a report with risk points, measures and a contingency plan; risk level LOW / MEDIUM / HIGH. A HIGH level blocks deliberation until mitigated and re-assessed.',
  },
  {
    id: 'R-DEC-8',
    title: '未经合法性审查不得提交讨论',
    area: 'DECISION',
    source: `${DECREE_713} 第二十五条`,
    configKeys: [],
    text: 'Legality review is mandatory before deliberation and cannot be replaced by consultation. A proposal that was not reviewed, or whose opinion is UNLAWFUL, may not be submitted to deliberation. Only an exploratory reform may go forward with the legal risk stated explicitly (conclusion EXPLORATORY_RISK_DISCLOSED).',
  },
  {
    id: 'R-DEC-9',
    title: '审查意见覆盖所讨论的草案',
    area: 'DECISION',
    source: `${DECREE_713} 第二十七条、第二十八条`,
    configKeys: [],
    text: 'The opinion pins the draft version (hash) it reviewed. If the draft changes after the opinion, the reviewer must confirm the change (or re-review) before deliberation, and no opinion may be issued over a text other than the pinned one. Required findings must each have a drafter response (adopted / not adopted + reason). After an approval with changes, the legal advisor confirms the amended text before the meeting\'s chair does when the sponsor declares it concerns findings of the opinion in force (findings of another opinion are refused), and whenever that opinion has must-fix findings — declared or not; the advisor may instead return it.',
  },
  {
    id: 'R-DEC-10',
    title: '提交讨论的材料齐全',
    area: 'DECISION',
    source: `${DECREE_713} 第二十九条`,
    configKeys: [],
    text: 'The deliberation package holds: current draft; consultation adoption summary (if consulted); expert-opinion adoption (if reviewed); risk report (if assessed); fair-competition review (if required); legality opinion. A missing element blocks submission and is named in the error.',
  },
  {
    id: 'R-DEC-11',
    title: '集体讨论决定',
    area: 'DECISION',
    source: `${DECREE_713} 第三十条、第三十八条`,
    configKeys: ['decision.deliberationQuorumShare'],
    text: "Deliberation happens at a meeting of a standing body — the Party working committee meeting or the director's office meeting — whose members (deputies marked) and head administrators keep as dated periods, every change audited and taking effect only after the body's latest meeting. A meeting's roll is the body's members on its date, with attendance and a reason for every absence; the quorum is more than the configured share (1/2 by default) of that roll. The chair is the body's head on that date, or a present deputy to whom the head delegated the chair by a recorded delegation; only a present chair decides. Each present member's position is recorded, the member named by user id (support / oppose / abstain / conditional — a conditional support states its condition — with remarks); dissent is recorded truthfully; the chair speaks last and decides: approve, approve with changes (stating the changes required), reject, defer, return for revision. Any decision that departs from the majority — approving what it opposes; rejecting, deferring or returning what it supports — needs a reason. Finalised minutes are immutable.",
  },
  {
    id: 'R-DEC-12',
    title: '签发通过的版本',
    area: 'DECISION',
    source: `${DECREE_713} 第三十条`,
    configKeys: [],
    text: 'Sign-off happens only after an approval; the signed version must equal the approved version — after an approval with changes, the amended text the sponsor recorded against the stated changes and the meeting\'s chair confirmed as matching the decision (after the legal advisor where R-DEC-9 asks), never the deliberated draft. Once approved, a proposal\'s text changes only that way. It is signed by a user with the decision-maker role and gets a document number.',
  },
  {
    id: 'R-DEC-13',
    title: '公布前向党委报告',
    area: 'DECISION',
    source: `${DECREE_713} 第三十一条`,
    configKeys: [],
    text: 'A decision is reported to the Party committee before release (the Party report date is recorded).',
  },
  {
    id: 'R-DEC-14',
    title: '决策公布',
    area: 'DECISION',
    source: `${DECREE_713} 第三十二条；《政府信息公开条例》第二十六条`,
    configKeys: ['decision.publicationDueWorkingDays'],
    text: 'Channel and date of publication are recorded; publication is due within the configured number of working days of sign-off (20 by default); overdue is flagged. For decisions of broad concern the publication explains how public and expert opinions were used.',
  },
  {
    id: 'R-DEC-15',
    title: '决策档案',
    area: 'DECISION',
    source: `${DECREE_713} 第三十三条`,
    configKeys: [],
    text: "Every step's record and material is kept; a complete archive of one decision can be exported.",
    advisory: true,
  },
  {
    id: 'R-DEC-16',
    title: '决策执行、评估与调整',
    area: 'DECISION',
    source: `${DECREE_713} 第三十四条至第三十七条`,
    configKeys: [],
    text: 'An executing unit reports on execution; post-evaluation may be run (the assessor may not be the unit that did the pre-decision risk assessment); a decision can be suspended, and changed only through the procedure again.',
  },
  // ---------------------------------------------------------------- legality review
  {
    id: 'R-LR-1',
    title: '合法性审查对象',
    area: 'LEGALITY_REVIEW',
    source: `${DECREE_713} 第二十五条；${GOV_37}`,
    configKeys: [],
    text: 'Decision proposals, normative documents, contracts and major law-enforcement decisions are reviewed by one review engine.',
    advisory: true,
  },
  {
    id: 'R-LR-2',
    title: '送审材料齐全，退回补充期间不计时',
    area: 'LEGALITY_REVIEW',
    source: `${DECREE_713} 第二十六条`,
    configKeys: ['review.packages'],
    text: "A submission carries the draft and its subject type's package, and is refused with one violation per missing item, all named at once; each subject shows the same list before it is submitted (a proposal's blockers, a contract's and a normative document's reviewBlockers). The items are configured per subject type: a decision proposal's drafting explanation, legal basis and explanation of the statutory procedures performed (plus the materials its required procedures produced); a contract's counterparty and the counterparty's qualification (stated and proven), legal basis, negotiation record, amount and term; a normative document's drafting explanation, legal basis, consultation record and, when it touches market entities, fair-competition review. The text, the materials and (for a contract) its facts are pinned with their hashes. The reviewer may return an incomplete submission for supplement; the clock does not run while it waits.",
  },
  {
    id: 'R-LR-3',
    title: '审查期限',
    area: 'LEGALITY_REVIEW',
    source: `${DECREE_713} 第二十六条`,
    configKeys: ['review.minReviewWorkingDays', 'review.reviewDueWorkingDays', 'review.extensionWorkingDays'],
    text: 'The reviewer is guaranteed at least the configured minimum (7 working days); the review is due the configured number of working days after acceptance (10), extendable once by up to the configured extension (10) with a reason. Working days follow the mainland-China calendar: public holidays are off and make-up working days (调休) are working days.',
  },
  {
    id: 'R-LR-4',
    title: '审查范围：权限、程序、内容',
    area: 'LEGALITY_REVIEW',
    source: `${DECREE_713} 第二十七条`,
    configKeys: [],
    text: 'An opinion is issued only when it states a conclusion (compliant, needs amendment, not compliant) for each aspect its subject type requires — authority (主体与权限), procedure (程序) and content (内容: conformity with laws, regulations, rules and national policy) — and for no other; an aspect found wanting names its findings, and a must-fix finding never sits under an aspect found compliant. Each finding names one of the subject type\'s aspects, whether it must be fixed, and the legal basis it relies on (law name + article). The aspects and their checklists are declared by each subject type.',
  },
  {
    id: 'R-LR-5',
    title: '审查结论与意见书不可更改',
    area: 'LEGALITY_REVIEW',
    source: `${DECREE_713} 第二十八条`,
    configKeys: [],
    text: 'Conclusions: LAWFUL (every aspect compliant); LAWFUL_WITH_AMENDMENTS (findings to apply; no aspect not compliant); UNLAWFUL (at least one aspect not compliant); EXPLORATORY_RISK_DISCLOSED (decisions only). The opinion covers exactly the text pinned for review; it is signed by the advisor and is immutable once issued, with its findings and aspect conclusions; a correction is a new opinion that supersedes it.',
  },
  {
    id: 'R-LR-6',
    title: '两级审查（可配置）',
    area: 'LEGALITY_REVIEW',
    source: '广东省重大行政决策合法性审查工作规定',
    configKeys: ['review.twoTierReview'],
    text: "When configured, a first review by the sponsor's own legal staff is required before the legality review; co-signing never replaces either.",
  },
  // ---------------------------------------------------------------- enforcement
  {
    id: 'R-EN-1',
    title: '重大执法决定的范围',
    area: 'ENFORCEMENT',
    source: `${GOV_118}；《行政处罚法》第五十八条`,
    configKeys: [
      'enforcement.majorFineIndividualYuan',
      'enforcement.majorFineOrganisationYuan',
      'enforcement.majorConfiscationValueYuan',
      'enforcement.majorMeasures',
      'enforcement.majorCircumstances',
    ],
    text: "Before a major enforcement decision is made it must pass legal review. Whether a case's proposed decision is major is computed, with every reason, from the configured list: a fine at or above the threshold for individuals (10,000 yuan) or for organisations (100,000 yuan); a listed measure (suspension of production or business, licence revocation, order to close); a confiscation worth at least the configured value (100,000 yuan); a listed circumstance (major public interest, social risk, a hearing was required, complex case). A major decision cannot be recorded without a concluded review of its present package (a reopened investigation needs a new review); a case off the list may be submitted voluntarily, and the submission records that it was.",
  },
  {
    id: 'R-EN-2',
    title: '法制审核送审材料',
    area: 'ENFORCEMENT',
    source: `${GOV_118}；《行政处罚法》第四十二条、第五十八条`,
    configKeys: ['enforcement.minOfficers'],
    text: 'The package holds the proposed decision (a versioned text) with its measure (a fine with its amount, a confiscation with its value); the facts found and the evidence list; the legal basis (law, article) and the discretion standard applied; the procedure record (investigation, notification of rights, statements and defence, a hearing where one was required) in that order, no date in the future; at least the configured number of officers (2) with enforcement certificates in force. A submission is refused listing every missing part; the package changes only while the team investigates and is pinned part by part with its hashes. The reviewer may return an incomplete package; the clock pauses.',
  },
  {
    id: 'R-EN-3',
    title: '法制审核范围',
    area: 'ENFORCEMENT',
    source: GOV_118,
    configKeys: [],
    text: "The review covers the enforcement body's authority and the officers' qualification; whether the facts are clear and the evidence conclusive; whether the law applied is correct; whether the procedure is lawful; whether the discretion is appropriate; whether the documents are in order. A finding names one of these aspects (AUTHORITY, FACTS_AND_EVIDENCE, LEGAL_BASIS, PROCEDURE, DISCRETION, DOCUMENTS) and the law and article it relies on; an opinion is issued only with a conclusion on every aspect (at least one finding naming each, every missing aspect listed), so a refusal or a return states its findings too.",
  },
  {
    id: 'R-EN-4',
    title: '法制审核期限与结论',
    area: 'ENFORCEMENT',
    source: GOV_118,
    configKeys: ['enforcement.reviewDueWorkingDays', 'enforcement.extensionWorkingDays'],
    text: 'Due the configured number of working days after acceptance (5), extendable once by at most the configured extension (5) with a reason. Conclusions: AGREED, AGREED_WITH_AMENDMENTS (with must-fix findings), RETURNED_FOR_FURTHER_INVESTIGATION, NOT_AGREED. The decision is never recorded while a review is open; after a review it is recorded on the text reviewed (or an amended text the advisor confirmed), on or after the opinion; a decision departing from a NOT_AGREED or RETURNED_FOR_FURTHER_INVESTIGATION conclusion is refused unless a collective discussion by the leadership is recorded: a finalised meeting held on or after the opinion and on or before the decision whose minutes (or a correction appended to them) name the case by its number, with the conclusion and reason of the discussion. A decided case is immutable.',
  },
  // ---------------------------------------------------------------- normative documents
  {
    id: 'R-ND-1',
    title: '规范性文件的认定',
    area: 'NORMATIVE',
    source: `${GOV_37}；${PARTY_FILING} 第二条`,
    configKeys: [],
    text: 'A document is normative when all four hold: issued by an administrative (or Party) organ within its authority; affects rights or obligations of citizens, legal persons or other organisations; generally binding on unspecified persons; applied repeatedly. Excluded types: internal management rules; staffing documents; meeting minutes; work plans; requests and reports; commendations, sanctions and appointments; personnel/finance/foreign-affairs documents of directly managed units; technical operating procedures; decisions on specific matters; budget allocations and project approvals; emergency plans; development plans. Substance beats the title.',
  },
  {
    id: 'R-ND-2',
    title: '报备判定与确认',
    area: 'NORMATIVE',
    source: `${GOV_37}；${PARTY_FILING}`,
    configKeys: [],
    text: 'The system asks the R-ND-1 checklist, scans title and text for red flags (titles 办法/规定/细则/实施意见/通告; words 许可, 处罚, 强制, 收费, 准入, 资格, 条件, 补贴, 应当, 不得) and answers FILING_REQUIRED / NOT_REQUIRED / NEEDS_CONFIRMATION with reasons. A filing officer confirms or overrides it; an override needs a reason. Answers saying NOT_REQUIRED while red flags are present give NEEDS_CONFIRMATION, never NOT_REQUIRED.',
  },
  {
    id: 'R-ND-3',
    title: '报备渠道',
    area: 'NORMATIVE',
    source: `${FILING_REG}；${PARTY_FILING}`,
    configKeys: [],
    text: "Documents issued by the street office are filed with the district government (via its justice bureau); documents of the Party working committee with the district Party committee's filing office. Joint documents are filed by the lead issuer.",
    advisory: true,
  },
  {
    id: 'R-ND-4',
    title: '公布前的发布条件',
    area: 'NORMATIVE',
    source: `${GOV_37}`,
    configKeys: ['normative.publicCommentMinDays', 'normative.publicCommentMinWorkingDaysOther', 'normative.effectiveDelayMinDays'],
    text: 'Before release a normative document needs: a confirmed assessment; a legality review with a non-UNLAWFUL opinion on the final text; collective deliberation by the issuer\'s own body (director\'s office meeting for the street office, Party working committee meeting for the Party working committee), linked as an agenda item of a meeting held on or before publication whose finalised minutes record an approval (after a plain approval, of the released text); a unified registration number; an effective date and a validity period within the maximum; public comment of at least the configured days (30) if it affects businesses or the public (7 working days elsewhere where allowed); a fair-competition review whose latest conclusion is COMPLIANT if it touches market entities (NEEDS_CHANGE is unresolved, NON_COMPLIANT may not be issued); the market-entities flag departs from what the title and text suggest (subsidies, qualifications, market access, procurement …) only with a reason; an effective date at least the configured days (30) after publication unless an urgent reason is recorded. A document goes on its body\'s agenda only reviewed and not unlawful, with its fair-competition review resolved. Title, issuer and flags are corrected before release with a reason, audited. Every missing element is a named blocker.',
  },
  {
    id: 'R-ND-5',
    title: '统一登记、统一编号',
    area: 'NORMATIVE',
    source: `${GOV_37}（三统一）`,
    configKeys: ['normative.numberFormatStreetOffice', 'normative.numberFormatPartyCommittee'],
    text: 'Registration numbers are assigned by the system at registration, one sequence per issuer per year, never reused, no gaps (e.g. 云湖街规〔2026〕3号); Party documents have their own sequence. Concurrent registrations never get the same number.',
  },
  {
    id: 'R-ND-6',
    title: '报备期限与报备材料',
    area: 'NORMATIVE',
    source: `${FILING_REG} 第四条；${PARTY_FILING}`,
    configKeys: ['normative.filingDueDays', 'normative.filingMaterials'],
    text: 'A document is filed within the configured number of calendar days of publication (30). Materials: filing report; official text; drafting explanation (with the legal review opinion, and the reason if it takes effect less than 30 days after publication); statement of legal basis (configurable list).',
  },
  {
    id: 'R-ND-7',
    title: '备案审查结果',
    area: 'NORMATIVE',
    source: `${FILING_REG}`,
    configKeys: ['normative.correctionDueDays'],
    text: 'The supervising body registers the filing, or defers it for missing materials (correction due within the configured days, 15); the review ends with no issue, or with a correction request tracked to closure.',
  },
  {
    id: 'R-ND-8',
    title: '有件必备：备案预警',
    area: 'NORMATIVE',
    source: `${FILING_REG}；${PARTY_FILING}`,
    configKeys: ['normative.flagDueSoonDays'],
    text: 'The system flags, across all documents: released but not filed (due soon, overdue); filed late; deferred and not corrected in time; released although the assessment is unconfirmed; assessed NOT_REQUIRED but showing red flags (possible missed filing); missing materials. Filing, on-time and conformity rates are computed.',
    advisory: true,
  },
  {
    id: 'R-ND-9',
    title: '有效期',
    area: 'NORMATIVE',
    source: `${GOV_37}`,
    configKeys: ['normative.validityMaxYears', 'normative.provisionalValidityMaxYears', 'normative.validityWithoutPeriod', 'normative.evaluationLeadMonths'],
    text: 'Validity is at most the configured years (5); documents titled 暂行/试行 at most 2; without a stated period the maximum applies (policy MAXIMUM, the default: the release records it as defaulted), or the release is refused until one is stated (policy REFUSE). Evaluation starts the configured months (6) before expiry; a document expires at the end of its period.',
  },
  {
    id: 'R-ND-10',
    title: '清理与公布',
    area: 'NORMATIVE',
    source: `${GOV_37}`,
    configKeys: [],
    text: "Expired, repealed and amended documents are listed for publication; clean-up campaigns record each document's outcome (keep, amend, repeal) with a reason.",
  },
  {
    id: 'R-ND-11',
    title: '规范性文件内容禁止事项',
    area: 'NORMATIVE',
    source: '《优化营商环境条例》第六十四条',
    configKeys: [],
    text: "Without a basis in law or regulation a normative document may not create licences, penalties or coercive measures, reduce rights or add obligations, set market entry/exit conditions, or interfere in business operations. The legality opinion on a normative document answers each of these for its content aspect (not involved / involved with a basis / involved without a basis), naming the law and article where a basis is claimed; an opinion that leaves one unanswered, or finds the content compliant although a provision lacks its basis, is not issued.",
  },
  // ---------------------------------------------------------------- annual figures
  {
    id: 'R-AR-1',
    title: '统计口径',
    area: 'ANNUAL_REPORT',
    source: '法治政府建设年度报告',
    configKeys: [],
    text: 'A figure counts records, not events, unless it says so: "contracts reviewed" counts distinct contracts (reviews reported separately: contractReviews); "legal opinions" counts issued opinions (superseding corrections reported separately: corrections); each subject type reports distinct subjects, reviews, opinions and corrections; a case counts once in the year it was opened, its outcome in the year it closed. A mediation or an administrative case is closed exactly when it has an outcome and a closing day, on or after the day it was opened (CLOSING_DATE_REQUIRED, CLOSING_DATE_WITHOUT_OUTCOME, OUTCOME_BEFORE_CLOSING, CLOSED_BEFORE_OPENED). annualReport(year) returns every figure with the records behind it, by month and by department.',
  },
  {
    id: 'R-AR-2',
    title: '统计所依据的台账',
    area: 'ANNUAL_REPORT',
    source: '法治政府建设年度报告',
    configKeys: [],
    text: 'Registers behind the figures: legal consultations; disputes mediated; administrative reconsideration and litigation cases; rule-of-law publicity events; enforcement decisions reviewed. Each is kept per department and community where it applies, recorded by the department\'s own staff, the legal advisor or an administrator, seen by its department and the cross-department roles, changed only with the version read and audited. A register records what has happened: no day after today (DATE_IN_FUTURE); a reconsideration case has no court stage (STAGE_NOT_FOR_KIND); a closed case names its outcome — upheld, corrected, revoked, withdrawn or settled (OUTCOME_REQUIRED); a case number is registered once.',
  },
  {
    id: 'R-AR-3',
    title: '年度报告',
    area: 'ANNUAL_REPORT',
    source: '法治政府建设年度报告',
    configKeys: [],
    text: "The yearly rule-of-law report is drafted from these figures in the office's structure (main work with figures; problems drawn from the flags, overdue reviews and late filings; next year's plans left for the officer) and is edited by a person before it is used.",
    advisory: true,
  },
  // ---------------------------------------------------------------- reminders and notices
  {
    id: 'R-NT-1',
    title: '期限提醒',
    area: 'NOTICES',
    source: `${DECREE_713} 第二十六条、第三十二条；${FILING_REG} 第四条；${GOV_37}`,
    configKeys: ['reminders.reviewDueWithinWorkingDays', 'reminders.consultationClosingWithinDays', 'reminders.publicationDueWithinWorkingDays', 'normative.flagDueSoonDays', 'normative.evaluationLeadMonths'],
    text: 'A daily scan (REMINDER_SCAN_TIME in TZ_BUSINESS) and the events below notify the people a deadline concerns, at most once per person, subject, kind and day: a review due within the configured working days or overdue (the assigned advisor, or every advisor while unassigned, and the requester); a review returned and awaiting resubmission (the requester); a public consultation closing within the configured days (the proposal\'s drafter); a publication due within the configured working days or overdue (the signer and the drafter); a filing due within the flags\' due-soon days or overdue, a correction (补正) due or overdue, a validity ending within the evaluation lead months (the filing officers and the document\'s drafter); an opinion issued and each must-fix finding awaiting an answer (the requester). Each notice names the subject, the rule, the date and the console page.',
    advisory: true,
  },
] as const satisfies readonly RuleEntry[];

/** A rule id that exists in the registry: violations can only cite these (checked by the compiler). */
export type RuleId = (typeof ENTRIES)[number]['id'];

export const RULES: readonly RuleEntry[] = ENTRIES;

const BY_ID = new Map<string, RuleEntry>(RULES.map((r) => [r.id, r]));

export function ruleById(id: string): RuleEntry | undefined {
  return BY_ID.get(id);
}

export function isRuleId(id: string): id is RuleId {
  return BY_ID.has(id);
}
