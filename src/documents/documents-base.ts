import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '../audit/audit.service';
import type { Clock } from '../core/clock';
import { localDateOf } from '../core/clock';
import type { Config } from '../core/config';
import { AppError } from '../core/errors';
import type { Materials } from '../content/materials';
import type { ArchiveService } from '../deliberation/archive.service';
import { Department } from '../identity/department.entity';
import { User } from '../identity/user.entity';
import type { FilingService } from '../normative/filing.service';
import type { ProposalLifecycleService } from '../proposal/proposal-lifecycle.service';
import type { ReviewQueryService } from '../review/review-query.service';
import { DocumentFormat, safeFileName, type GeneratedFile } from './document-kinds';
import type { OfficialDocument } from './official-layout';

/** What the document services need: every record is read through its area's service or visibility rule. */
export interface DocumentsDeps {
  config: Config;
  clock: Clock;
  audit: AuditService;
  materials: Materials;
  proposals: ProposalLifecycleService;
  archive: ArchiveService;
  filing: FilingService;
  reviews: ReviewQueryService;
}

/** NOT_FOUND with a reason: the record exists (and the caller may see it) but has no such document yet. */
export function notAvailable(message: string): AppError {
  return new AppError('NOT_FOUND', message, { reason: 'DOCUMENT_NOT_AVAILABLE' });
}

export abstract class DocumentsBase {
  constructor(
    protected readonly em: EntityManager,
    protected readonly deps: DocumentsDeps,
  ) {}

  protected get organName(): string {
    return this.deps.config.documents.organName;
  }

  protected get today(): string {
    return localDateOf(this.deps.clock.now(), this.deps.config.timeZone);
  }

  protected async departmentName(id: string | null | undefined): Promise<string> {
    if (!id) return '';
    return (await this.em.findOne(Department, { id }, { fields: ['name'] }))?.name ?? '';
  }

  protected async userName(id: string | null | undefined): Promise<string | null> {
    if (!id) return null;
    return (await this.em.findOne(User, { id }, { fields: ['displayName'] }))?.displayName ?? null;
  }

  /** The document in the asked format (DOCX or PDF), named `<name>.<format>`. */
  protected async render(doc: OfficialDocument, name: string, format: DocumentFormat): Promise<GeneratedFile> {
    if (format !== DocumentFormat.DOCX && format !== DocumentFormat.PDF) throw new AppError('BAD_USER_INPUT', '该文书只提供 DOCX 或 PDF 格式', { field: 'format' });
    // The renderers (docx, pdfkit and its fonts) load with the first document, not with the server.
    const bytes =
      format === DocumentFormat.DOCX
        ? await (require('./docx-render') as typeof import('./docx-render')).renderDocx(doc)
        : await (require('./pdf-render') as typeof import('./pdf-render')).renderPdf(doc);
    return { fileName: `${safeFileName(name)}.${format}`, format, bytes };
  }
}
