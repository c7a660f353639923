import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined, PauseCircleOutlined, CheckCircleOutlined } from '@ant-design/icons';
import type { ReviewStatus } from '../../gql/graphql';
import { formatDate } from '../../shared';

/** Working days left at or under which a review counts as due soon (amber). */
export const DUE_SOON_WORKING_DAYS = 3;

export interface DeadlineInfo {
  dueOn?: string | null;
  workingDaysLeft?: number | null;
  overdue: boolean;
  paused: boolean;
  provisional: boolean;
}

/**
 * A review's deadline in working days (R-LR-3): overdue red, due soon amber, paused grey, otherwise
 * green — always with the words too (and an icon), never colour alone.
 */
export function DeadlineTag({ deadline, status }: { deadline: DeadlineInfo; status: ReviewStatus }) {
  const d = deadline;
  let kind: 'done' | 'paused' | 'overdue' | 'soon' | 'ok' | 'none';
  let text: string;
  if (status === 'OPINION_ISSUED') {
    kind = 'done';
    text = '已办结';
  } else if (d.paused) {
    kind = 'paused';
    text = d.workingDaysLeft != null ? `暂停计时（剩余 ${d.workingDaysLeft} 个工作日）` : '暂停计时';
  } else if (d.workingDaysLeft == null) {
    kind = 'none';
    text = '未接收，尚未起算';
  } else if (d.overdue || d.workingDaysLeft < 0) {
    kind = 'overdue';
    text = `已逾期 ${Math.abs(d.workingDaysLeft)} 个工作日`;
  } else if (d.workingDaysLeft <= DUE_SOON_WORKING_DAYS) {
    kind = 'soon';
    text = d.workingDaysLeft === 0 ? '今日到期' : `即将到期：剩余 ${d.workingDaysLeft} 个工作日`;
  } else {
    kind = 'ok';
    text = `剩余 ${d.workingDaysLeft} 个工作日`;
  }
  const look = {
    done: { color: 'default', icon: <CheckCircleOutlined /> },
    paused: { color: 'default', icon: <PauseCircleOutlined /> },
    none: { color: 'default', icon: <ClockCircleOutlined /> },
    overdue: { color: 'error', icon: <ExclamationCircleOutlined /> },
    soon: { color: 'warning', icon: <ClockCircleOutlined /> },
    ok: { color: 'success', icon: <ClockCircleOutlined /> },
  }[kind];
  const tip = [d.dueOn ? `审查期限：${formatDate(d.dueOn)}` : null, d.provisional ? '期限暂定：跨越尚无节假日数据的年份' : null].filter(Boolean).join('；');
  const tag = (
    <Tag color={look.color} icon={look.icon} data-deadline={kind} tabIndex={tip ? 0 : undefined}>
      {text}
      {d.provisional ? '（暂定）' : ''}
    </Tag>
  );
  return tip ? <Tooltip title={tip}>{tag}</Tooltip> : tag;
}
