import { useMemo } from 'react';
import { diffChars } from 'diff';
import { Space, Typography } from 'antd';
import { SR_ONLY } from './common';

const ADDED: React.CSSProperties = {
  background: '#d9f7be',
  color: '#135200',
  textDecoration: 'underline',
  textDecorationThickness: 2,
  textDecorationSkipInk: 'none',
};
const REMOVED: React.CSSProperties = {
  background: '#ffccc7',
  color: '#a8071a',
  textDecoration: 'line-through',
  textDecorationThickness: 2,
};

/**
 * A character-level diff of two texts (jsdiff `diffChars`): Chinese articles change inside a line,
 * so whole lines would hide what changed. Additions are `<ins>` (green, underlined), deletions
 * `<del>` (red, struck through) — colour is never the only cue — and each carries hidden text
 * (新增 / 删除) for screen readers, which do not announce ins/del by themselves.
 */
export function CharDiff({ from, to, label }: { from: string; to: string; label: string }) {
  const parts = useMemo(() => diffChars(from, to), [from, to]);
  const stats = useMemo(() => {
    let added = 0;
    let removed = 0;
    for (const p of parts) {
      if (p.added) added += p.value.length;
      else if (p.removed) removed += p.value.length;
    }
    return { added, removed };
  }, [parts]);
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }} data-testid="diff-stats">
        <Typography.Text>
          <ins style={ADDED}>新增 {stats.added} 字</ins>
        </Typography.Text>
        <Typography.Text>
          <del style={REMOVED}>删除 {stats.removed} 字</del>
        </Typography.Text>
        <Typography.Text type="secondary">（绿色加下划线为新增，红色加删除线为删除）</Typography.Text>
      </Space>
      <div
        role="region"
        aria-label={label}
        data-testid="char-diff"
        style={{ whiteSpace: 'pre-wrap', lineHeight: 1.9, border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, maxHeight: 480, overflow: 'auto', fontSize: 15 }}
      >
        {stats.added === 0 && stats.removed === 0 && <Typography.Text type="secondary">两个版本的正文相同。</Typography.Text>}
        {parts.map((p, i) =>
          p.added ? (
            <ins key={i} style={ADDED} data-diff="added">
              <span style={SR_ONLY}>【新增：</span>
              {p.value}
              <span style={SR_ONLY}>】</span>
            </ins>
          ) : p.removed ? (
            <del key={i} style={REMOVED} data-diff="removed">
              <span style={SR_ONLY}>【删除：</span>
              {p.value}
              <span style={SR_ONLY}>】</span>
            </del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </div>
    </div>
  );
}
