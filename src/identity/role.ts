import { registerEnumType } from 'type-graphql';

/** What a user may do. A user may hold several roles. */
export enum Role {
  /** 起草部门经办人: submits and carries proposals for their own department. */
  DRAFTER = 'DRAFTER',
  /** 驻街法律顾问: legality review and legal opinions. */
  LEGAL_ADVISOR = 'LEGAL_ADVISOR',
  /** 备案员: normative-document assessment, registration numbers and filing. */
  FILING_OFFICER = 'FILING_OFFICER',
  /** 决策者: deliberates and signs off. */
  DECISION_MAKER = 'DECISION_MAKER',
  /** 系统管理员: departments, users and the directory. */
  ADMIN = 'ADMIN',
}
export const ALL_ROLES = Object.values(Role);

registerEnumType(Role, {
  name: 'Role',
  description: 'Role (角色)',
  valuesConfig: {
    DRAFTER: { description: '起草部门经办人 (drafting department)' },
    LEGAL_ADVISOR: { description: '法律顾问 (legal advisor)' },
    FILING_OFFICER: { description: '备案员 (filing officer)' },
    DECISION_MAKER: { description: '决策者 (decision maker)' },
    ADMIN: { description: '系统管理员 (administrator)' },
  },
});

export enum DepartmentKind {
  PARTY_COMMITTEE = 'PARTY_COMMITTEE',
  GOVERNMENT_OFFICE = 'GOVERNMENT_OFFICE',
  LEGAL_SERVICE = 'LEGAL_SERVICE',
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  COMMUNITY = 'COMMUNITY',
  OTHER = 'OTHER',
}

registerEnumType(DepartmentKind, {
  name: 'DepartmentKind',
  description: 'Kind of department (部门类别)',
  valuesConfig: {
    PARTY_COMMITTEE: { description: '党工委及其工作机构' },
    GOVERNMENT_OFFICE: { description: '街道办事处内设科室' },
    LEGAL_SERVICE: { description: '司法所、法律顾问等法律服务机构' },
    LAW_ENFORCEMENT: { description: '执法队伍（城管执法队、安监中队等）' },
    COMMUNITY: { description: '社区居委会' },
    OTHER: { description: '其他' },
  },
});
