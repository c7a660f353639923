import type { EntityManager } from '@mikro-orm/postgresql';
import { localDateOf, type Clock } from '../core/clock';
import type { ReviewNoticePort } from '../review/review-notices.port';
import { CONCLUSION_LABELS } from '../review/review.rules';
import type { OpinionConclusion } from '../review/review.enums';
import { buildNotice, reviewLink } from './notice.rules';
import { NotificationKind } from './notification.enums';
import { recordNotices } from './notice-writer';
import { awaitingFindings, findingNotice } from './reminder-scan.service';

/** The review engine's events as notices (R-NT-1): the opinion issued, and its must-fix findings to answer. */
export function reviewNotices(deps: { clock: Clock; timeZone: string }): ReviewNoticePort {
  return {
    async opinionIssued(em: EntityManager, reviewId: string) {
      const now = deps.clock.now();
      const day = localDateOf(now, deps.timeZone);
      const [r] = await em.execute<
        { id: string; code: string; subject_title: string; subject_type: string; subject_id: string; requested_by_id: string; conclusion: OpinionConclusion }[]
      >(
        `select r.id, r.code, r.subject_title, r.subject_type, r.subject_id, r.requested_by_id, o.conclusion
           from review_request r join legal_opinion o on o.review_id = r.id and o.status = 'ISSUED' and not o.superseded
          where r.id = ?`,
        [reviewId],
      );
      if (!r) return;
      const notices = [
        buildNotice({
          kind: NotificationKind.OPINION_ISSUED,
          recipientId: r.requested_by_id,
          subjectType: 'ReviewRequest',
          subjectId: r.id,
          subjectLabel: `${r.code}「${r.subject_title}」`,
          dueOn: day,
          conclusion: CONCLUSION_LABELS[r.conclusion],
          reviewSubjectType: r.subject_type,
          link: reviewLink(false, { id: r.id, subjectType: r.subject_type, subjectId: r.subject_id }),
        }),
        ...(await awaitingFindings(em, deps.timeZone, reviewId)).map(findingNotice),
      ];
      await recordNotices(em, notices, now, day);
    },
  };
}
