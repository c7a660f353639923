import { Authorized, Ctx, Field, FieldResolver, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { requireUser } from '../graphql/auth';
import type { Context } from '../graphql/context';
import type { Row } from '../db/rows';
import { ALL_ROLES } from '../core/roles';
import { Decision } from '../deliberation/deliberation.entity';
import { DecisionDirectory } from '../directory/directory.entity';
import { NormativeDocument } from '../normative/normative.entity';
import { LegalOpinion } from '../review/opinion.entity';
import { ReviewRequest } from '../review/review-request.entity';
import { AnnualReportType } from '../report/annual-report.types';
import {
  decisionDocuments,
  directoryDocuments,
  normativeDocuments,
  opinionDocuments,
  registerDocuments,
  reviewDocuments,
} from './document-availability';
import { DocumentFormat, DocumentKind, KIND_LABELS, linksOf } from './document-kinds';

registerEnumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'A document the system produces from its records (文书种类)',
  valuesConfig: Object.fromEntries(Object.entries(DocumentKind).map(([k, v]) => [k, { description: KIND_LABELS[v] }])),
});
registerEnumType(DocumentFormat, {
  name: 'DocumentFormat',
  description: 'File format of a document: DOCX to edit and print, PDF to archive, XLSX registers, ZIP archives',
  valuesConfig: {
    DOCX: { description: 'Word 文档（可编辑、打印）' },
    PDF: { description: 'PDF 文档（归档）' },
    XLSX: { description: 'Excel 表格（登记簿）' },
    ZIP: { description: 'ZIP 压缩包（档案）' },
  },
});

@ObjectType('DocumentLink', { description: 'A downloadable document (可下载文书): GET its url with the same session cookie or bearer token' })
export class DocumentLinkType {
  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => DocumentFormat)
  format!: DocumentFormat;

  @Field({ description: 'What it is, in Chinese (法律意见书 …)' })
  title!: string;

  @Field({ description: 'Where to download it: /documents/<kind>/<id>.<format>, or /documents/<kind>.xlsx for a register' })
  url!: string;
}

const DOCS = { description: 'Documents of this record the signed-in user may download now (可下载文书), each format a link' };

@Resolver(() => LegalOpinion)
export class OpinionDocumentsResolver {
  @FieldResolver(() => [DocumentLinkType], DOCS)
  documents(@Root() o: Row<LegalOpinion>) {
    return opinionDocuments(o);
  }
}

@Resolver(() => ReviewRequest)
export class ReviewDocumentsResolver {
  @FieldResolver(() => [DocumentLinkType], { description: 'The return notice (退回补充通知) while the review is returned for supplement' })
  documents(@Root() r: Row<ReviewRequest>) {
    return reviewDocuments(r);
  }
}

@Resolver(() => Decision)
export class DecisionDocumentsResolver {
  @FieldResolver(() => [DocumentLinkType], { description: 'The decision document once signed off, and the decision archive as a ZIP (决策档案, R-DEC-15)' })
  documents(@Root() d: Row<Decision>) {
    return decisionDocuments(d);
  }
}

@Resolver(() => DecisionDirectory)
export class DirectoryDocumentsResolver {
  @FieldResolver(() => [DocumentLinkType], { description: 'The directory as an official document, once published' })
  documents(@Root() d: Row<DecisionDirectory>) {
    return directoryDocuments(d);
  }
}

@Resolver(() => NormativeDocument)
export class NormativeDocumentsResolver {
  @FieldResolver(() => [DocumentLinkType], { description: 'The filing report (备案报告) of a released document to be filed; for its department and the cross-department roles' })
  documents(@Root() d: Row<NormativeDocument>, @Ctx() ctx: Context) {
    return normativeDocuments(requireUser(ctx), d);
  }
}

@Resolver(() => AnnualReportType)
export class AnnualReportDocumentsResolver {
  @FieldResolver(() => [DocumentLinkType], { description: 'The report drafted from these figures (法治政府建设年度报告): DOCX to edit, PDF' })
  documents(@Root() r: AnnualReportType) {
    // Whoever reads the figures (the cross-department roles) may download the draft.
    return linksOf(DocumentKind.ANNUAL_REPORT, String(r.year));
  }
}

@Resolver()
export class RegisterDocumentsResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => [DocumentLinkType], { description: 'The registers (登记簿) the signed-in user may download as XLSX: the rows each may see' })
  registers(@Ctx() ctx: Context) {
    return registerDocuments(requireUser(ctx));
  }
}
