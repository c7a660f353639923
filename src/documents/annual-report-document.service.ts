import type { Actor } from '../core/roles';
import type { AnnualReportService } from '../report/annual-report.service';
import { annualReportDocument } from './annual-report-document';
import type { DocumentFormat, GeneratedFile } from './document-kinds';
import { DocumentsBase, type DocumentsDeps } from './documents-base';

/**
 * The annual rule-of-law report drafted as DOCX (to edit) or PDF: the figures read by
 * `annualReport(year)`, with its access rule (the cross-department roles) and its validation of the year.
 */
export class AnnualReportDocumentService extends DocumentsBase {
  constructor(
    em: ConstructorParameters<typeof DocumentsBase>[0],
    deps: DocumentsDeps,
    private readonly annual: AnnualReportService,
  ) {
    super(em, deps);
  }

  async annualReport(user: Actor, year: number, format: DocumentFormat): Promise<GeneratedFile> {
    const report = await this.annual.annualReport(user, year);
    const doc = annualReportDocument({ organName: this.organName, report });
    return this.render(doc, `${report.year}年度法治政府建设情况报告`, format);
  }
}
