import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver';
import { CalendarResolver } from '../calendar/calendar.resolver';
import { AuthResolver, DepartmentResolver, UserResolver } from '../identity/identity.resolver';
import { authChecker } from './auth';
import { DirectoryAdjustmentResolver, DirectoryItemResolver, DirectoryResolver } from '../directory/directory.resolver';
import {
  ConsultationResolver,
  DraftVersionResolver,
  MaterialResolver,
  ProposalResolver,
} from '../proposal/proposal.resolver';
import { ContractResolver, OpinionResolver, ReviewResolver } from '../review/review.resolver';
import {
  AgendaItemResolver,
  DecisionResolver,
  MeetingMemberResolver,
  MeetingResolver,
  MemberPositionResolver,
} from '../deliberation/deliberation.resolver';
import { NormativeResolver } from '../normative/normative.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const RESOLVERS: NonEmptyArray<Function> = [
  AuthResolver,
  DepartmentResolver,
  UserResolver,
  AuditResolver,
  CalendarResolver,
  DirectoryResolver,
  DirectoryItemResolver,
  DirectoryAdjustmentResolver,
  ProposalResolver,
  DraftVersionResolver,
  ConsultationResolver,
  MaterialResolver,
  ReviewResolver,
  OpinionResolver,
  ContractResolver,
  MeetingResolver,
  MeetingMemberResolver,
  AgendaItemResolver,
  MemberPositionResolver,
  DecisionResolver,
  NormativeResolver,
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
