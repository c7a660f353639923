import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TextVersion } from '../content/text-version.entity';
import { ConnectionType, PageInfo } from '../graphql/connection';
import { Payload } from '../graphql/payload';
import { CleanupCampaign, CleanupEntry, Filing, FilingMaterial, NormativeDocument, NormativeFairCompetitionReview } from './normative.entity';
import { DocumentEnding, FilingFlagKind } from './normative.enums';

/** GraphQL-only object types of the normative area: connections, payloads, reports. */

/** Where a term was found. */
export enum TermLocation {
  TITLE = 'TITLE',
  TEXT = 'TEXT',
}
registerEnumType(TermLocation, { name: 'TermLocation', description: 'Where a term was found', valuesConfig: { TITLE: { description: '标题' }, TEXT: { description: '正文' } } });

export const NormativeConnection = ConnectionType(NormativeDocument, 'NormativeDocument');

const documentField = { document: { type: () => NormativeDocument } };
export const NormativeDocumentPayload = Payload('NormativeDocumentPayload', 'A normative document after the change (规范性文件)', documentField);
export const NormativeVersionPayload = Payload('NormativeVersionPayload', 'A new text version and its document (修改文本)', {
  ...documentField,
  version: { type: () => TextVersion },
});
export const NormativeReleasePayload = Payload('NormativeReleasePayload', 'The released document, and the one it replaced (公布)', {
  ...documentField,
  replaced: { type: () => NormativeDocument, nullable: true, description: 'The document it replaced, now AMENDED (R-ND-4)' },
});
export const NormativeFairCompetitionPayload = Payload('NormativeFairCompetitionPayload', 'A recorded fair-competition review and its document (公平竞争审查)', {
  review: { type: () => NormativeFairCompetitionReview },
  ...documentField,
});
export const NormativeFairCompetitionConnection = ConnectionType(NormativeFairCompetitionReview, 'NormativeFairCompetitionReview');

@ObjectType('MarketEntityTerm', { description: 'A term that suggests the document touches market entities (涉及市场主体的提示词)' })
export class MarketEntityTermType {
  @Field(() => TermLocation)
  where!: TermLocation;

  @Field()
  term!: string;

  @Field({ description: 'The text around its first occurrence' })
  excerpt!: string;
}

@ObjectType('MarketEntitiesSuggestion', { description: 'Whether the title and current text suggest the document touches market entities (R-ND-4): the flag departs from it only with a reason' })
export class MarketEntitiesSuggestionType {
  @Field()
  suggested!: boolean;

  @Field(() => [MarketEntityTermType], { description: 'The terms found: one per term, so a handful' })
  terms!: MarketEntityTermType[];
}

export const FilingMaterialPayload = Payload('FilingMaterialPayload', 'A prepared filing material and its document (报备材料)', {
  ...documentField,
  material: { type: () => FilingMaterial },
});
export const FilingPayload = Payload('FilingPayload', 'A filing after the change, with its document (备案)', { filing: { type: () => Filing }, ...documentField });
export const CleanupCampaignPayload = Payload('CleanupCampaignPayload', 'A new clean-up campaign (清理工作)', { campaign: { type: () => CleanupCampaign } });
export const CleanupEntryPayload = Payload('CleanupEntryPayload', 'A clean-up outcome and the document after it (清理结果)', {
  entry: { type: () => CleanupEntry },
  ...documentField,
});

@ObjectType({ description: 'A live filing problem (备案预警), R-ND-8' })
export class FilingFlag {
  @Field(() => ID)
  documentId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  registrationNumber!: string | null;

  @Field(() => FilingFlagKind)
  kind!: FilingFlagKind;

  @Field()
  rule!: string;

  @Field()
  message!: string;

  @Field(() => LocalDateResolver, { nullable: true })
  dueOn!: string | null;
}

@ObjectType({ description: 'How many live filing problems of one kind match the filter' })
export class FilingFlagKindCount {
  @Field(() => FilingFlagKind)
  kind!: FilingFlagKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('FilingFlagEdge')
export class FilingFlagEdge {
  @Field(() => FilingFlag)
  node!: FilingFlag;

  @Field()
  cursor!: string;
}

@ObjectType({ description: 'A page of live filing problems, most urgent first (备案预警), with the totals per kind; the totals are counted only when selected' })
export class FilingFlagConnection {
  @Field(() => [FilingFlagEdge])
  edges!: FilingFlagEdge[];

  @Field(() => [FilingFlag])
  nodes!: FilingFlag[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'All live problems matching the filter, over all pages' })
  totalCount!: Promise<number>;

  @Field(() => Int, { description: 'Of which past a deadline (FILING_OVERDUE, DEFERRAL_OVERDUE)' })
  overdueCount!: Promise<number>;

  @Field(() => [FilingFlagKindCount], { description: 'Per kind, most urgent kind first (every kind, zeros included)' })
  countsByKind!: Promise<FilingFlagKindCount[]>;
}

@ObjectType({ description: 'Filing statistics for documents published in a period (备案统计)' })
export class FilingStatistics {
  @Field(() => LocalDateResolver)
  from!: string;

  @Field(() => LocalDateResolver)
  to!: string;

  @Field(() => [ID])
  requiredIds!: string[];

  @Field(() => [ID])
  filedIds!: string[];

  @Field(() => [ID])
  onTimeIds!: string[];

  @Field(() => [ID])
  reviewedIds!: string[];

  @Field(() => [ID])
  conformIds!: string[];

  @Field(() => Float, { nullable: true, description: 'Filed / required (报备率)' })
  filingRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Filed on time / filed (及时率)' })
  onTimeRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'No issue / reviewed (规范率)' })
  conformityRate!: number | null;
}

@ObjectType({ description: 'A document that ended in a period (失效、废止、修改文件目录), R-ND-10' })
export class EndedDocument {
  @Field(() => NormativeDocument)
  document!: NormativeDocument;

  @Field(() => DocumentEnding)
  change!: DocumentEnding;

  @Field(() => LocalDateResolver)
  on!: string;
}

export const EndedDocumentConnection = ConnectionType(EndedDocument, 'EndedDocument');
