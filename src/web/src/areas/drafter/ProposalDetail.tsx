import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Breadcrumb, Card, Descriptions, List, Space, Typography } from 'antd';
import { graphql } from '../../gql';
import { ApiErrorAlert, AvailableActions, EmptyState, Loading, PROPOSAL_STATE, PROPOSAL_STEP, RuleLink, StateTag, formatDateTime } from '../../shared';

const DrafterProposalDoc = graphql(`
  query DrafterProposal($id: ID!, $step: ProposalStep!) {
    proposal(id: $id) {
      id
      code
      title
      state
      nextStep
      version
      updatedAt
      sponsorDepartment {
        id
        name
      }
      currentDraft {
        id
        number
        text
        changeNote
        createdAt
      }
      availableActions {
        action
        label
        rule
        ruleTitle
      }
      blockers(step: $step) {
        rule
        title
        message
      }
    }
  }
`);

/** One proposal: its state, its current draft and what blocks its next step. The drafter's forms come next. */
export function ProposalDetail() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(DrafterProposalDoc, { variables: { id, step: 'REQUEST_LEGALITY_REVIEW' } });
  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载决策建议" />;
  const p = data.proposal;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb items={[{ title: <Link to="/drafter/proposals">本部门决策建议</Link> }, { title: p.code }]} />
      <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{p.title}</Typography.Title>}>
        <Descriptions column={{ xs: 1, xl: 2 }} bordered size="small">
          <Descriptions.Item label="编号">{p.code}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <StateTag state={p.state} labels={PROPOSAL_STATE} />
          </Descriptions.Item>
          <Descriptions.Item label="承办部门">{p.sponsorDepartment.name}</Descriptions.Item>
          <Descriptions.Item label="下一步">{p.nextStep ? PROPOSAL_STEP[p.nextStep] : '—'}</Descriptions.Item>
          <Descriptions.Item label="更新时间">{formatDateTime(p.updatedAt)}</Descriptions.Item>
          <Descriptions.Item label="可办理">
            {p.availableActions.length ? p.availableActions.map((a) => a.label).join('、') : '—'}
          </Descriptions.Item>
        </Descriptions>
        <div style={{ marginTop: 16 }}>
          <AvailableActions actions={p.availableActions} handlers={{}} />
        </div>
      </Card>
      {p.nextStep === 'REQUEST_LEGALITY_REVIEW' && (
        <Card title="提请合法性审查尚待满足">
          {p.blockers.length === 0 ? (
            <EmptyState description="已满足全部条件，可以提请合法性审查" />
          ) : (
            <List
              data-testid="blockers"
              dataSource={p.blockers}
              renderItem={(b) => (
                <List.Item>
                  <Space>
                    <RuleLink id={b.rule} title={b.title} />
                    <span>{b.message}</span>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      )}
      <Card title={p.currentDraft ? `当前草案（第 ${p.currentDraft.number} 稿，${formatDateTime(p.currentDraft.createdAt)}）` : '当前草案'}>
        {p.currentDraft ? (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.currentDraft.text}</Typography.Paragraph>
        ) : (
          <EmptyState description="尚无草案" />
        )}
      </Card>
    </Space>
  );
}
