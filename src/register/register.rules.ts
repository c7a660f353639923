import type { Violation } from '../core/errors';
import { AdministrativeCaseKind, AdministrativeCaseStage, CASE_KIND_LABELS, CASE_STAGE_LABELS, MediationOutcome, RECONSIDERATION_STAGES } from './register.enums';
import type { AdministrativeCaseFields, DisputeMediationFields } from './register.commands';

/**
 * Pure rules of the registers (R-AR-1, R-AR-2): a register records what has happened, so no date lies
 * ahead; a mediation or case is closed exactly when it has an outcome and a closing day on or after
 * it was opened (its outcome is counted in the year it closed). No I/O.
 */

/** A day of the register may not lie after today. */
export function notInFuture(label: string, date: string | null | undefined, today: string): Violation[] {
  return date && date > today
    ? [{ rule: 'R-AR-2', code: 'DATE_IN_FUTURE', message: `${label}（${date}）晚于今天（${today}），台账只登记已经发生的事项 (R-AR-2)` }]
    : [];
}

function closingOrder(openedLabel: string, openedOn: string, closedOn: string | null | undefined): Violation[] {
  return closedOn && closedOn < openedOn
    ? [{ rule: 'R-AR-1', code: 'CLOSED_BEFORE_OPENED', message: `结案日期 ${closedOn} 早于${openedLabel} ${openedOn}，请核对 (R-AR-1)` }]
    : [];
}

export function mediationViolations(m: DisputeMediationFields, today: string): Violation[] {
  const out: Violation[] = [...notInFuture('受理日期', m.receivedOn, today), ...notInFuture('结案日期', m.closedOn, today), ...closingOrder('受理日期', m.receivedOn, m.closedOn)];
  if (m.outcome === MediationOutcome.IN_PROGRESS && m.closedOn) {
    out.push({ rule: 'R-AR-1', code: 'CLOSING_DATE_WITHOUT_OUTCOME', message: '调解尚在进行中，不应填写结案日期；已结束的请选择调解结果 (R-AR-1)' });
  }
  if (m.outcome !== MediationOutcome.IN_PROGRESS && !m.closedOn) {
    out.push({ rule: 'R-AR-1', code: 'CLOSING_DATE_REQUIRED', message: '已有调解结果的纠纷须填写结案日期，结果计入结案当年 (R-AR-1)' });
  }
  return out;
}

export function administrativeCaseViolations(c: AdministrativeCaseFields, today: string): Violation[] {
  const out: Violation[] = [...notInFuture('立案（受理）日期', c.openedOn, today), ...notInFuture('结案日期', c.closedOn, today), ...closingOrder('立案（受理）日期', c.openedOn, c.closedOn)];
  if (c.kind === AdministrativeCaseKind.RECONSIDERATION && !RECONSIDERATION_STAGES.includes(c.stage)) {
    out.push({
      rule: 'R-AR-2',
      code: 'STAGE_NOT_FOR_KIND',
      message: `${CASE_KIND_LABELS[c.kind]}案件没有「${CASE_STAGE_LABELS[c.stage]}」阶段，请选择「已受理」或「已结案」 (R-AR-2)`,
    });
  }
  const closed = c.stage === AdministrativeCaseStage.CLOSED;
  if (closed && !c.outcome) out.push({ rule: 'R-AR-2', code: 'OUTCOME_REQUIRED', message: '已结案的案件须填写结案结果（维持、变更、撤销等） (R-AR-2)' });
  if (closed && !c.closedOn) out.push({ rule: 'R-AR-1', code: 'CLOSING_DATE_REQUIRED', message: '已结案的案件须填写结案日期，结果计入结案当年 (R-AR-1)' });
  if (!closed && (c.outcome || c.closedOn)) {
    out.push({ rule: 'R-AR-1', code: 'OUTCOME_BEFORE_CLOSING', message: '尚未结案的案件不应填写结案结果或结案日期；已结案的请将阶段改为「已结案」 (R-AR-1)' });
  }
  return out;
}
