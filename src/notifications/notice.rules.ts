import type { RuleId } from '../core/rules/registry';
import { NotificationKind } from './notification.enums';

/**
 * The notices of R-NT-1 as pure functions: for each kind, the rule its deadline comes from and the
 * Chinese text naming the subject, the date and the rule. The scan and the events only find the
 * facts; what a notice says is decided here.
 */

export interface Notice {
  recipientId: string;
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  subjectLabel: string;
  rule: RuleId;
  dueOn: string | null;
  message: string;
  link: string;
}

export type NoticeFacts = Omit<Notice, 'rule' | 'message'> & {
  /** Review notices: the review's subject type (enforcement decisions run on R-EN-4's clock). */
  reviewSubjectType?: string;
  /** Working or calendar days left (due soon), or late (overdue). */
  days?: number | null;
  /** A returned review: what is missing. */
  reason?: string | null;
  /** Number of findings awaiting an answer. */
  count?: number;
  /** An issued opinion: its conclusion in Chinese. */
  conclusion?: string;
};

export function ruleOf(kind: NotificationKind, reviewSubjectType?: string): RuleId {
  const enforcement = reviewSubjectType === 'ENFORCEMENT_DECISION';
  switch (kind) {
    case NotificationKind.REVIEW_DUE_SOON:
    case NotificationKind.REVIEW_OVERDUE:
      return enforcement ? 'R-EN-4' : 'R-LR-3';
    case NotificationKind.REVIEW_RETURNED:
      return enforcement ? 'R-EN-2' : 'R-LR-2';
    case NotificationKind.CONSULTATION_CLOSING:
      return 'R-DEC-4';
    case NotificationKind.PUBLICATION_DUE_SOON:
    case NotificationKind.PUBLICATION_OVERDUE:
      return 'R-DEC-14';
    case NotificationKind.FILING_DUE_SOON:
    case NotificationKind.FILING_OVERDUE:
      return 'R-ND-6';
    case NotificationKind.CORRECTION_DUE:
    case NotificationKind.CORRECTION_OVERDUE:
      return 'R-ND-7';
    case NotificationKind.VALIDITY_ENDING:
      return 'R-ND-9';
    case NotificationKind.OPINION_ISSUED:
      return enforcement ? 'R-EN-4' : 'R-LR-5';
    case NotificationKind.FINDING_AWAITING_ANSWER:
      return 'R-DEC-9';
  }
}

function text(f: NoticeFacts): string {
  const s = f.subjectLabel;
  const d = f.dueOn ?? '';
  const left = f.days ?? 0;
  switch (f.kind) {
    case NotificationKind.REVIEW_DUE_SOON:
      return left <= 0 ? `合法性审查 ${s} 今日（${d}）到期，请按期出具审查意见` : `合法性审查 ${s} 将于 ${d} 到期（还剩 ${left} 个工作日），请按期出具审查意见`;
    case NotificationKind.REVIEW_OVERDUE:
      return `合法性审查 ${s} 已于 ${d} 到期，已超期，请尽快出具审查意见或办理延期`;
    case NotificationKind.REVIEW_RETURNED:
      return `合法性审查 ${s} 已${d ? `于 ${d} ` : ''}退回补充材料${f.reason ? `（需补充：${f.reason.slice(0, 200)}）` : ''}，请补充后重新提交`;
    case NotificationKind.CONSULTATION_CLOSING:
      return left <= 0 ? `决策建议 ${s} 的公开征求意见今日（${d}）截止，请登记收到的意见并逐条答复` : `决策建议 ${s} 的公开征求意见将于 ${d} 截止（还剩 ${left} 天），请登记收到的意见并逐条答复`;
    case NotificationKind.PUBLICATION_DUE_SOON:
      return `决定 ${s} 应于 ${d} 前公开（还剩 ${left} 个工作日），请记录公开渠道和日期`;
    case NotificationKind.PUBLICATION_OVERDUE:
      return `决定 ${s} 应于 ${d} 前公开，已超期，请尽快公开并记录`;
    case NotificationKind.FILING_DUE_SOON:
      return `规范性文件 ${s} 应于 ${d} 前报送备案（还剩 ${left} 天）`;
    case NotificationKind.FILING_OVERDUE:
      return `规范性文件 ${s} 应于 ${d} 前报送备案，已超期`;
    case NotificationKind.CORRECTION_DUE:
      return `规范性文件 ${s} 的备案补正应于 ${d} 前完成（还剩 ${left} 天）`;
    case NotificationKind.CORRECTION_OVERDUE:
      return `规范性文件 ${s} 的备案补正应于 ${d} 前完成，已超期`;
    case NotificationKind.VALIDITY_ENDING:
      return `规范性文件 ${s} 的有效期将于 ${d} 届满，请开展评估，决定继续施行、修改或废止`;
    case NotificationKind.OPINION_ISSUED:
      return `合法性审查 ${s} 已于 ${d} 出具审查意见（${f.conclusion ?? ''}），请查阅`;
    case NotificationKind.FINDING_AWAITING_ANSWER:
      return `合法性审查 ${s} 的意见中有 ${f.count ?? 1} 条须修改的意见待答复（采纳或不采纳并说明理由）`;
  }
}

/** The notice for these facts: its rule and its message, which ends with the rule id. */
export function buildNotice(f: NoticeFacts): Notice {
  const rule = ruleOf(f.kind, f.reviewSubjectType);
  return {
    recipientId: f.recipientId,
    kind: f.kind,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    subjectLabel: f.subjectLabel.slice(0, 300),
    rule,
    dueOn: f.dueOn,
    message: `${text(f)} (${rule})`,
    link: f.link,
  };
}

/** The console page of a review for the one notified: advisors open the review, requesters their subject. */
export function reviewLink(forAdvisor: boolean, r: { id: string; subjectType: string; subjectId: string }): string {
  if (!forAdvisor) {
    if (r.subjectType === 'DECISION') return `/drafter/proposals/${r.subjectId}`;
    if (r.subjectType === 'CONTRACT') return `/drafter/contracts/${r.subjectId}`;
  }
  return `/advisor/reviews/${r.id}`;
}

/** The e-mail of one notice or of a digest: subject line and plain text with absolute links. */
export function mailText(notices: { message: string; link: string; createdAt: Date }[], consoleUrl: string, digestDay: string | null): { subject: string; text: string } {
  const lines = notices.map((n) => `· ${n.message}\n  ${consoleUrl}${n.link}`);
  if (digestDay) return { subject: `云湖合法性审查：${digestDay} 的 ${notices.length} 条提醒`, text: `${lines.join('\n\n')}\n` };
  return { subject: `云湖合法性审查提醒：${notices[0]!.message.slice(0, 60)}`, text: `${lines.join('\n\n')}\n` };
}
