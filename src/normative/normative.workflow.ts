import { MANAGERS, Role } from '../core/roles';
import { defineWorkflow } from '../core/workflow';
import { DocumentState, FilingOutcomeKind, FilingStatus } from './normative.enums';

export type NormativeEvent =
  | 'ADD_VERSION'
  | 'ASSESS'
  | 'CONFIRM_ASSESSMENT'
  | 'SET_RELEASE_FACTS'
  | 'CORRECT_FACTS'
  | 'RECORD_FAIR_COMPETITION'
  | 'REQUEST_NORMATIVE_REVIEW'
  | 'ADD_MATERIAL'
  | 'DELIBERATE'
  | 'REGISTER_NUMBER'
  | 'PREPARE_FILING_MATERIAL'
  | 'RELEASE'
  | 'RECORD_FILING'
  | 'AMEND'
  | 'CLEANUP'
  | 'REPEAL';

/** Who registers and edits documents: drafters for their own department, filing officers and admins for any. */
export const NORMATIVE_EDITORS: readonly Role[] = [Role.DRAFTER, Role.FILING_OFFICER, Role.ADMIN];
const EDITORS = NORMATIVE_EDITORS;
const DRAFTING = [DocumentState.DRAFTING];
const RELEASED = [DocumentState.RELEASED];
const ANY_STATE = [DocumentState.DRAFTING, DocumentState.RELEASED, DocumentState.AMENDED, DocumentState.REPEALED];

/**
 * The life of a normative document in one table (R-ND-1…10). Work on the text, the assessment, the
 * release facts and the number happens while DRAFTING (R-ND-4: a released document is never
 * changed; a new document replaces it). RELEASE passes the release gate (normative.rules.ts
 * `releaseBlockers`). A released document ends by AMEND — when the document drafted to replace it
 * (`createNormativeDocument` with `replacesId`) is released — or by REPEAL in a clean-up. Expiry is
 * computed from the validity period, never a state. `actor` 起草部门: drafters act for their own
 * department only; filing officers and admins for any.
 */
export const NORMATIVE_WORKFLOW = defineWorkflow<DocumentState, NormativeEvent>({
  name: 'normativeDocument',
  subject: '规范性文件',
  states: {
    DRAFTING: '起草中',
    RELEASED: '已公布施行',
    AMENDED: '已被修改（由新文件替代）',
    REPEALED: '已废止',
  },
  transitions: [
    { event: 'ADD_VERSION', from: DRAFTING, rule: 'R-ND-4', label: '修改文本', roles: EDITORS, actor: '起草部门', mutation: 'addNormativeVersion' },
    { event: 'ASSESS', from: DRAFTING, rule: 'R-ND-2', label: '报备判定', roles: [Role.FILING_OFFICER], mutation: 'assessFilingObligation' },
    { event: 'CONFIRM_ASSESSMENT', from: DRAFTING, rule: 'R-ND-2', label: '确认报备判定', roles: [Role.FILING_OFFICER], mutation: 'confirmFilingAssessment' },
    { event: 'SET_RELEASE_FACTS', from: DRAFTING, rule: 'R-ND-4', label: '登记发布要件', roles: EDITORS, actor: '起草部门', mutation: 'setReleaseFacts' },
    // Title, issuer and flags are corrected with a reason, audited before and after (a released document is never changed).
    { event: 'CORRECT_FACTS', from: DRAFTING, rule: 'R-ND-4', label: '更正登记事项', roles: EDITORS, actor: '起草部门', mutation: 'correctNormativeFacts' },
    {
      event: 'RECORD_FAIR_COMPETITION',
      from: DRAFTING,
      rule: 'R-ND-4',
      label: '登记公平竞争审查',
      roles: EDITORS,
      actor: '起草部门',
      mutation: 'recordNormativeFairCompetitionReview',
    },
    { event: 'REQUEST_NORMATIVE_REVIEW', from: DRAFTING, rule: 'R-ND-4', label: '提请合法性审核', roles: EDITORS, actor: '起草部门', mutation: 'requestNormativeReview' },
    { event: 'ADD_MATERIAL', from: DRAFTING, rule: 'R-LR-2', label: '添加送审材料', roles: EDITORS, actor: '起草部门', mutation: 'addNormativeMaterial' },
    // Put on the agenda of the issuer's own body (集体审议); the head decides, the finalised minutes record it.
    { event: 'DELIBERATE', from: DRAFTING, rule: 'R-ND-4', label: '提请集体审议', roles: MANAGERS, mutation: 'addAgendaItem' },
    { event: 'REGISTER_NUMBER', from: DRAFTING, rule: 'R-ND-5', label: '统一登记编号', roles: [Role.FILING_OFFICER], mutation: 'registerNormativeDocument' },
    // Materials may be prepared or completed at any time: a deferred filing is corrected after release.
    { event: 'PREPARE_FILING_MATERIAL', from: ANY_STATE, rule: 'R-ND-6', label: '准备报备材料', roles: EDITORS, actor: '起草部门', mutation: 'prepareFilingMaterial' },
    { event: 'RELEASE', from: DRAFTING, to: DocumentState.RELEASED, rule: 'R-ND-4', label: '公布', roles: [Role.FILING_OFFICER, Role.ADMIN], mutation: 'releaseNormativeDocument' },
    { event: 'RECORD_FILING', from: RELEASED, rule: 'R-ND-6', label: '报备', roles: [Role.FILING_OFFICER], mutation: 'recordFiling' },
    // Fired on the replaced document when its replacement is released (releaseNormativeDocument).
    { event: 'AMEND', from: RELEASED, to: DocumentState.AMENDED, rule: 'R-ND-4', label: '起草新文件替代（修改）', roles: EDITORS, actor: '起草部门', mutation: 'createNormativeDocument' },
    { event: 'CLEANUP', from: RELEASED, rule: 'R-ND-10', label: '清理（继续有效或修改）', roles: [Role.FILING_OFFICER], mutation: 'recordCleanupOutcome' },
    { event: 'REPEAL', from: RELEASED, to: DocumentState.REPEALED, rule: 'R-ND-10', label: '清理废止', roles: [Role.FILING_OFFICER], mutation: 'recordCleanupOutcome' },
  ],
});

/** The events of a filing are the supervising body's answers. */
export type FilingEvent = FilingOutcomeKind;

/**
 * A filing with the supervising body (R-ND-6, R-ND-7): its events are the body's answers
 * (FilingOutcomeKind), each recorded by the filing officer with `recordFilingOutcome`. A deferral is
 * corrected back to FILED; a registered filing is reviewed, with or without a correction to close.
 */
export const FILING_WORKFLOW = defineWorkflow<FilingStatus, FilingEvent>({
  name: 'filing',
  subject: '备案',
  states: {
    FILED: '已报送',
    DEFERRED: '暂缓登记，待补正',
    REGISTERED: '已登记',
    REVIEWED_NO_ISSUE: '审查无问题',
    CORRECTION_REQUIRED: '审查要求纠正',
    CORRECTION_CLOSED: '纠正完毕',
  },
  transitions: [
    { event: FilingOutcomeKind.REGISTER, from: [FilingStatus.FILED], to: FilingStatus.REGISTERED, rule: 'R-ND-7', label: '予以登记', roles: [Role.FILING_OFFICER], mutation: 'recordFilingOutcome' },
    { event: FilingOutcomeKind.DEFER, from: [FilingStatus.FILED], to: FilingStatus.DEFERRED, rule: 'R-ND-7', label: '暂缓登记', roles: [Role.FILING_OFFICER], mutation: 'recordFilingOutcome' },
    { event: FilingOutcomeKind.CORRECT, from: [FilingStatus.DEFERRED], to: FilingStatus.FILED, rule: 'R-ND-7', label: '补正材料', roles: [Role.FILING_OFFICER], mutation: 'recordFilingOutcome' },
    { event: FilingOutcomeKind.REVIEW_NO_ISSUE, from: [FilingStatus.REGISTERED], to: FilingStatus.REVIEWED_NO_ISSUE, rule: 'R-ND-7', label: '审查无问题', roles: [Role.FILING_OFFICER], mutation: 'recordFilingOutcome' },
    {
      event: FilingOutcomeKind.REQUIRE_CORRECTION,
      from: [FilingStatus.REGISTERED],
      to: FilingStatus.CORRECTION_REQUIRED,
      rule: 'R-ND-7',
      label: '审查要求纠正',
      roles: [Role.FILING_OFFICER],
      mutation: 'recordFilingOutcome',
    },
    {
      event: FilingOutcomeKind.CLOSE_CORRECTION,
      from: [FilingStatus.CORRECTION_REQUIRED],
      to: FilingStatus.CORRECTION_CLOSED,
      rule: 'R-ND-7',
      label: '纠正完毕',
      roles: [Role.FILING_OFFICER],
      mutation: 'recordFilingOutcome',
    },
  ],
});
