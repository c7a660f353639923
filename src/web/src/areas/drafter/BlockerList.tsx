import { Link, useLocation } from 'react-router-dom';
import { Space, Typography } from 'antd';
import List from 'antd/es/list';
import { EmptyState, RuleLink } from '../../shared';
import { proposalFix, SECTION_LABEL, type BlockerLike, type FixLocation } from './sections';

export interface Blocker extends BlockerLike {
  title: string;
}

/**
 * What still stands in the way of a step, as the API lists it (`blockers(step)` or a contract's
 * `reviewBlockers`): each with its rule id and title (a link to the rule) and its message, and a link
 * to the section of this page that fixes it.
 */
export function BlockerList({ blockers, done, locate = proposalFix }: { blockers: Blocker[]; done: string; locate?: (b: Blocker) => FixLocation | null }) {
  const { pathname } = useLocation();
  if (blockers.length === 0) {
    return (
      <div data-testid="blockers-empty">
        <EmptyState description={done} />
      </div>
    );
  }
  return (
    <List
      data-testid="blockers"
      aria-label="尚待满足的条件"
      size="small"
      dataSource={blockers}
      renderItem={(b) => {
        const fix = locate(b);
        const section = fix?.section;
        const kind = fix?.kind;
        return (
          <List.Item
            data-rule={b.rule}
            data-code={b.code}
            actions={
              section
                ? [
                    <Link key="fix" to={`${pathname}${kind ? `?kind=${kind}` : ''}#${section}`} aria-label={`去办理：${b.message}`}>
                      去办理（{SECTION_LABEL[section] ?? section}）
                    </Link>,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={0}>
              <RuleLink id={b.rule} title={b.title} />
              <Typography.Text>{b.message}</Typography.Text>
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
