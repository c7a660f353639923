import { Tag } from 'antd';
import { graphql } from '../../gql';
import { formatDate } from '../../shared';
import { RegisterScreen, type RegisterSpec } from './RegisterScreen';

/** The four registers of the office's legal work (R-AR-2): list documents, forms and columns. */

const LegalConsultationsDoc = graphql(`
  query ReportLegalConsultations($first: Int!, $after: String, $filter: LegalConsultationFilter) {
    legalConsultations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        consultedOn
        requester
        topic
        answer
        advisor
        community
        department {
          name
        }
      }
    }
  }
`);
const CreateLegalConsultationDoc = graphql(`
  mutation ReportCreateLegalConsultation($input: CreateLegalConsultationInput!) {
    createLegalConsultation(input: $input) {
      consultation {
        id
        version
      }
    }
  }
`);
const UpdateLegalConsultationDoc = graphql(`
  mutation ReportUpdateLegalConsultation($input: UpdateLegalConsultationInput!) {
    updateLegalConsultation(input: $input) {
      consultation {
        id
        version
        answer
      }
    }
  }
`);

const DisputeMediationsDoc = graphql(`
  query ReportDisputeMediations($first: Int!, $after: String, $filter: DisputeMediationFilter) {
    disputeMediations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        receivedOn
        parties
        disputeType
        summary
        outcome
        closedOn
        community
        department {
          name
        }
      }
    }
  }
`);
const CreateDisputeMediationDoc = graphql(`
  mutation ReportCreateDisputeMediation($input: CreateDisputeMediationInput!) {
    createDisputeMediation(input: $input) {
      mediation {
        id
        version
      }
    }
  }
`);
const UpdateDisputeMediationDoc = graphql(`
  mutation ReportUpdateDisputeMediation($input: UpdateDisputeMediationInput!) {
    updateDisputeMediation(input: $input) {
      mediation {
        id
        version
        outcome
        closedOn
      }
    }
  }
`);

const AdministrativeCasesDoc = graphql(`
  query ReportAdministrativeCases($first: Int!, $after: String, $filter: AdministrativeCaseFilter) {
    administrativeCases(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        caseNumber
        kind
        party
        cause
        stage
        outcome
        openedOn
        closedOn
        department {
          name
        }
      }
    }
  }
`);
const CreateAdministrativeCaseDoc = graphql(`
  mutation ReportCreateAdministrativeCase($input: CreateAdministrativeCaseInput!) {
    createAdministrativeCase(input: $input) {
      case {
        id
        version
      }
    }
  }
`);
const UpdateAdministrativeCaseDoc = graphql(`
  mutation ReportUpdateAdministrativeCase($input: UpdateAdministrativeCaseInput!) {
    updateAdministrativeCase(input: $input) {
      case {
        id
        version
        stage
        outcome
      }
    }
  }
`);

const PublicityEventsDoc = graphql(`
  query ReportPublicityEvents($first: Int!, $after: String, $filter: PublicityEventFilter) {
    publicityEvents(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        version
        heldOn
        topic
        form
        audienceSize
        community
        department {
          name
        }
      }
    }
  }
`);
const CreatePublicityEventDoc = graphql(`
  mutation ReportCreatePublicityEvent($input: CreatePublicityEventInput!) {
    createPublicityEvent(input: $input) {
      event {
        id
        version
      }
    }
  }
`);
const UpdatePublicityEventDoc = graphql(`
  mutation ReportUpdatePublicityEvent($input: UpdatePublicityEventInput!) {
    updatePublicityEvent(input: $input) {
      event {
        id
        version
        audienceSize
      }
    }
  }
`);

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
export const DISPUTE_TYPE: Record<string, string> = {
  NEIGHBOURHOOD: '邻里纠纷',
  FAMILY: '婚姻家庭纠纷',
  LABOUR: '劳动争议',
  PROPERTY_MANAGEMENT: '物业纠纷',
  LAND_AND_HOUSING: '土地房屋纠纷',
  CONTRACT: '合同纠纷',
  OTHER: '其他纠纷',
};
export const MEDIATION_OUTCOME: Record<string, string> = { IN_PROGRESS: '调解中', SETTLED: '调解成功', PARTLY_SETTLED: '部分达成协议', NOT_SETTLED: '调解不成' };
export const CASE_KIND: Record<string, string> = { LITIGATION: '行政诉讼', RECONSIDERATION: '行政复议' };
export const CASE_STAGE: Record<string, string> = { ACCEPTED: '已受理（立案）', FIRST_INSTANCE: '一审', SECOND_INSTANCE: '二审', RETRIAL: '再审', CLOSED: '已结案' };
export const CASE_OUTCOME: Record<string, string> = { UPHELD: '维持（胜诉、驳回）', CORRECTED: '变更或确认违法', REVOKED: '撤销（败诉）', WITHDRAWN: '撤诉或撤回申请', SETTLED: '调解或和解结案' };
export const PUBLICITY_FORM: Record<string, string> = { LECTURE: '法律讲座', TRAINING: '法治培训', CAMPAIGN: '宣传活动', ONLINE: '线上宣传', OTHER: '其他形式' };

type Row = { id: string; version: number } & Record<string, unknown>;
const date = (v: string | null) => formatDate(v);
const department = { title: '部门', dataIndex: ['department', 'name'], width: 140 };

const consultations: RegisterSpec<Row> = {
  title: '法律咨询台账',
  what: '法律咨询',
  empty: '尚未登记法律咨询',
  list: LegalConsultationsDoc,
  pick: (d) => d?.legalConsultations,
  create: CreateLegalConsultationDoc,
  update: UpdateLegalConsultationDoc,
  fields: [
    { name: 'consultedOn', label: '咨询日期', kind: 'date', required: true },
    { name: 'requester', label: '咨询人', kind: 'text', required: true },
    { name: 'topic', label: '咨询事项', kind: 'text', required: true },
    { name: 'answer', label: '解答意见', kind: 'textarea', required: true },
    { name: 'advisor', label: '解答人', kind: 'text', required: true },
    { name: 'community', label: '所属社区', kind: 'text' },
  ],
  columns: [
    { title: '日期', dataIndex: 'consultedOn', width: 110, render: date },
    { title: '咨询事项', dataIndex: 'topic' },
    { title: '咨询人', dataIndex: 'requester', width: 140 },
    { title: '解答人', dataIndex: 'advisor', width: 100 },
    department,
  ],
};

const mediations: RegisterSpec<Row> = {
  title: '矛盾纠纷调解台账',
  what: '矛盾纠纷调解',
  empty: '尚未登记调解',
  list: DisputeMediationsDoc,
  pick: (d) => d?.disputeMediations,
  create: CreateDisputeMediationDoc,
  update: UpdateDisputeMediationDoc,
  fields: [
    { name: 'receivedOn', label: '受理日期', kind: 'date', required: true },
    { name: 'parties', label: '当事人', kind: 'text', required: true },
    { name: 'disputeType', label: '纠纷类型', kind: 'select', required: true, options: options(DISPUTE_TYPE) },
    { name: 'summary', label: '纠纷简要情况', kind: 'textarea', required: true },
    { name: 'outcome', label: '调解结果', kind: 'select', required: true, options: options(MEDIATION_OUTCOME) },
    { name: 'closedOn', label: '结案日期', kind: 'date' },
    { name: 'community', label: '所属社区', kind: 'text' },
  ],
  columns: [
    { title: '受理日期', dataIndex: 'receivedOn', width: 110, render: date },
    { title: '当事人', dataIndex: 'parties' },
    { title: '类型', dataIndex: 'disputeType', width: 120, render: (v: string) => DISPUTE_TYPE[v] },
    { title: '结果', dataIndex: 'outcome', width: 120, render: (v: string) => <Tag>{MEDIATION_OUTCOME[v]}</Tag> },
    { title: '结案日期', dataIndex: 'closedOn', width: 110, render: date },
    department,
  ],
};

const cases: RegisterSpec<Row> = {
  title: '行政诉讼、行政复议案件台账',
  what: '行政案件',
  empty: '尚未登记案件',
  list: AdministrativeCasesDoc,
  pick: (d) => d?.administrativeCases,
  create: CreateAdministrativeCaseDoc,
  update: UpdateAdministrativeCaseDoc,
  fields: [
    { name: 'caseNumber', label: '案号', kind: 'text', required: true },
    { name: 'kind', label: '案件类型', kind: 'select', required: true, options: options(CASE_KIND) },
    { name: 'party', label: '原告或申请人', kind: 'text', required: true },
    { name: 'cause', label: '案由', kind: 'text', required: true },
    { name: 'stage', label: '阶段', kind: 'select', required: true, options: options(CASE_STAGE) },
    { name: 'outcome', label: '结案结果', kind: 'select', options: options(CASE_OUTCOME) },
    { name: 'openedOn', label: '立案（受理）日期', kind: 'date', required: true },
    { name: 'closedOn', label: '结案日期', kind: 'date' },
  ],
  columns: [
    { title: '案号', dataIndex: 'caseNumber', width: 190 },
    { title: '类型', dataIndex: 'kind', width: 90, render: (v: string) => CASE_KIND[v] },
    { title: '案由', dataIndex: 'cause' },
    { title: '阶段', dataIndex: 'stage', width: 110, render: (v: string) => <Tag>{CASE_STAGE[v]}</Tag> },
    { title: '结果', dataIndex: 'outcome', width: 140, render: (v: string) => (v ? CASE_OUTCOME[v] : '—') },
    { title: '立案日期', dataIndex: 'openedOn', width: 110, render: date },
    department,
  ],
};

const publicity: RegisterSpec<Row> = {
  title: '普法活动台账',
  what: '普法活动',
  empty: '尚未登记普法活动',
  list: PublicityEventsDoc,
  pick: (d) => d?.publicityEvents,
  create: CreatePublicityEventDoc,
  update: UpdatePublicityEventDoc,
  fields: [
    { name: 'heldOn', label: '活动日期', kind: 'date', required: true },
    { name: 'topic', label: '活动主题', kind: 'text', required: true },
    { name: 'form', label: '活动形式', kind: 'select', required: true, options: options(PUBLICITY_FORM) },
    { name: 'audienceSize', label: '受众人数', kind: 'number', required: true },
    { name: 'community', label: '所属社区', kind: 'text' },
  ],
  columns: [
    { title: '日期', dataIndex: 'heldOn', width: 110, render: date },
    { title: '主题', dataIndex: 'topic' },
    { title: '形式', dataIndex: 'form', width: 110, render: (v: string) => PUBLICITY_FORM[v] },
    { title: '受众人数', dataIndex: 'audienceSize', width: 100 },
    department,
  ],
};

export const ConsultationsScreen = () => <RegisterScreen spec={consultations} />;
export const MediationsScreen = () => <RegisterScreen spec={mediations} />;
export const CasesScreen = () => <RegisterScreen spec={cases} />;
export const PublicityScreen = () => <RegisterScreen spec={publicity} />;
