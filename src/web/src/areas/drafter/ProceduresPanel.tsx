import { Link, useLocation } from 'react-router-dom';
import { Alert, Space, Tag } from 'antd';
import Table from 'antd/es/table';
import type { ProcedureKind } from '../../gql/graphql';
import { Section } from './common';
import { PROCEDURE_KIND } from './labels';
import { ConsultationSection } from './procedures/Consultation';
import { ExpertsSection } from './procedures/Experts';
import { FairCompetitionSection } from './procedures/FairCompetition';
import { HearingSection } from './procedures/Hearing';
import { RiskSection } from './procedures/Risk';

interface ProcedureStatus {
  kind: ProcedureKind;
  required: boolean;
  derived: boolean;
  added: boolean;
  recorded: boolean;
}

const ANCHOR: Record<ProcedureKind, string> = {
  PUBLIC_CONSULTATION: 'consultation',
  HEARING: 'hearing',
  EXPERT_REVIEW: 'experts',
  RISK_ASSESSMENT: 'risk',
  FAIR_COMPETITION_REVIEW: 'fair-competition',
};

const ORDER: ProcedureKind[] = ['PUBLIC_CONSULTATION', 'HEARING', 'EXPERT_REVIEW', 'RISK_ASSESSMENT', 'FAIR_COMPETITION_REVIEW'];

/**
 * The statutory procedures (R-DEC-3…7): which are required (derived from the proposal's flags or
 * added by the decision maker) and recorded, then one form per procedure. Required ones come first;
 * a hearing can be recorded even when not required.
 */
export function ProceduresPanel({
  proposalId,
  procedures,
  required,
  canEdit,
  readOnlyReason,
}: {
  proposalId: string;
  procedures: ProcedureStatus[];
  required: Set<ProcedureKind>;
  canEdit: boolean;
  readOnlyReason: string;
}) {
  const { pathname } = useLocation();
  const status = new Map(procedures.map((p) => [p.kind, p]));
  const rows = ORDER.map((kind) => status.get(kind) ?? { kind, required: false, derived: false, added: false, recorded: false });
  const shown = [...rows].sort((a, b) => Number(b.required) - Number(a.required));
  const props = (kind: ProcedureKind) => ({ proposalId, required: required.has(kind), canEdit });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Section id="procedures" title="法定程序一览">
        {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={readOnlyReason} />}
        <Table<ProcedureStatus>
          rowKey="kind"
          size="small"
          pagination={false}
          dataSource={rows}
          aria-label="法定程序"
          columns={[
            { title: '程序', dataIndex: 'kind', render: (k: ProcedureKind) => <Link to={`${pathname}#${ANCHOR[k]}`}>{PROCEDURE_KIND[k]}</Link> },
            {
              title: '是否必经',
              key: 'required',
              render: (_: unknown, p: ProcedureStatus) =>
                p.required ? <Tag color="blue">{p.added ? '决策机关要求' : '依事项特点必经'}</Tag> : <Tag>可选</Tag>,
            },
            {
              title: '记录',
              dataIndex: 'recorded',
              render: (r: boolean, p: ProcedureStatus) => (r ? <Tag color="success">已登记</Tag> : <Tag color={p.required ? 'warning' : 'default'}>未登记</Tag>),
            },
          ]}
        />
      </Section>
      {shown.map((p) => {
        switch (p.kind) {
          case 'PUBLIC_CONSULTATION':
            return <ConsultationSection key={p.kind} {...props(p.kind)} />;
          case 'HEARING':
            return <HearingSection key={p.kind} {...props(p.kind)} />;
          case 'EXPERT_REVIEW':
            return <ExpertsSection key={p.kind} {...props(p.kind)} />;
          case 'RISK_ASSESSMENT':
            return <RiskSection key={p.kind} {...props(p.kind)} />;
          case 'FAIR_COMPETITION_REVIEW':
            return <FairCompetitionSection key={p.kind} {...props(p.kind)} />;
        }
      })}
    </Space>
  );
}
