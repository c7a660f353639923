import type { MikroORM } from '@mikro-orm/postgresql';
import { localDateOf } from '../core/clock';
import { DecisionCategory } from '../directory/directory.enums';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { Issuer } from '../normative/normative.enums';
import { ProposalSource } from '../proposal/proposal.enums';
import { createServices, type AppDeps } from '../services';
import { DecisionDirectory } from '../directory/directory.entity';
import { addCalendarDays } from '../calendar/working-days';
import { EnforcementMeasureKind, EnforcementProcedureKind, EvidenceKind, PartyKind } from '../enforcement/enforcement.enums';
import { ReviewSubjectType } from '../review/review.enums';

/**
 * Sample work for the demo street office, after the seed report: this year's published directory,
 * a proposal in drafting under it, a normative-document candidate awaiting the filing officer's
 * confirmation, and an enforcement case of the 城管执法队 (a fine and a suspension of business) submitted for legal review. Created through the services, so the audit trail tells the story too.
 * Skipped when this year's directory already exists.
 */
export async function loadDemoSamples(orm: MikroORM, deps: AppDeps): Promise<boolean> {
  const em = orm.em.fork();
  const year = Number(localDateOf(deps.clock.now(), deps.config.timeZone).slice(0, 4));
  if (await em.count(DecisionDirectory, { year })) return false;
  const user = async (username: string) => em.findOneOrFail(User, { username });
  const dept = async (code: string) => (await em.findOneOrFail(Department, { code })).id;
  const [director, drafter, filing, enforcer] = [await user('director'), await user('drafter'), await user('filing'), await user('drafter2')];
  const s = createServices(em, deps);

  let directory = await s.directory.create(director, { year, title: `白云湖街${year}年度重大行政决策事项目录` });
  const item = async (title: string, category: DecisionCategory, sponsor: string, quarter: number, legalBasis: string, reason: string) => {
    const added = await s.directory.addItem(director, { directoryId: directory.id, title, category, sponsorDepartmentId: await dept(sponsor), legalBasis, plannedQuarter: quarter, reason });
    directory = added.directory;
    return added.item;
  };
  const esports = await item(
    '白云湖街促进电子竞技产业发展扶持办法',
    DecisionCategory.PUBLIC_POLICY,
    'JJFZ',
    2,
    '《优化营商环境条例》；《广州市促进电竞产业发展的若干措施》',
    '扶持电竞产业本土品牌，涉及辖区企业切身利益',
  );
  await item('白云湖街餐饮业油烟排放专项整治方案', DecisionCategory.PUBLIC_POLICY, 'CGZF', 3, '《中华人民共和国大气污染防治法》', '涉及867家餐饮经营者，社会关注度高');
  await item('夏茅村级工业园升级改造规划', DecisionCategory.IMPORTANT_PLAN, 'JJFZ', 4, '《广州市村级工业园整治提升实施意见》', '约100亩工业园改造，影响集体经济组织和企业');
  directory = await s.directory.recordPartyApproval(director, {
    directoryId: directory.id,
    version: directory.version,
    approvedOn: `${year}-01-08`,
    reference: `街党工委会议纪要〔${year}〕1号`,
  });
  await s.directory.publish(director, { directoryId: directory.id, version: directory.version });

  let proposal = await s.proposals.create(drafter, {
    title: '白云湖街促进电子竞技产业发展扶持办法',
    source: ProposalSource.DEPARTMENT,
    problem: '电竞企业扶持缺少统一、公开的申报规则',
    legalBasis: '《优化营商环境条例》第六十二条',
    preliminaryPlan: '设立电竞产业扶持资金，明确申报条件、评审程序和资金监管',
    necessity: '培育电竞产业本土品牌，推动产业转型升级',
    feasibility: '云湖竞城已承办多项赛事，具备产业基础',
    flags: { affectsPublicInterest: true, specialised: false, stabilityRisk: false, touchesMarketEntities: true, viewsDifferWidely: false },
  });
  proposal = await s.proposals.include(director, { proposalId: proposal.id, version: proposal.version, directoryItemId: esports.id });
  await s.drafting.addDraft(drafter, {
    proposalId: proposal.id,
    text: '第一条 为促进本街道电子竞技产业发展，制定本办法。\n第二条 在本街道注册的电竞企业，符合下列条件的，可以申请扶持资金。',
    changeNote: '初稿',
  });

  const candidate = await s.normative.create(drafter, {
    title: '白云湖街出租屋消防安全管理办法',
    issuer: Issuer.STREET_OFFICE,
    text: '第一条 为加强出租屋消防安全管理，制定本办法。\n第二条 出租人应当配置灭火器材，不得将仓库出租用于居住。',
    affectsBusinessesOrPublic: true,
    touchesMarketEntities: false,
  });
  await s.normative.assess(filing, {
    documentId: candidate.id,
    answers: { issuedWithinAuthority: true, affectsRights: true, generallyBinding: null, appliedRepeatedly: true, excludedType: null },
  });
  await enforcementSample(s, enforcer, localDateOf(deps.clock.now(), deps.config.timeZone));
  return true;
}

/**
 * A 城管执法队 case with its complete package, submitted for legal review: major because it orders a
 * suspension of business (《大气污染防治法》第一百一十八条: 拒不改正的，责令停业整治), it waits in the advisor's queue.
 */
async function enforcementSample(s: ReturnType<typeof createServices>, enforcer: User, today: string): Promise<void> {
  const daysAgo = (n: number) => addCalendarDays(today, -n);
  let c = await s.enforcementCases.create(enforcer, {
    title: '广州市某餐饮管理有限公司未安装油烟净化设施排放油烟案',
    party: { kind: PartyKind.ORGANISATION, name: '广州市某餐饮管理有限公司', idNumber: '91440111MA59XXXX0X' },
  });
  c = await s.enforcementCases.update(enforcer, {
    caseId: c.id,
    version: c.version,
    factsFound: '当事人在白云湖街某路经营餐饮服务，未安装油烟净化设施，油烟直排，经监测油烟排放浓度超过国家标准2.3倍；经责令改正后拒不改正，周边居民多次投诉。',
    legalBasis: {
      lawName: '《中华人民共和国大气污染防治法》',
      article: '第八十一条第一款、第一百一十八条第一款',
      discretionStandard: '《广州市城市管理综合执法自由裁量权基准》油烟类：经责令改正拒不改正，情节严重，第3档（三万元以上五万元以下罚款），并责令停业整治',
    },
  });
  for (const [kind, title, description] of [
    [EvidenceKind.INSPECTION_RECORD, '现场检查笔录', '执法人员现场检查，未见油烟净化设施（2页）'],
    [EvidenceKind.ELECTRONIC_DATA, '油烟在线监测数据', '连续7日监测数据，超标2.3倍'],
    [EvidenceKind.PARTY_STATEMENT, '询问笔录', '当事人承认未安装油烟净化设施（3页）'],
  ] as const) {
    await s.enforcementCases.addEvidence(enforcer, { caseId: c.id, kind, title, description, obtainedOn: daysAgo(20) });
  }
  for (const [name, certificateNumber] of [
    ['张执法', '44011100123'],
    ['王执法', '44011100124'],
  ] as const) {
    await s.enforcementCases.addOfficer(enforcer, { caseId: c.id, name, certificateNumber, certificateValidUntil: addCalendarDays(today, 365) });
  }
  for (const [kind, occurredOn, note] of [
    [EnforcementProcedureKind.INVESTIGATION, daysAgo(20), '立案调查，现场检查并制作笔录'],
    [EnforcementProcedureKind.RIGHTS_NOTIFICATION, daysAgo(10), '送达行政处罚事先告知书，告知陈述、申辩和要求听证的权利'],
    [EnforcementProcedureKind.STATEMENT_AND_DEFENCE, daysAgo(6), '当事人书面陈述申辩，明确放弃听证'],
  ] as const) {
    await s.enforcementCases.recordProcedure(enforcer, { caseId: c.id, kind, occurredOn, note });
  }
  const { enforcementCase } = await s.enforcementCases.addProposedDecision(enforcer, {
    caseId: c.id,
    text: '行政处罚决定书（拟）\n当事人：广州市某餐饮管理有限公司\n一、处罚款人民币伍万元整；\n二、责令停业整治，至安装油烟净化设施并经检测达标之日止。',
    changeNote: '拟作出的处罚决定',
    measure: { kinds: [EnforcementMeasureKind.FINE, EnforcementMeasureKind.SUSPENSION_OF_PRODUCTION_OR_BUSINESS], fineAmount: '50000.00' },
  });
  await s.reviewIntake.request(enforcer, { subjectType: ReviewSubjectType.ENFORCEMENT_DECISION, subjectId: enforcementCase.id, subjectVersion: enforcementCase.version });
}
