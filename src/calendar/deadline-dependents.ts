import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditSubject } from '../audit/audit.enums';
import type { WorkingCalendar } from './working-days';

/** A stored due date moved because a year's holiday data changed. */
export interface RecomputedDeadline {
  /** The audited record the due date belongs to (a review, or the proposal of a decision). */
  subjectType: AuditSubject;
  subjectId: string;
  /** The audit action recorded on the subject, e.g. review.due.recompute. */
  action: string;
  /** What it is, for people: e.g. 审查期限 SC-2026-012, 公开期限 云湖街决〔2026〕3号. */
  label: string;
  dueBefore: string | null;
  dueAfter: string | null;
}

/**
 * An area that stores due dates counted in working days (the calendar imports no area: each one
 * plugs in here, wired in the composition root). When a year's holiday data changes, inside the
 * same transaction, `recompute` locks and gives every stored due date that counts through one of
 * `years` its value under `calendar` (the calendar as it will be), and returns what moved; the
 * calendar service flushes and records each change on the subject's own audit trail.
 */
export interface DeadlineDependent {
  recompute(em: EntityManager, calendar: WorkingCalendar, years: readonly number[]): Promise<RecomputedDeadline[]>;
}
