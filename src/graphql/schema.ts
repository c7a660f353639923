import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver';
import { CalendarResolver } from '../calendar/calendar.resolver';
import { AuthResolver, DepartmentResolver, UserResolver } from '../identity/identity.resolver';
import { authChecker } from './auth';
import { RulesResolver, ViolationRuleResolver } from './rules.resolver';
import { NodeResolver } from './node.resolver';
import { DirectoryAdjustmentResolver, DirectoryItemResolver, DirectoryResolver } from '../directory/directory.resolver';
import { ConsultationResolver, ProposalResolver, ProposalReviewFieldResolver } from '../proposal/proposal.resolver';
import { OpinionResolver, ReviewResolver } from '../review/review.resolver';
import { ContractResolver, ContractReviewFieldResolver } from '../contract/contract.resolver';
import { MaterialResolver, TextVersionResolver } from '../content/content.resolver';
import {
  AgendaItemResolver,
  NormativeAgendaFieldResolver,
  DecisionResolver,
  ProposalDecisionFieldResolver,
  MeetingMemberResolver,
  MeetingResolver,
  MemberPositionResolver,
  TimelineEntryKindFieldResolver,
} from '../deliberation/deliberation.resolver';
import { FilingResolver, NormativeResolver, NormativeReviewFieldResolver } from '../normative/normative.resolver';
import { BodyHeadshipResolver, BodyMembershipResolver, StandingBodyResolver } from '../deliberation/body.resolver';
import { DecisionAmendmentResolver } from '../deliberation/amendment.resolver';
import { EnforcementResolver, EnforcementReviewFieldResolver } from '../enforcement/enforcement.resolver';
import { NormativeMaterialResolver } from '../normative/normative-material.resolver';
import { AnnualDepartmentRateResolver, AnnualDepartmentValueResolver, AnnualRecordResolver, AnnualReportResolver } from '../report/annual-report.resolver';
import { AdministrativeCaseResolver, DisputeMediationResolver, LegalConsultationResolver, PublicityEventResolver } from '../register/register.resolver';
import { CleanupCampaignResolver, CleanupEntryResolver, NormativeWorkResolver } from '../normative/normative-work.resolver';
import {
  DecisionDocumentsResolver,
  DirectoryDocumentsResolver,
  NormativeDocumentsResolver,
  OpinionDocumentsResolver,
  RegisterDocumentsResolver,
  AnnualReportDocumentsResolver,
  ReviewDocumentsResolver,
} from '../documents/documents.resolver';
import { NotificationDeliveryResolver, NotificationPreferenceResolver, NotificationResolver } from '../notifications/notification.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  DepartmentResolver,
  UserResolver,
  AuditResolver,
  RulesResolver,
  NodeResolver,
  ViolationRuleResolver,
  CalendarResolver,
  DirectoryResolver,
  DirectoryItemResolver,
  DirectoryAdjustmentResolver,
  TextVersionResolver,
  MaterialResolver,
  ProposalResolver,
  ProposalReviewFieldResolver,
  ConsultationResolver,
  ReviewResolver,
  OpinionResolver,
  ContractResolver,
  ContractReviewFieldResolver,
  MeetingResolver,
  MeetingMemberResolver,
  AgendaItemResolver,
  MemberPositionResolver,
  DecisionResolver,
  ProposalDecisionFieldResolver,
  TimelineEntryKindFieldResolver,
  StandingBodyResolver,
  BodyMembershipResolver,
  BodyHeadshipResolver,
  DecisionAmendmentResolver,
  NormativeResolver,
  FilingResolver,
  NormativeReviewFieldResolver,
  EnforcementResolver,
  EnforcementReviewFieldResolver,
  NormativeMaterialResolver,
  NormativeWorkResolver,
  CleanupCampaignResolver,
  CleanupEntryResolver,
  NormativeAgendaFieldResolver,
  LegalConsultationResolver,
  DisputeMediationResolver,
  AdministrativeCaseResolver,
  PublicityEventResolver,
  AnnualReportResolver,
  AnnualDepartmentValueResolver,
  AnnualDepartmentRateResolver,
  AnnualRecordResolver,
  OpinionDocumentsResolver,
  ReviewDocumentsResolver,
  DecisionDocumentsResolver,
  DirectoryDocumentsResolver,
  NormativeDocumentsResolver,
  RegisterDocumentsResolver,
  NotificationResolver,
  NotificationPreferenceResolver,
  NotificationDeliveryResolver,
  AnnualReportDocumentsResolver,
];

let cached: Promise<GraphQLSchema> | null = null;

/** The executable schema (built once per process: type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    emitSchemaFile: false,
  });
  return cached;
}

/** The SDL committed as schema/schema.graphql: sorted so diffs are stable. */
export async function printSortedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
