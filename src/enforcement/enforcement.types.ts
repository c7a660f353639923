import { Field, ObjectType } from 'type-graphql';
import { TextVersion } from '../content/text-version.entity';
import { Meeting } from '../deliberation/deliberation.entity';
import { ConnectionType } from '../graphql/connection';
import { Payload } from '../graphql/payload';
import { EnforcementCase, EnforcementEvidence, EnforcementOfficer, EnforcementProcedureRecord } from './enforcement.entity';
import { MajorCriterion } from './enforcement.enums';

export const EnforcementCaseConnection = ConnectionType(EnforcementCase, 'EnforcementCase');
export const EnforcementEvidenceConnection = ConnectionType(EnforcementEvidence, 'EnforcementEvidence');

@ObjectType({ description: 'One reason a decision is major (认定理由), R-EN-1' })
export class MajorReasonType {
  @Field(() => MajorCriterion)
  criterion!: MajorCriterion;

  @Field()
  message!: string;
}

@ObjectType('MajorAssessment', { description: 'Whether the proposed decision is major, by the configured list, with every reason (是否属于重大执法决定), R-EN-1' })
export class MajorAssessmentType {
  @Field({ description: 'Major: the decision needs a concluded legal review before it is made; a case off the list may be submitted voluntarily' })
  major!: boolean;

  @Field(() => [MajorReasonType], { description: 'Every reason, empty when not major (a handful at most)' })
  reasons!: MajorReasonType[];
}

@ObjectType({ description: 'The collective discussion by the organ’s leadership behind a decision departing from the review (集体讨论), R-EN-4' })
export class CollectiveDiscussion {
  @Field(() => Meeting, { description: 'The finalised meeting, held on or after the opinion' })
  meeting!: Meeting;

  @Field({ description: 'What it concluded (讨论结论)' })
  conclusion!: string;

  @Field({ description: 'Why (理由)' })
  reason!: string;
}

const caseField = { enforcementCase: { type: () => EnforcementCase } };
export const EnforcementCasePayload = Payload('EnforcementCasePayload', 'An enforcement case after the change (执法案件)', caseField);
export const EnforcementEvidencePayload = Payload('EnforcementEvidencePayload', 'A new item of the evidence list, and its case (证据)', {
  evidence: { type: () => EnforcementEvidence },
  ...caseField,
});
export const EnforcementOfficerPayload = Payload('EnforcementOfficerPayload', 'A new officer of the case, and the case (执法人员)', {
  officer: { type: () => EnforcementOfficer },
  ...caseField,
});
export const EnforcementProcedurePayload = Payload('EnforcementProcedurePayload', 'A new step of the procedure record, and its case (程序记录)', {
  record: { type: () => EnforcementProcedureRecord },
  ...caseField,
});
export const ProposedEnforcementDecisionPayload = Payload('ProposedEnforcementDecisionPayload', 'A new version of the proposed decision, and its case (拟作出的执法决定)', {
  version: { type: () => TextVersion },
  ...caseField,
});
