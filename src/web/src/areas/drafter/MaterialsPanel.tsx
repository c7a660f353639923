import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import Table from 'antd/es/table';
import Upload from 'antd/es/upload';
import { InboxOutlined } from '@ant-design/icons';
import { graphql } from '../../gql';
import type { MaterialKind } from '../../gql/graphql';
import { ApiErrorAlert, EmptyState, formatDateTime, Pager, useCursorPages } from '../../shared';
import { attempt, Section, useWorkspaceMutation } from './common';
import { formatBytes, MATERIAL_KIND, optionsOf } from './labels';

/** Files up to this size go as base64 inside the GraphQL mutation (its body is capped at 1 MB); larger ones through POST /materials. */
const BASE64_MAX_BYTES = 512 * 1024;

const ProposalMaterialsDoc = graphql(`
  query DrafterProposalMaterials($id: ID!, $first: Int, $after: String) {
    proposal(id: $id) {
      id
      materials(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          title
          fileName
          mimeType
          sizeBytes
          contentHash
          downloadUrl
          createdAt
          uploadedBy {
            id
            displayName
          }
        }
      }
    }
  }
`);

const ContractMaterialsDoc = graphql(`
  query DrafterContractMaterials($id: ID!, $first: Int, $after: String) {
    contract(id: $id) {
      id
      materials(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          title
          fileName
          mimeType
          sizeBytes
          contentHash
          downloadUrl
          createdAt
          uploadedBy {
            id
            displayName
          }
        }
      }
    }
  }
`);

const AddProposalMaterialDoc = graphql(`
  mutation DrafterAddMaterial($input: AddMaterialInput!) {
    addMaterial(input: $input) {
      material {
        id
        title
        sizeBytes
        contentHash
      }
    }
  }
`);

const AddContractMaterialDoc = graphql(`
  mutation DrafterAddContractMaterial($input: ContractMaterialInput!) {
    addContractMaterial(input: $input) {
      material {
        id
        title
        sizeBytes
        contentHash
      }
    }
  }
`);

interface MaterialRow {
  id: string;
  kind: MaterialKind;
  title: string;
  fileName?: string | null;
  sizeBytes: number;
  contentHash: string;
  downloadUrl: string;
  createdAt: string;
  uploadedBy: { displayName: string };
}

export type MaterialOwner = { proposalId: string } | { contractId: string };

/** The file's SHA-256, computed in the browser (where the page is a secure context), to compare with the server's. */
async function localSha256(file: File): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * A larger file goes to POST /materials as the request body; the session cookie authenticates it and
 * `Apollo-Require-Preflight` proves it came from this page (README, session handling). A refusal is
 * JSON in the GraphQL error shape, shown like any other API error.
 */
async function uploadOverHttp(owner: MaterialOwner, kind: MaterialKind, title: string, file: File) {
  const params = new URLSearchParams({ ...owner, kind, title, fileName: file.name });
  let res: Response;
  try {
    res = await fetch(`/materials?${params}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': file.type || 'application/octet-stream', 'Apollo-Require-Preflight': 'true' },
      body: file,
    });
  } catch (e) {
    throw e instanceof TypeError ? e : new TypeError(String(e));
  }
  const body = (await res.json().catch(() => ({}))) as { material?: { id: string; sizeBytes: number; contentHash: string }; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  if (!res.ok || !body.material) {
    throw new CombinedGraphQLErrors({ errors: body.errors ?? [{ message: `上传失败（HTTP ${res.status}），请稍后重试` }] });
  }
  return body.material;
}

interface Uploaded {
  title: string;
  sizeBytes: number;
  contentHash: string;
  localHash: string | null;
}

/**
 * Materials of a proposal or a contract: the list (size, SHA-256, who and when, download through
 * /materials/<id> with the session cookie) and the form that adds one — a file by drag and drop or
 * the file chooser, or a text.
 */
export function MaterialsPanel({ owner, kinds, canAdd, readOnlyReason }: { owner: MaterialOwner; kinds: MaterialKind[]; canAdd: boolean; readOnlyReason?: string }) {
  const isProposal = 'proposalId' in owner;
  const ownerId = isProposal ? owner.proposalId : owner.contractId;
  const pages = useCursorPages(10);
  const proposalQuery = useQuery(ProposalMaterialsDoc, { variables: { id: ownerId, ...pages.variables }, skip: !isProposal });
  const contractQuery = useQuery(ContractMaterialsDoc, { variables: { id: ownerId, ...pages.variables }, skip: isProposal });
  const connection = isProposal ? proposalQuery.data?.proposal.materials : contractQuery.data?.contract.materials;
  const loading = isProposal ? proposalQuery.loading : contractQuery.loading;
  const error = isProposal ? proposalQuery.error : contractQuery.error;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Section id="materials" title="材料">
        <ApiErrorAlert error={error} title="无法加载材料" />
        <Table<MaterialRow>
          rowKey="id"
          size="small"
          loading={loading && !connection}
          dataSource={connection?.nodes ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description="尚无材料" /> }}
          footer={() => <Pager pages={pages} connection={connection} />}
          columns={[
            { title: '标题', dataIndex: 'title' },
            { title: '类别', dataIndex: 'kind', width: 170, render: (k: MaterialKind) => MATERIAL_KIND[k] },
            { title: '文件', dataIndex: 'fileName', width: 180, render: (f: string | null) => f ?? <Typography.Text type="secondary">文本材料</Typography.Text> },
            { title: '大小', dataIndex: 'sizeBytes', width: 100, render: (n: number) => formatBytes(n) },
            {
              title: 'SHA-256',
              dataIndex: 'contentHash',
              width: 170,
              render: (h: string) => (
                <Typography.Text code copyable={{ text: h }} title={h}>
                  {h.slice(0, 12)}…
                </Typography.Text>
              ),
            },
            { title: '上传人', key: 'by', width: 100, render: (_: unknown, m: MaterialRow) => m.uploadedBy.displayName },
            { title: '上传时间', dataIndex: 'createdAt', width: 150, render: (d: string) => formatDateTime(d) },
            {
              title: '下载',
              key: 'download',
              width: 80,
              render: (_: unknown, m: MaterialRow) => (
                <a href={m.downloadUrl} download aria-label={`下载 ${m.title}`}>
                  下载
                </a>
              ),
            },
          ]}
        />
      </Section>
      <Section id="material-upload" title="添加材料">
        {canAdd ? <MaterialForm owner={owner} kinds={kinds} /> : <Alert type="info" showIcon title={readOnlyReason ?? '当前状态下不能添加材料'} />}
      </Section>
    </Space>
  );
}

function MaterialForm({ owner, kinds }: { owner: MaterialOwner; kinds: MaterialKind[] }) {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const wanted = params.get('kind') as MaterialKind | null;
  const [form] = Form.useForm<{ kind: MaterialKind; title: string; text?: string }>();
  const [mode, setMode] = useState<'file' | 'text'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [fileHash, setFileHash] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const [addProposalMaterial] = useWorkspaceMutation(AddProposalMaterialDoc);
  const [addContractMaterial] = useWorkspaceMutation(AddContractMaterialDoc);

  // A blocker's link names the missing kind (?kind=…): preselect it.
  useEffect(() => {
    if (wanted && kinds.includes(wanted)) form.setFieldsValue({ kind: wanted, title: form.getFieldValue('title') || MATERIAL_KIND[wanted] });
  }, [wanted, kinds, form]);

  const choose = async (f: File) => {
    setFile(f);
    setUploaded(null);
    setFileHash(null);
    if (!form.getFieldValue('title')) form.setFieldsValue({ title: f.name.replace(/\.[^.]+$/, '') });
    setFileHash(await localSha256(f));
  };

  const submit = async (v: { kind: MaterialKind; title: string; text?: string }) => {
    setError(null);
    if (mode === 'file' && !file) {
      setError(new CombinedGraphQLErrors({ errors: [{ message: '请先选择或拖入要上传的文件' }] }));
      return;
    }
    setBusy(true);
    try {
      let result: { sizeBytes: number; contentHash: string } | undefined;
      if (mode === 'text' || (file && file.size <= BASE64_MAX_BYTES)) {
        const fields =
          mode === 'text'
            ? { kind: v.kind, title: v.title, text: v.text ?? '' }
            : { kind: v.kind, title: v.title, fileName: file!.name, mimeType: file!.type || 'application/octet-stream', contentBase64: await base64Of(file!) };
        result =
          'proposalId' in owner
            ? (await addProposalMaterial({ variables: { input: { ...fields, proposalId: owner.proposalId } } })).data?.addMaterial.material
            : (await addContractMaterial({ variables: { input: { ...fields, contractId: owner.contractId } } })).data?.addContractMaterial.material;
      } else {
        result = await uploadOverHttp(owner, v.kind, v.title, file!);
        void client.refetchQueries({ include: 'active' });
      }
      if (result) {
        setUploaded({ title: v.title, sizeBytes: result.sizeBytes, contentHash: result.contentHash, localHash: mode === 'file' ? fileHash : null });
        message.success(`已添加材料「${v.title}」`);
        form.resetFields(['title', 'text']);
        setFile(null);
        setFileHash(null);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form name="material-form" form={form} layout="vertical" onFinish={(v) => void attempt(() => submit(v))} initialValues={{ kind: wanted && kinds.includes(wanted) ? wanted : undefined }}>
        <Space wrap align="start" size="large">
          <Form.Item name="kind" label="材料类别" rules={[{ required: true, message: '请选择材料类别' }]} style={{ minWidth: 260 }}>
            <Select options={optionsOf(MATERIAL_KIND, kinds)} placeholder="请选择" />
          </Form.Item>
          <Form.Item name="title" label="材料标题" rules={[{ required: true, whitespace: true, message: '请填写材料标题' }, { max: 200 }]} style={{ minWidth: 320 }}>
            <Input />
          </Form.Item>
          <Form.Item label="材料形式">
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} optionType="button">
              <Radio.Button value="file">上传文件</Radio.Button>
              <Radio.Button value="text">填写文本</Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Space>
        {mode === 'file' ? (
          <Form.Item label="文件" required>
            <Upload.Dragger
              multiple={false}
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                void choose(f as File);
                return false;
              }}
              aria-label="拖入文件，或点击选择文件"
              data-testid="material-dropzone"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">将文件拖到此处，或点击选择文件</p>
              <p className="ant-upload-hint">单个文件；上传后记录文件大小和 SHA-256 哈希</p>
            </Upload.Dragger>
            {file && (
              <div data-testid="chosen-file" style={{ marginTop: 8 }}>
                <Typography.Text strong>{file.name}</Typography.Text>
                <Typography.Text type="secondary">（{formatBytes(file.size)}）</Typography.Text>
                {fileHash && (
                  <div>
                    <Typography.Text type="secondary">本地计算的 SHA-256：</Typography.Text>
                    <Typography.Text code>{fileHash}</Typography.Text>
                  </div>
                )}
              </div>
            )}
          </Form.Item>
        ) : (
          <Form.Item name="text" label="材料内容" rules={[{ required: true, whitespace: true, message: '请填写材料内容' }]}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          添加材料
        </Button>
      </Form>
      <div style={{ marginTop: 12 }}>
        <ApiErrorAlert error={error} title="材料未能添加" />
      </div>
      {uploaded && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="uploaded-material"
          title={`已添加「${uploaded.title}」：${formatBytes(uploaded.sizeBytes)}`}
          description={
            <div>
              服务器记录的 SHA-256：<Typography.Text code>{uploaded.contentHash}</Typography.Text>
              {uploaded.localHash && (
                <div>{uploaded.localHash === uploaded.contentHash ? '与本地计算的哈希一致，文件完整。' : '与本地计算的哈希不一致，请重新上传！'}</div>
              )}
            </div>
          }
        />
      )}
    </>
  );
}
