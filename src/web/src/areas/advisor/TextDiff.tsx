import { useMemo } from 'react';
import { diffChars } from 'diff';
import { Space, Tag, Typography } from 'antd';

/**
 * The character-level difference between two texts (jsdiff `diffChars`): Chinese articles change
 * inside a line, so a line diff would mark whole articles. Additions are underlined on green,
 * deletions struck through on red — and each is an <ins>/<del> with an aria label, so the change
 * does not rest on colour alone.
 */
export function TextDiff({ from, to, fromLabel, toLabel }: { from: string; to: string; fromLabel: string; toLabel: string }) {
  const parts = useMemo(() => diffChars(from, to), [from, to]);
  const added = parts.filter((p) => p.added).reduce((n, p) => n + p.value.length, 0);
  const removed = parts.filter((p) => p.removed).reduce((n, p) => n + p.value.length, 0);
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {fromLabel} → {toLabel}
        </Typography.Text>
        <Tag color="success" data-testid="diff-added">
          新增 {added} 字
        </Tag>
        <Tag color="error" data-testid="diff-removed">
          删除 {removed} 字
        </Tag>
      </Space>
      <div
        data-testid="text-diff"
        aria-label={`${fromLabel}与${toLabel}的逐字比对`}
        style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, padding: 12, border: '1px solid #f0f0f0', borderRadius: 6, background: '#fafafa' }}
      >
        {parts.map((p, i) =>
          p.added ? (
            <ins key={i} aria-label={`新增：${p.value}`} title="新增" style={{ background: '#d9f7be', color: '#135200', textDecoration: 'underline' }}>
              {p.value}
            </ins>
          ) : p.removed ? (
            <del key={i} aria-label={`删除：${p.value}`} title="删除" style={{ background: '#ffccc7', color: '#820014', textDecoration: 'line-through' }}>
              {p.value}
            </del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </div>
    </div>
  );
}
