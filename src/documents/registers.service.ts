import type { FilterQuery } from '@mikro-orm/core';
import { ForbiddenError } from '../core/errors';
import { hasAnyRole, type Actor } from '../core/roles';
import { FLAG_READERS } from './flag-readers';
import { Contract } from '../contract/contract.entity';
import { visibleContracts } from '../contract/contract.visibility';
import { Department } from '../identity/department.entity';
import { NormativeDocument } from '../normative/normative.entity';
import { FILING_FLAG_LABELS } from '../normative/normative.labels';
import type { Flag } from '../normative/normative.rules';
import { visibleNormativeDocuments } from '../normative/normative.visibility';
import { ReviewRequest } from '../review/review-request.entity';
import { visibleReviews } from '../review/review.visibility';
import { DocumentFormat, DocumentKind, KIND_LABELS, type GeneratedFile, type RegisterKind } from './document-kinds';
import { DocumentsBase } from './documents-base';
import { enumLabel } from './labels';
import type { RegisterSpec } from './xlsx-register';

/** The XLSX writer (exceljs) loads with the first register download, not with the server. */
const xlsx = () => require('./xlsx-register') as typeof import('./xlsx-register');

/** Rows are read this many at a time, in the order of an index, each page in a fresh unit of work. */
const PAGE = 2000;

type Named<T> = T & { departmentName: string };

/**
 * The registers as XLSX workbooks: the rows the caller may see (each area's list filter —
 * visibleNormativeDocuments, visibleReviews, visibleContracts — or the filing flags' readers),
 * read page by page in index order and streamed into the workbook.
 */
export class RegisterService extends DocumentsBase {
  private departments: Map<string, string> | null = null;

  private async departmentNames(): Promise<Map<string, string>> {
    return (this.departments ??= new Map((await this.em.find(Department, {}, { fields: ['name'] })).map((d) => [d.id, d.name])));
  }

  /**
   * Keyset pages in (key, id) order — an index's order — each read in a fork so the identity map
   * never grows. The key must compare exactly as read back (text, a date, a uuid; never a timestamp).
   */
  private async *pages<T extends { id: string }>(
    entity: new () => T,
    where: FilterQuery<T>,
    key: keyof T & string,
    dir: 'asc' | 'desc',
    fields: (keyof T & string)[],
    department: (row: T) => string,
  ): AsyncGenerator<Named<T>[]> {
    const names = await this.departmentNames();
    const op = dir === 'asc' ? '$gt' : '$lt';
    let after: { key: unknown; id: string } | null = null;
    for (;;) {
      const em = this.em.fork({ clear: true });
      // Keyed by id alone: one range condition the primary key's index serves.
      const next = key === 'id' ? { id: { [op]: after?.id } } : { $or: [{ [key]: { [op]: after?.key } }, { [key]: after?.key, id: { [op]: after?.id } }] };
      const cond = (after === null ? where : { $and: [where, next] }) as FilterQuery<T>;
      const rows = await em.find(entity, cond, { fields: fields as never, orderBy: (key === 'id' ? { id: dir } : { [key]: dir, id: dir }) as never, limit: PAGE });
      yield rows.map((r) => Object.assign(r, { departmentName: names.get(department(r)) ?? '' }));
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1]!;
      after = { key: last[key], id: last.id };
    }
  }

  async register(user: Actor, kind: RegisterKind): Promise<GeneratedFile> {
    const name = `${KIND_LABELS[kind]}-${this.today}`;
    const file = (write: (out: NodeJS.WritableStream) => Promise<void>): GeneratedFile => ({ fileName: `${name}.xlsx`, format: DocumentFormat.XLSX, write });
    const meta = { creator: this.organName };
    switch (kind) {
      case DocumentKind.NORMATIVE_REGISTER: {
        const rows = this.pages(
          NormativeDocument,
          visibleNormativeDocuments(user),
          // By id: a timestamp read back in milliseconds cannot carry a keyset over rows whose
          // created_at differ in microseconds (or are equal); the auto filter sorts in the workbook.
          'id',
          'asc',
          ['title', 'registrationNumber', 'issuer', 'sponsorDepartment', 'state', 'confirmedVerdict', 'publishedOn', 'effectiveOn', 'validUntil', 'storedFilingDueOn', 'storedFiledOn', 'storedFilingStatus', 'touchesMarketEntities', 'currentVersionNumber', 'createdAt'],
          (d) => d.sponsorDepartment.id,
        );
        return file(async (out) => void (await xlsx().writeRegister(out as never, NORMATIVE_REGISTER, rows, meta)));
      }
      case DocumentKind.REVIEW_REGISTER: {
        const rows = this.pages(
          ReviewRequest,
          visibleReviews(user),
          'code',
          'asc',
          ['code', 'subjectType', 'subjectTitle', 'department', 'status', 'requestedAt', 'acceptedOn', 'dueOn', 'extensionWorkingDays', 'pausedWorkingDays', 'opinionIssuedOn', 'returnReason'],
          (r) => r.department.id,
        );
        return file(async (out) => void (await xlsx().writeRegister(out as never, REVIEW_REGISTER, rows, meta)));
      }
      case DocumentKind.CONTRACT_REGISTER: {
        const rows = this.pages(
          Contract,
          visibleContracts(user),
          'code',
          'asc',
          ['code', 'title', 'counterparty', 'amount', 'department', 'termStartsOn', 'termEndsOn', 'currentDraftNumber', 'createdAt'],
          (c) => c.department.id,
        );
        return file(async (out) => void (await xlsx().writeRegister(out as never, CONTRACT_REGISTER, rows, meta)));
      }
      case DocumentKind.FILING_FLAGS: {
        if (!hasAnyRole(user, FLAG_READERS)) throw new ForbiddenError('备案预警只对备案员、法律顾问、决策者和管理员开放');
        const flags = this.deps.filing.allFlags({}, this.today);
        return file(async (out) => void (await xlsx().writeRegister(out as never, FILING_FLAGS, batches(flags, PAGE), meta)));
      }
    }
  }
}

async function* batches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const x of source) {
    batch.push(x);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export const NORMATIVE_REGISTER: RegisterSpec<Named<NormativeDocument>> = {
  sheetName: '规范性文件登记簿',
  columns: [
    { header: '文件名称', type: 'text', width: 40, value: (d) => d.title },
    { header: '登记编号', type: 'text', width: 20, value: (d) => d.registrationNumber },
    { header: '发文机关', type: 'text', width: 12, value: (d) => enumLabel('Issuer', d.issuer).split('：')[0] },
    { header: '起草部门', type: 'text', width: 14, value: (d) => d.departmentName },
    { header: '状态', type: 'text', width: 8, value: (d) => enumLabel('DocumentState', d.state) },
    { header: '报备判定', type: 'text', width: 12, value: (d) => enumLabel('FilingVerdict', d.confirmedVerdict) },
    { header: '公布日期', type: 'date', width: 10, value: (d) => d.publishedOn },
    { header: '施行日期', type: 'date', width: 10, value: (d) => d.effectiveOn },
    { header: '有效期至', type: 'date', width: 10, value: (d) => d.validUntil },
    { header: '报备期限', type: 'date', width: 10, value: (d) => d.storedFilingDueOn },
    { header: '报备日期', type: 'date', width: 10, value: (d) => d.storedFiledOn },
    { header: '备案状态', type: 'text', width: 12, value: (d) => enumLabel('FilingStatus', d.storedFilingStatus) },
    { header: '涉及市场主体', type: 'boolean', width: 6, value: (d) => d.touchesMarketEntities },
    { header: '版本数', type: 'integer', width: 6, value: (d) => d.currentVersionNumber },
    { header: '登记时间', type: 'datetime', width: 16, value: (d) => d.createdAt },
  ],
};

export const REVIEW_REGISTER: RegisterSpec<Named<ReviewRequest>> = {
  sheetName: '合法性审查登记簿',
  columns: [
    { header: '审查编号', type: 'text', width: 12, value: (r) => r.code },
    { header: '审查对象', type: 'text', width: 12, value: (r) => enumLabel('ReviewSubjectType', r.subjectType) },
    { header: '名称', type: 'text', width: 40, value: (r) => r.subjectTitle },
    { header: '送审单位', type: 'text', width: 14, value: (r) => r.departmentName },
    { header: '状态', type: 'text', width: 12, value: (r) => enumLabel('ReviewStatus', r.status) },
    { header: '送审时间', type: 'datetime', width: 16, value: (r) => r.requestedAt },
    { header: '接收日期', type: 'date', width: 10, value: (r) => r.acceptedOn },
    { header: '审查期限', type: 'date', width: 10, value: (r) => r.dueOn },
    { header: '延期（工作日）', type: 'integer', width: 6, value: (r) => r.extensionWorkingDays },
    { header: '暂停（工作日）', type: 'integer', width: 6, value: (r) => r.pausedWorkingDays },
    { header: '意见出具日期', type: 'date', width: 10, value: (r) => r.opinionIssuedOn },
    { header: '退回原因', type: 'text', width: 30, value: (r) => r.returnReason },
  ],
};

export const CONTRACT_REGISTER: RegisterSpec<Named<Contract>> = {
  sheetName: '合同登记簿',
  columns: [
    { header: '合同编号', type: 'text', width: 12, value: (c) => c.code },
    { header: '合同名称', type: 'text', width: 36, value: (c) => c.title },
    { header: '相对方', type: 'text', width: 28, value: (c) => c.counterparty },
    { header: '金额（元）', type: 'decimal', width: 14, value: (c) => c.amount },
    { header: '承办部门', type: 'text', width: 14, value: (c) => c.departmentName },
    { header: '履行期限起', type: 'date', width: 10, value: (c) => c.termStartsOn },
    { header: '履行期限止', type: 'date', width: 10, value: (c) => c.termEndsOn },
    { header: '文本版本数', type: 'integer', width: 6, value: (c) => c.currentDraftNumber },
    { header: '登记时间', type: 'datetime', width: 16, value: (c) => c.createdAt },
  ],
};

export const FILING_FLAGS: RegisterSpec<Flag> = {
  sheetName: '备案预警',
  columns: [
    { header: '预警类型', type: 'text', width: 16, value: (f) => FILING_FLAG_LABELS[f.kind as keyof typeof FILING_FLAG_LABELS] ?? f.kind },
    { header: '文件名称', type: 'text', width: 40, value: (f) => f.title },
    { header: '登记编号', type: 'text', width: 20, value: (f) => f.registrationNumber },
    { header: '期限', type: 'date', width: 10, value: (f) => f.dueOn },
    { header: '规则', type: 'text', width: 8, value: (f) => f.rule },
    { header: '说明', type: 'text', width: 50, value: (f) => f.message },
    { header: '紧急程度', type: 'integer', width: 6, value: (f) => f.urgency },
  ],
};
