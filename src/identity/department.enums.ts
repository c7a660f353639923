import { registerEnumType } from 'type-graphql';

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
