import { addCalendarDays } from '../calendar/working-days';
import type { Violation } from '../core/errors';
import type { ProposalEvent } from '../proposal/proposal.workflow';
import { AmendmentStatus, BodyRole, DecisionStatus, HeadDecision, MemberPositionKind } from './deliberation.enums';

/**
 * Pure rules of deliberation, sign-off, publication and execution (R-DEC-10…16). Which state allows
 * which step is the workflow table's business (deliberation.workflow.ts); these are the guards that
 * need data.
 */

/** R-DEC-11: more than the configured share (1/2) of the members present. */
export function quorumViolations(present: number, members: number, share: number): Violation[] {
  if (members > 0 && present > members * share) return [];
  return [
    {
      rule: 'R-DEC-11',
      code: 'NO_QUORUM',
      message: `出席 ${present} 人，未超过应到 ${members} 人的 ${share === 0.5 ? '二分之一' : `${share}`}，不得讨论决定 (R-DEC-11)`,
    },
  ];
}

/** R-DEC-11: a subject (a proposal, a normative document) is on at most one agenda awaiting the head's decision. */
export function alreadyOnAgendaViolations(undecidedItems: number, noun = '决策建议'): Violation[] {
  if (undecidedItems === 0) return [];
  return [{ rule: 'R-DEC-11', code: 'ALREADY_ON_AGENDA', message: `该${noun}已列入尚未决定的议题 (R-DEC-11)` }];
}

/** A member on the meeting's roll as the position rules see it (null: not on the roll). */
export interface RollEntry {
  name: string;
  present: boolean;
  isChair: boolean;
}

/**
 * R-DEC-11: a position is recorded for a present member on the roll other than the chair (who
 * speaks by deciding), before the head has decided; a conditional support states its condition,
 * and only a conditional support has one.
 */
export function positionViolations(f: { headDecided: boolean; member: RollEntry | null; position: MemberPositionKind; condition: string | null }): Violation[] {
  const v: Violation[] = [];
  if (f.headDecided) v.push({ rule: 'R-DEC-11', code: 'HEAD_ALREADY_DECIDED', message: '行政首长已作出决定，成员表态不能再变更 (R-DEC-11)' });
  if (!f.member) {
    v.push({ rule: 'R-DEC-11', code: 'NOT_ON_ROLL', message: '该用户不在本次会议的应到成员名单上（名单取自会议当日的机构成员）(R-DEC-11)' });
  } else if (f.member.isChair) {
    v.push({ rule: 'R-DEC-11', code: 'CHAIR_DECIDES', message: `「${f.member.name}」主持会议，其意见以最后作出的决定记录，不单独表态 (R-DEC-11)` });
  } else if (!f.member.present) {
    v.push({ rule: 'R-DEC-11', code: 'MEMBER_ABSENT', message: `「${f.member.name}」缺席本次会议，只能记录出席成员的表态 (R-DEC-11)` });
  }
  const hasCondition = !!f.condition?.trim();
  if (f.position === MemberPositionKind.CONDITIONAL && !hasCondition) {
    v.push({ rule: 'R-DEC-11', code: 'CONDITION_REQUIRED', message: '附条件同意须写明所附条件 (R-DEC-11)' });
  }
  if (f.position !== MemberPositionKind.CONDITIONAL && hasCondition) {
    v.push({ rule: 'R-DEC-11', code: 'CONDITION_WITHOUT_CONDITIONAL', message: '只有附条件同意才记录所附条件；其他意见请写在说明中 (R-DEC-11)' });
  }
  return v;
}

export type Majority = 'SUPPORT' | 'OPPOSE' | 'NONE';

/** Conditional support counts as support; abstentions count for neither side. */
export function majorityOf(positions: MemberPositionKind[]): Majority {
  const support = positions.filter((p) => p === MemberPositionKind.SUPPORT || p === MemberPositionKind.CONDITIONAL).length;
  const oppose = positions.filter((p) => p === MemberPositionKind.OPPOSE).length;
  if (support > oppose) return 'SUPPORT';
  if (oppose > support) return 'OPPOSE';
  return 'NONE';
}

/** Whether the head's decision goes against the majority: approving what it opposes, or not approving what it supports. */
export function departsFromMajority(decision: HeadDecision, majority: Majority): boolean {
  const approving = decision === HeadDecision.APPROVE || decision === HeadDecision.APPROVE_WITH_CHANGES;
  return (approving && majority === 'OPPOSE') || (!approving && majority === 'SUPPORT');
}

/**
 * R-DEC-11: only a present chair decides (the head, or the deputy the head delegated to); the head
 * speaks last (every other present member's position recorded first); any decision that departs
 * from the majority — rejecting, deferring or returning what it supports, approving what it
 * opposes — needs a reason; an approval with changes states them, and only it does.
 */
export function headDecisionViolations(f: {
  chairPresent: boolean;
  presentOthers: number;
  positions: MemberPositionKind[];
  decision: HeadDecision;
  reason: string | null;
  requiredChanges: string | null;
}): Violation[] {
  const v: Violation[] = [];
  if (!f.chairPresent) {
    v.push({ rule: 'R-DEC-11', code: 'CHAIR_ABSENT', message: '主持会议的行政首长（或受委托主持的副职）未出席，不能作出决定；可由行政首长书面委托出席的副职主持 (R-DEC-11)' });
  }
  if (f.positions.length < f.presentOthers) {
    v.push({
      rule: 'R-DEC-11',
      code: 'HEAD_NOT_LAST',
      message: `尚有 ${f.presentOthers - f.positions.length} 名出席成员未表态；行政首长应在最后发表意见并作出决定 (R-DEC-11)`,
    });
  }
  if (departsFromMajority(f.decision, majorityOf(f.positions)) && !f.reason?.trim()) {
    v.push({ rule: 'R-DEC-11', code: 'DEPARTURE_REASON_REQUIRED', message: '决定与多数成员意见不一致，必须说明理由 (R-DEC-11)' });
  }
  const changes = !!f.requiredChanges?.trim();
  if (f.decision === HeadDecision.APPROVE_WITH_CHANGES && !changes) {
    v.push({ rule: 'R-DEC-11', code: 'CHANGES_REQUIRED', message: '「原则同意，按意见修改」须写明修改要求，修改稿将据此确认后签发 (R-DEC-11)' });
  }
  if (f.decision !== HeadDecision.APPROVE_WITH_CHANGES && changes) {
    v.push({
      rule: 'R-DEC-11',
      code: 'CHANGES_WITHOUT_APPROVAL_WITH_CHANGES',
      message:
        f.decision === HeadDecision.APPROVE
          ? '同意并提出修改要求的，请选择「原则同意，按意见修改」，修改稿经确认后签发 (R-DEC-11)'
          : '只有「原则同意，按意见修改」记录修改要求；其他决定的意见请写在理由中 (R-DEC-11)',
    });
  }
  return v;
}

/**
 * What the head's decision does to the proposal once the minutes are finalised (R-DEC-11): DEFER
 * leaves it eligible for a later meeting (null).
 */
export function proposalEventOf(decision: HeadDecision): ProposalEvent | null {
  switch (decision) {
    case HeadDecision.APPROVE:
    case HeadDecision.APPROVE_WITH_CHANGES:
      return 'HEAD_APPROVE';
    case HeadDecision.REJECT:
      return 'HEAD_REJECT';
    case HeadDecision.RETURN_FOR_REVISION:
      return 'HEAD_RETURN';
    case HeadDecision.DEFER:
      return null;
  }
}

/**
 * R-DEC-12: the signed version is exactly the approved one — the deliberated draft, or, after an
 * approval with changes, the amended text the chair confirmed (the workflow checks the decision is
 * approved and unsigned).
 */
export function signOffViolations(f: {
  approvedDraftNumber: number;
  approvedDraftHash: string;
  amendedDraftNumber: number | null;
  amendedDraftHash: string | null;
  signedDraftHash: string;
}): Violation[] {
  const expected = f.amendedDraftHash ?? f.approvedDraftHash;
  if (f.signedDraftHash === expected) return [];
  const message =
    f.amendedDraftHash !== null
      ? `签发的版本必须是会议主持人确认的修改稿（第 ${f.amendedDraftNumber} 稿），不是会议讨论稿或其他版本 (R-DEC-12)`
      : `签发的版本必须与集体讨论通过的版本（第 ${f.approvedDraftNumber} 稿）一致 (R-DEC-12)`;
  return [{ rule: 'R-DEC-12', code: 'VERSION_MISMATCH', message }];
}

/** R-DEC-13 / R-DEC-14 before publication (the workflow checks the decision is signed). */
export function publicationViolations(f: { partyReportedOn: string | null; broadConcern: boolean; explanation: string | null }): Violation[] {
  const v: Violation[] = [];
  if (!f.partyReportedOn) v.push({ rule: 'R-DEC-13', code: 'PARTY_REPORT_MISSING', message: '决定出台前须向同级党委报告，尚未登记 (R-DEC-13)' });
  if (f.broadConcern && !f.explanation?.trim()) {
    v.push({ rule: 'R-DEC-14', code: 'OPINION_USE_MISSING', message: '社会广泛关注的决策，公布时须说明公众意见、专家意见的采纳情况 (R-DEC-14)' });
  }
  return v;
}

/** R-DEC-16: the post-evaluation assessor may not be the unit that made the pre-decision risk assessment. */
export function postEvaluationViolations(assessor: string, riskAssessors: string[]): Violation[] {
  const norm = (s: string) => s.replace(/\s+/g, '');
  if (!riskAssessors.some((r) => norm(r) === norm(assessor))) return [];
  return [{ rule: 'R-DEC-16', code: 'ASSESSOR_CONFLICT', message: `「${assessor}」承担了决策前风险评估，不能再承担决策后评估 (R-DEC-16)` }];
}

/** R-DEC-11: minutes are finalised only when the agenda has items and each has the head's decision. */
export function agendaDecidedViolations(items: { seq: number; decided: boolean }[]): Violation[] {
  if (items.length === 0) return [{ rule: 'R-DEC-11', code: 'AGENDA_EMPTY', message: '会议没有议题 (R-DEC-11)' }];
  return items.filter((i) => !i.decided).map((i) => ({ rule: 'R-DEC-11', code: 'ITEM_UNDECIDED', message: `第 ${i.seq} 项议题尚未作出决定 (R-DEC-11)` }));
}

/** R-DEC-14: signed, not yet published, and past the due date today. */
export function publicationOverdue(f: { status: DecisionStatus; publicationDueOn: string | null }, today: string): boolean {
  return f.status === DecisionStatus.SIGNED && !!f.publicationDueOn && today > f.publicationDueOn;
}

// ------------------------------------------------------------------ standing bodies (R-DEC-11)

/**
 * The roll of a meeting is the body's members on its date, so the body's history before its latest
 * meeting is settled: a change of members or head takes effect only after that meeting's date.
 */
function rollTakenViolation(effectiveOn: string, lastMeetingOn: string | null): Violation[] {
  if (!lastMeetingOn || effectiveOn > lastMeetingOn) return [];
  return [
    {
      rule: 'R-DEC-11',
      code: 'ROLL_ALREADY_TAKEN',
      message: `本机构 ${lastMeetingOn} 的会议已按当日成员确定应到名单，成员或负责人变动须自该日之后生效（所填生效日 ${effectiveOn}）(R-DEC-11)`,
    },
  ];
}

/** R-DEC-11: a new period of membership neither overlaps the member's earlier ones nor rewrites a meeting's roll. */
export function membershipStartViolations(f: { name: string; startedOn: string; openSince: string | null; lastEndedOn: string | null; lastMeetingOn: string | null }): Violation[] {
  const v: Violation[] = [];
  if (f.openSince) {
    v.push({ rule: 'R-DEC-11', code: 'ALREADY_MEMBER', message: `「${f.name}」自 ${f.openSince} 起已是本机构成员；变更职务或副职身份请先结束现任期再新增 (R-DEC-11)` });
  } else if (f.lastEndedOn && f.startedOn <= f.lastEndedOn) {
    v.push({ rule: 'R-DEC-11', code: 'PERIODS_OVERLAP', message: `「${f.name}」此前的任期至 ${f.lastEndedOn} 结束，新任期的开始日 ${f.startedOn} 须在其后 (R-DEC-11)` });
  }
  v.push(...rollTakenViolation(f.startedOn, f.lastMeetingOn));
  return v;
}

/** R-DEC-11: a membership ends once, after it started, never while its member heads the body, and not before a meeting it was called to. */
export function membershipEndViolations(f: {
  name: string;
  startedOn: string;
  endedOn: string;
  alreadyEndedOn: string | null;
  headAfterEnd: boolean;
  lastMeetingOn: string | null;
}): Violation[] {
  if (f.alreadyEndedOn) return [{ rule: 'R-DEC-11', code: 'ALREADY_ENDED', message: `「${f.name}」的该任期已于 ${f.alreadyEndedOn} 结束 (R-DEC-11)` }];
  const v: Violation[] = [];
  if (f.endedOn < f.startedOn) v.push({ rule: 'R-DEC-11', code: 'END_BEFORE_START', message: `任期结束日 ${f.endedOn} 早于开始日 ${f.startedOn} (R-DEC-11)` });
  if (f.headAfterEnd) {
    v.push({ rule: 'R-DEC-11', code: 'HEAD_REMAINS_MEMBER', message: `「${f.name}」在 ${f.endedOn} 之后仍是本机构主要负责人：请先任命新的负责人，再结束其成员任期 (R-DEC-11)` });
  }
  v.push(...rollTakenViolation(addCalendarDays(f.endedOn, 1), f.lastMeetingOn));
  return v;
}

/** R-DEC-11: the head is a member from the first day as head, comes after the current head, and changes only after the latest meeting. */
export function headChangeViolations(f: {
  name: string;
  startedOn: string;
  memberOnStart: boolean;
  current: { sameUser: boolean; startedOn: string } | null;
  lastMeetingOn: string | null;
}): Violation[] {
  const v: Violation[] = [];
  if (!f.memberOnStart) v.push({ rule: 'R-DEC-11', code: 'HEAD_NOT_MEMBER', message: `「${f.name}」在 ${f.startedOn} 不是本机构的现任成员，请先将其增补为成员 (R-DEC-11)` });
  if (f.current?.sameUser) v.push({ rule: 'R-DEC-11', code: 'ALREADY_HEAD', message: `「${f.name}」自 ${f.current.startedOn} 起已是本机构主要负责人 (R-DEC-11)` });
  else if (f.current && f.startedOn <= f.current.startedOn) {
    v.push({ rule: 'R-DEC-11', code: 'HEAD_ORDER', message: `新负责人的任职日 ${f.startedOn} 须晚于现任负责人的任职日 ${f.current.startedOn} (R-DEC-11)` });
  }
  v.push(...rollTakenViolation(f.startedOn, f.lastMeetingOn));
  return v;
}

/** One member of the body on a meeting date, as the roll rules see it. */
export interface RollMember {
  userId: string;
  name: string;
  role: BodyRole;
}

/**
 * R-DEC-11: a meeting's roll is its body's members on its date, with its head; the caller only says
 * who is absent and why. A deputy chairs only by a recorded delegation, and must attend.
 */
export function rollViolations(f: {
  bodyName: string;
  heldOn: string;
  roll: RollMember[];
  absences: { userId: string; reason: string }[];
  delegation: { deputyId: string; note: string } | null;
}): Violation[] {
  const v: Violation[] = [];
  if (f.roll.length === 0) v.push({ rule: 'R-DEC-11', code: 'NO_MEMBERS', message: `${f.bodyName}在 ${f.heldOn} 没有在任成员，请先由管理员维护成员 (R-DEC-11)` });
  else if (!f.roll.some((m) => m.role === BodyRole.HEAD)) {
    v.push({ rule: 'R-DEC-11', code: 'NO_HEAD', message: `${f.bodyName}在 ${f.heldOn} 没有主要负责人，请先由管理员设定 (R-DEC-11)` });
  }
  const byId = new Map(f.roll.map((m) => [m.userId, m]));
  for (const a of f.absences) {
    const m = byId.get(a.userId);
    if (!m) v.push({ rule: 'R-DEC-11', code: 'NOT_ON_ROLL', message: `缺席人员中有不是${f.bodyName} ${f.heldOn} 在任成员的用户（${a.userId}）(R-DEC-11)` });
    else if (!a.reason.trim()) v.push({ rule: 'R-DEC-11', code: 'ABSENCE_REASON_REQUIRED', message: `「${m.name}」缺席，须写明缺席原因 (R-DEC-11)` });
  }
  if (f.delegation) {
    const absent = new Set(f.absences.map((a) => a.userId));
    v.push(...delegationViolations({ deputy: byId.get(f.delegation.deputyId) ?? null, deputyPresent: !absent.has(f.delegation.deputyId), note: f.delegation.note, anyDecided: false }));
  }
  return v;
}

/** R-DEC-11: the head delegates the chair to a present deputy on the roll, in writing, before any item is decided. */
export function delegationViolations(f: { deputy: RollMember | null; deputyPresent: boolean; note: string; anyDecided: boolean }): Violation[] {
  const v: Violation[] = [];
  if (f.anyDecided) v.push({ rule: 'R-DEC-11', code: 'ALREADY_DECIDING', message: '本次会议已有议题作出决定，不能再改变主持人 (R-DEC-11)' });
  if (!f.deputy || f.deputy.role !== BodyRole.DEPUTY) {
    v.push({ rule: 'R-DEC-11', code: 'DELEGATE_NOT_DEPUTY', message: '只能委托会议当日在任的副职主持会议 (R-DEC-11)' });
  } else if (!f.deputyPresent) {
    v.push({ rule: 'R-DEC-11', code: 'DELEGATE_ABSENT', message: `受委托主持的「${f.deputy.name}」缺席本次会议 (R-DEC-11)` });
  }
  if (!f.note.trim()) v.push({ rule: 'R-DEC-11', code: 'DELEGATION_NOTE_REQUIRED', message: '请记录委托情况（委托人、方式、事由）(R-DEC-11)' });
  return v;
}

// ------------------------------------------------------------------ approve with changes (R-DEC-12, R-DEC-9)

/** A finding of the opinion in force, as the amendment rules see it. */
export interface FindingRef {
  id: string;
  seq: number;
  mustFix: boolean;
}

/**
 * R-DEC-9 after deliberation: does the amended text need the legal advisor's confirmation too? Yes
 * when the sponsor declares it concerns findings of the opinion in force, and yes whenever that
 * opinion has must-fix findings — the text's lawfulness hinged on those fixes, and a change made
 * after the meeting can undo one whether or not the sponsor sees the link.
 */
export function legalConfirmationNeed(findings: FindingRef[] | null, declaredIds: string[]): { required: boolean; basis: string | null } {
  if (!findings) return { required: false, basis: null };
  const declared = findings.filter((x) => declaredIds.includes(x.id)).map((x) => x.seq);
  const mustFix = findings.filter((x) => x.mustFix).map((x) => x.seq);
  const parts: string[] = [];
  if (declared.length) parts.push(`承办部门说明修改涉及法律意见第 ${declared.join('、')} 条`);
  if (mustFix.length) parts.push(`现行法律意见有必须修改的意见（第 ${mustFix.join('、')} 条）`);
  return parts.length ? { required: true, basis: parts.join('；') } : { required: false, basis: null };
}

/** R-DEC-12 / R-DEC-9: the amended text differs from the deliberated one, and the findings it names are the opinion's. */
export function amendedTextViolations(f: { deliberatedHash: string; amendedHash: string; findings: FindingRef[] | null; declaredIds: string[] }): Violation[] {
  const v: Violation[] = [];
  if (f.amendedHash === f.deliberatedHash) {
    v.push({ rule: 'R-DEC-12', code: 'AMENDMENT_UNCHANGED', message: '修改稿与会议讨论稿完全相同，请按会议的修改要求修改后再提交 (R-DEC-12)' });
  }
  const known = new Set((f.findings ?? []).map((x) => x.id));
  const unknown = f.declaredIds.filter((id) => !known.has(id));
  if (unknown.length) {
    v.push({ rule: 'R-DEC-9', code: 'UNKNOWN_FINDING', message: `所称涉及的审查意见（${unknown.join('、')}）不是现行法律意见的条目 (R-DEC-9)` });
  }
  return v;
}

/** R-DEC-9: when the legal advisor must confirm the amended text, the chair confirms after the advisor. */
export function chairConfirmationViolations(f: { legalRequired: boolean; legalBasis: string | null; advisorConfirmed: boolean }): Violation[] {
  if (!f.legalRequired || f.advisorConfirmed) return [];
  return [{ rule: 'R-DEC-9', code: 'LEGAL_CONFIRMATION_PENDING', message: `修改稿须先经法律顾问确认（${f.legalBasis ?? '涉及法律意见'}）(R-DEC-9)` }];
}

/** R-DEC-9: the legal advisor confirms an amended text once. */
export function advisorConfirmationViolations(f: { advisorConfirmed: boolean }): Violation[] {
  if (!f.advisorConfirmed) return [];
  return [{ rule: 'R-DEC-9', code: 'ALREADY_CONFIRMED', message: '法律顾问已确认该修改稿 (R-DEC-9)' }];
}

/** Where an amended text stands, from its record. */
export function amendmentStatusOf(a: { returnedAt?: Date | null; chairConfirmedAt?: Date | null }): AmendmentStatus {
  if (a.returnedAt) return AmendmentStatus.RETURNED;
  if (a.chairConfirmedAt) return AmendmentStatus.CONFIRMED;
  return AmendmentStatus.SUBMITTED;
}
