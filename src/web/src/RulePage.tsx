import { useParams } from 'react-router-dom';
import { useQuery } from '@apollo/client/react';
import { Card, Descriptions, Typography } from 'antd';
import { graphql } from './gql-shell';
import { ApiErrorAlert, Loading } from './shared';

const RuleDoc = graphql(`
  query ConsoleRule($id: String!) {
    rule(id: $id) {
      id
      title
      text
      source
    }
  }
`);

/** A rule of the registry, where every RuleLink points. */
export function RulePage() {
  const { id = '' } = useParams();
  const { data, loading, error } = useQuery(RuleDoc, { variables: { id } });
  if (loading && !data) return <Loading />;
  if (!data) return <ApiErrorAlert error={error} title="无法加载规则" />;
  const r = data.rule;
  return (
    <Card title={`${r.id} ${r.title}`}>
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="依据">{r.source}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Paragraph>
    </Card>
  );
}
