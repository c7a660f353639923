import { IsUUID, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DiffOp } from '../content/line-diff';
import { Material } from '../content/material.entity';
import { TextVersion } from '../content/text-version.entity';
import { ConnectionType } from '../graphql/connection';
import { Payload } from '../graphql/payload';
import { ConsultationOpinion, ExpertOpinion, FairCompetitionReview, Hearing, PublicConsultation, RiskAssessment } from './procedure.entity';
import { DecisionProposal, ProposalAlternative, ProposalDisagreement } from './proposal.entity';
import { ProcedureKind } from './proposal.enums';

/** GraphQL-only types of the proposal area: connections, payloads, diffs and procedure status. */

export const ProposalConnection = ConnectionType(DecisionProposal, 'DecisionProposal');
export const RiskAssessmentConnection = ConnectionType(RiskAssessment, 'RiskAssessment');
export const ExpertOpinionConnection = ConnectionType(ExpertOpinion, 'ExpertOpinion');
export const ConsultationOpinionConnection = ConnectionType(ConsultationOpinion, 'ConsultationOpinion');

enum DiffOpEnum {
  EQUAL = 'EQUAL',
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
}
registerEnumType(DiffOpEnum, {
  name: 'DiffOp',
  description: 'Line diff operation (比对结果)',
  valuesConfig: { EQUAL: { description: '未变' }, ADDED: { description: '新增' }, REMOVED: { description: '删除' } },
});

@ObjectType({ description: 'One line of a draft diff' })
export class DiffLineType {
  @Field(() => DiffOpEnum)
  op!: DiffOp;

  @Field()
  text!: string;

  @Field(() => Int, { nullable: true })
  oldLine!: number | null;

  @Field(() => Int, { nullable: true })
  newLine!: number | null;
}

@ObjectType({ description: 'Line diff between two draft versions (草案比对)' })
export class DraftDiff {
  @Field(() => TextVersion)
  from!: TextVersion;

  @Field(() => TextVersion)
  to!: TextVersion;

  @Field(() => Int)
  added!: number;

  @Field(() => Int)
  removed!: number;

  @Field(() => [DiffLineType])
  lines!: DiffLineType[];
}

@ObjectType({ description: 'A statutory procedure of the proposal and whether it has a record (R-DEC-3)' })
export class ProcedureStatus {
  @Field(() => ProcedureKind)
  kind!: ProcedureKind;

  @Field({ description: 'Required: derived from the flags or added by a decision maker' })
  required!: boolean;

  @Field({ description: 'Derived from the flags (cannot be dropped)' })
  derived!: boolean;

  @Field({ description: 'Added by a decision maker' })
  added!: boolean;

  @Field({ description: 'A record of the procedure exists' })
  recorded!: boolean;
}

@InputType()
export class DraftDiffArgs {
  @Field(() => ID)
  @IsUUID('all', { message: '决策建议 id 格式无效' })
  proposalId!: string;

  @Field(() => Int)
  @Min(1)
  from!: number;

  @Field(() => Int)
  @Min(1)
  to!: number;
}



export const proposalField = { proposal: { type: () => DecisionProposal } };
export const ProposalPayload = Payload('ProposalPayload', 'A decision proposal after the change (决策建议)', proposalField);
export const DraftPayload = Payload('DraftVersionPayload', 'A new draft version and its proposal (新草案版本)', { ...proposalField, draft: { type: () => TextVersion } });
export const AlternativePayload = Payload('AlternativePayload', 'A recorded alternative (备选方案)', { ...proposalField, alternative: { type: () => ProposalAlternative } });
export const DisagreementPayload = Payload('DisagreementPayload', 'A recorded disagreement (部门分歧)', { ...proposalField, disagreement: { type: () => ProposalDisagreement } });
export const ConsultationPayload = Payload('ConsultationPayload', 'The public consultation after the change (征求意见)', { ...proposalField, consultation: { type: () => PublicConsultation } });
export const ConsultationOpinionPayload = Payload('ConsultationOpinionPayload', 'A registered or answered public opinion (意见登记)', {
  ...proposalField,
  opinion: { type: () => ConsultationOpinion },
});
export const HearingPayload = Payload('HearingPayload', 'The hearing record (听证)', { ...proposalField, hearing: { type: () => Hearing } });
export const ExpertOpinionPayload = Payload('ExpertOpinionPayload', 'An expert opinion after the change (专家论证意见)', { ...proposalField, expertOpinion: { type: () => ExpertOpinion } });
export const RiskAssessmentPayload = Payload('RiskAssessmentPayload', 'A new risk-assessment round (风险评估)', { ...proposalField, riskAssessment: { type: () => RiskAssessment } });
export const FairCompetitionPayload = Payload('FairCompetitionPayload', 'The fair-competition review (公平竞争审查)', {
  ...proposalField,
  fairCompetitionReview: { type: () => FairCompetitionReview },
});
export const MaterialPayload = Payload('MaterialPayload', 'A new material of a proposal (材料)', { ...proposalField, material: { type: () => Material } });

