import { useLazyQuery } from '@apollo/client/react';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { graphql } from '../../gql';
import type { AdminVerifyAuditChainQuery } from '../../gql/graphql';
import { ApiErrorAlert, formatDateTime } from '../../shared';

const AdminVerifyAuditChainDoc = graphql(`
  query AdminVerifyAuditChain {
    verifyAuditChain {
      ok
      checkedCount
      checkpointsChecked
      firstBrokenEventId
      reason
      message
      latestCheckpoint {
        createdAt
        count
        headId
        headHash
        keyId
      }
      failedCheckpoint {
        createdAt
        count
        headId
        headHash
        keyId
      }
    }
  }
`);

type Report = AdminVerifyAuditChainQuery['verifyAuditChain'];
type Checkpoint = NonNullable<Report['latestCheckpoint']>;

function CheckpointItems({ cp }: { cp: Checkpoint }) {
  return (
    <>
      <Descriptions.Item label="检查点时间">{formatDateTime(cp.createdAt)}</Descriptions.Item>
      <Descriptions.Item label="检查点事件数">{cp.count}</Descriptions.Item>
      <Descriptions.Item label="签名密钥">{cp.keyId}</Descriptions.Item>
      <Descriptions.Item label="最新事件" span={3}>
        <Typography.Text code copyable={!!cp.headId}>
          {cp.headId ?? '（空链）'}
        </Typography.Text>
      </Descriptions.Item>
    </>
  );
}

/**
 * Audit-chain verification (校验审计链): the server re-computes every event's keyed seal and link and
 * compares the chain with the signed checkpoints kept outside the database. The result says whether
 * it holds, and if not, what is wrong and where: the first event that fails, its position in the
 * chain, and the checkpoint it disagrees with.
 */
export function AuditVerify() {
  const [run, { data, loading, error, called }] = useLazyQuery(AdminVerifyAuditChainDoc, { fetchPolicy: 'network-only' });
  const r = data?.verifyAuditChain;
  return (
    <Card title="审计链校验">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          每一项业务操作都记入只追加的审计记录，逐条以密钥签名并链接到前一条；服务器定期把链头签入保存在数据库之外的检查点。校验会重新计算整条链，并与每个检查点比对。
        </Typography.Paragraph>
        <Button type="primary" loading={loading} onClick={() => void run()}>
          {called ? '重新校验' : '开始校验'}
        </Button>
        <ApiErrorAlert error={error} title="校验未能完成" />
        {r && !loading && <ChainReport r={r} />}
      </Space>
    </Card>
  );
}

function ChainReport({ r }: { r: Report }) {
  return (
    <div data-testid="audit-chain-report" data-ok={String(r.ok)}>
      {r.ok ? (
        <Alert
          type="success"
          showIcon
          title="审计链完整"
          description={`共校验 ${r.checkedCount} 条审计事件，签名与链接全部有效；${
            r.checkpointsChecked > 0 ? `与 ${r.checkpointsChecked} 个检查点一致。` : '尚无可比对的检查点（数据库之外还没有锚定）。'
          }`}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={`审计链校验未通过：${r.message ?? r.reason ?? ''}`}
          description={
            r.firstBrokenEventId
              ? `问题出现在第 ${r.checkedCount} 条事件（${r.firstBrokenEventId}）；在此之前的 ${Math.max(0, r.checkedCount - 1)} 条事件校验有效。`
              : `已校验 ${r.checkedCount} 条事件。`
          }
        />
      )}
      <Descriptions column={3} size="small" bordered style={{ marginTop: 16 }} title="校验结果">
        <Descriptions.Item label="结论">{r.ok ? '完整' : '已被改动'}</Descriptions.Item>
        <Descriptions.Item label="已校验事件">{r.checkedCount}</Descriptions.Item>
        <Descriptions.Item label="比对的检查点">{r.checkpointsChecked}</Descriptions.Item>
        {!r.ok && (
          <>
            <Descriptions.Item label="问题类别">{r.reason ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="首个异常事件" span={2}>
              <Typography.Text code copyable={!!r.firstBrokenEventId}>
                {r.firstBrokenEventId ?? '—'}
              </Typography.Text>
            </Descriptions.Item>
          </>
        )}
      </Descriptions>
      {r.failedCheckpoint && (
        <Descriptions column={3} size="small" bordered style={{ marginTop: 16 }} title="不一致的检查点">
          <CheckpointItems cp={r.failedCheckpoint} />
        </Descriptions>
      )}
      {r.latestCheckpoint && (
        <Descriptions column={3} size="small" bordered style={{ marginTop: 16 }} title="最新的有效检查点">
          <CheckpointItems cp={r.latestCheckpoint} />
        </Descriptions>
      )}
    </div>
  );
}
