import { registerEnumType } from 'type-graphql';

/** Decree 713 Art 3 categories (R-DIR-2). The last three are excluded from the procedure. */
export enum DecisionCategory {
  PUBLIC_POLICY = 'PUBLIC_POLICY',
  IMPORTANT_PLAN = 'IMPORTANT_PLAN',
  RESOURCE_POLICY = 'RESOURCE_POLICY',
  PUBLIC_CONSTRUCTION = 'PUBLIC_CONSTRUCTION',
  OTHER_PUBLIC_INTEREST = 'OTHER_PUBLIC_INTEREST',
  FISCAL_MONETARY = 'FISCAL_MONETARY',
  LAW_MAKING = 'LAW_MAKING',
  EMERGENCY_RESPONSE = 'EMERGENCY_RESPONSE',
}

export const EXCLUDED_CATEGORIES: ReadonlySet<DecisionCategory> = new Set([
  DecisionCategory.FISCAL_MONETARY,
  DecisionCategory.LAW_MAKING,
  DecisionCategory.EMERGENCY_RESPONSE,
]);

export const CATEGORY_LABELS: Record<DecisionCategory, string> = {
  PUBLIC_POLICY: '公共服务、市场监管、社会管理、环境保护等方面的重大公共政策和措施',
  IMPORTANT_PLAN: '经济和社会发展等方面的重要规划',
  RESOURCE_POLICY: '开发利用、保护重要自然资源和文化资源的重大公共政策和措施',
  PUBLIC_CONSTRUCTION: '重大公共建设项目',
  OTHER_PUBLIC_INTEREST: '对经济社会发展有重大影响、涉及重大公共利益或者社会公众切身利益的其他重大事项',
  FISCAL_MONETARY: '财政政策、货币政策等宏观调控决策（不适用本程序）',
  LAW_MAKING: '政府立法决策（不适用本程序）',
  EMERGENCY_RESPONSE: '突发事件应急处置决策（不适用本程序）',
};

registerEnumType(DecisionCategory, {
  name: 'DecisionCategory',
  description: 'Decision category (决策事项类别), Decree 713 Art 3',
  valuesConfig: Object.fromEntries(Object.entries(CATEGORY_LABELS).map(([k, v]) => [k, { description: v }])),
});

export enum DirectoryStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(DirectoryStatus, {
  name: 'DirectoryStatus',
  description: 'Directory status (目录状态)',
  valuesConfig: { DRAFT: { description: '编制中' }, PUBLISHED: { description: '已公布' } },
});

export enum DirectoryItemStatus {
  ACTIVE = 'ACTIVE',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(DirectoryItemStatus, {
  name: 'DirectoryItemStatus',
  valuesConfig: { ACTIVE: { description: '有效' }, WITHDRAWN: { description: '已调出目录' } },
});

export enum AdjustmentKind {
  ADD = 'ADD',
  WITHDRAW = 'WITHDRAW',
  RESCHEDULE = 'RESCHEDULE',
}
registerEnumType(AdjustmentKind, {
  name: 'AdjustmentKind',
  description: 'Directory adjustment (目录调整)',
  valuesConfig: { ADD: { description: '增加事项' }, WITHDRAW: { description: '调出事项' }, RESCHEDULE: { description: '调整计划时间' } },
});
