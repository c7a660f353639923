import type { MikroORM } from '@mikro-orm/postgresql';
import { localDateOf } from '../core/clock';
import { DecisionCategory } from '../directory/directory.enums';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import { Issuer } from '../normative/normative.enums';
import { ProposalSource } from '../proposal/proposal.enums';
import { createServices, type AppDeps } from '../services';
import { DecisionDirectory } from '../directory/directory.entity';

/**
 * Sample work for the demo street office, after the seed report: this year's published directory,
 * a proposal in drafting under it, and a normative-document candidate awaiting the filing
 * officer's confirmation. Created through the services, so the audit trail tells the story too.
 * Skipped when this year's directory already exists.
 */
export async function loadDemoSamples(orm: MikroORM, deps: AppDeps): Promise<boolean> {
  const em = orm.em.fork();
  const year = Number(localDateOf(deps.clock.now(), deps.config.timeZone).slice(0, 4));
  if (await em.count(DecisionDirectory, { year })) return false;
  const user = async (username: string) => em.findOneOrFail(User, { username });
  const dept = async (code: string) => (await em.findOneOrFail(Department, { code })).id;
  const [director, drafter, filing] = [await user('director'), await user('drafter'), await user('filing')];
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
  return true;
}
