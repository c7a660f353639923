import { Entity, Enum, Index, ManyToOne, OneToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { DecisionProposal } from './proposal.entity';
import { FairCompetitionConclusion, OpinionResponse, RiskLevel } from './proposal.enums';

@ObjectType({ description: 'Public consultation (公开征求意见), R-DEC-4' })
@Entity({ tableName: 'public_consultation' })
export class PublicConsultation {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => DecisionProposal, { ref: true, owner: true, unique: true })
  proposal!: Ref<DecisionProposal>;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  endsOn!: string;

  @Field({ description: 'Where the draft was published (发布渠道)' })
  @Property({ type: 'string', length: 200 })
  channel!: string;

  @Field(() => String, { nullable: true, description: 'Reason for a window shorter than the minimum (缩短期限理由)' })
  @Property({ type: 'text', nullable: true })
  shortenedReason?: string | null;

  @Field(() => String, { nullable: true, description: 'Adoption summary (意见采纳情况说明)' })
  @Property({ type: 'text', nullable: true })
  adoptionSummary?: string | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version!: number;
}

@ObjectType({ description: 'A received consultation opinion (收到的意见) and its answer' })
@Entity({ tableName: 'consultation_opinion' })
@Index({ name: 'consultation_opinion_page_order', properties: ['consultation', 'seq', 'id'] })
@Unique({ properties: ['consultation', 'seq'] })
export class ConsultationOpinion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => PublicConsultation, { ref: true })
  consultation!: Ref<PublicConsultation>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seq!: number;

  @Field({ description: 'Who sent it (意见提出人)' })
  @Property({ type: 'string', length: 200 })
  submitter!: string;

  @Field()
  @Property({ type: 'text' })
  content!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  receivedOn!: string;

  @Field(() => OpinionResponse, { nullable: true })
  @Enum({ items: () => OpinionResponse, nullable: true })
  response?: OpinionResponse | null;

  @Field(() => String, { nullable: true, description: 'Reason, required when not (fully) adopted' })
  @Property({ type: 'text', nullable: true })
  responseReason?: string | null;
}

@ObjectType({ description: 'Hearing (听证), R-DEC-5' })
@Entity({ tableName: 'hearing' })
export class Hearing {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => DecisionProposal, { ref: true, owner: true, unique: true })
  proposal!: Ref<DecisionProposal>;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  heldOn!: string;

  @Field(() => [String], { description: 'Participants (听证参加人)' })
  @Property({ type: 'json' })
  participants!: string[];

  @Field(() => LocalDateResolver, { description: 'Participant list published on (参加人名单公布日期)' })
  @Property({ type: 'date' })
  participantsPublishedOn!: string;

  @Field(() => LocalDateResolver, { description: 'Materials sent to participants on (材料送达日期)' })
  @Property({ type: 'date' })
  materialsSentOn!: string;

  @Field(() => String, { nullable: true, description: 'Hearing record (听证笔录)' })
  @Property({ type: 'text', nullable: true })
  record?: string | null;

  @Field({ description: 'Record signed by the participants (笔录经参加人签字)' })
  @Property({ type: 'boolean' })
  recordSigned: boolean = false;
}

@ObjectType({ description: 'Signed expert opinion (专家论证意见), R-DEC-6' })
@Entity({ tableName: 'expert_opinion' })
@Index({ name: 'expert_opinion_page_order', properties: ['proposal', 'signedOn', 'id'] })
export class ExpertOpinion {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => DecisionProposal, { ref: true })
  proposal!: Ref<DecisionProposal>;

  @Field()
  @Property({ type: 'string', length: 100 })
  expertName!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  affiliation!: string;

  @Field({ description: 'Conflict-of-interest declaration (利害关系声明)' })
  @Property({ type: 'text' })
  conflictDeclaration!: string;

  @Field()
  @Property({ type: 'text' })
  opinion!: string;

  @Field(() => LocalDateResolver, { description: 'Signed on (签署日期)' })
  @Property({ type: 'date' })
  signedOn!: string;

  @Field(() => OpinionResponse, { nullable: true })
  @Enum({ items: () => OpinionResponse, nullable: true })
  adoption?: OpinionResponse | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  adoptionReason?: string | null;
}

@ObjectType({ description: 'Risk assessment (风险评估), R-DEC-7; the latest one counts' })
@Entity({ tableName: 'risk_assessment' })
@Index({ name: 'risk_assessment_page_order', properties: ['proposal', 'round', 'id'] })
@Unique({ properties: ['proposal', 'round'] })
export class RiskAssessment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Index()
  @ManyToOne(() => DecisionProposal, { ref: true })
  proposal!: Ref<DecisionProposal>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  round!: number;

  @Field({ description: 'Risk points (风险点)' })
  @Property({ type: 'text' })
  riskPoints!: string;

  @Field({ description: 'Measures (防范化解措施)' })
  @Property({ type: 'text' })
  measures!: string;

  @Field({ description: 'Contingency plan (应急处置预案)' })
  @Property({ type: 'text' })
  contingencyPlan!: string;

  @Field(() => RiskLevel)
  @Enum({ items: () => RiskLevel })
  level!: RiskLevel;

  @Field({ description: 'Who assessed (评估主体)' })
  @Property({ type: 'string', length: 200 })
  assessor!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  assessedOn!: string;
}

@ObjectType({ description: 'Fair-competition review (公平竞争审查)' })
@Entity({ tableName: 'fair_competition_review' })
export class FairCompetitionReview {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => DecisionProposal, { ref: true, owner: true, unique: true })
  proposal!: Ref<DecisionProposal>;

  @Field(() => FairCompetitionConclusion)
  @Enum({ items: () => FairCompetitionConclusion })
  conclusion!: FairCompetitionConclusion;

  @Field()
  @Property({ type: 'string', length: 100 })
  reviewer!: string;

  @Field(() => LocalDateResolver)
  @Property({ type: 'date' })
  reviewedOn!: string;

  @Field()
  @Property({ type: 'text' })
  notes!: string;
}
