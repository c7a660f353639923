import type { PackageItem } from '../core/config';
import type { Violation } from '../core/errors';
import { MaterialKind } from '../content/material.enums';

/** Pure rules of a contract (R-LR-2): what its legality-review package holds. No I/O. */

/** What the package check reads of a contract: its facts and the kinds of its materials. */
export interface ContractPackageFacts {
  counterparty: string;
  counterpartyQualification: string | null;
  legalBasis: string | null;
  amount: string | null;
  termStartsOn: string | null;
  termEndsOn: string | null;
  materialKinds: ReadonlySet<MaterialKind>;
}

const blank = (s: string | null | undefined) => !s || s.trim().length === 0;

/**
 * Each package item of a contract: its Chinese name, and what is still to be done while it is
 * missing (null once it is there). Data and materials both count where either proves the item.
 */
export const CONTRACT_PACKAGE: Record<PackageItem<'CONTRACT'>, { label: string; missing(f: ContractPackageFacts): string | null }> = {
  COUNTERPARTY: { label: '合同相对方', missing: (f) => (blank(f.counterparty) ? '请填写合同相对方' : null) },
  COUNTERPARTY_QUALIFICATION: {
    label: '相对方资质',
    missing: (f) => {
      const stated = !blank(f.counterpartyQualification);
      const proven = f.materialKinds.has(MaterialKind.COUNTERPARTY_QUALIFICATION);
      if (stated && proven) return null;
      if (!stated && !proven) return '请登记相对方资质情况（如统一社会信用代码、资质等级）并上传资质证明材料';
      return stated ? '请上传相对方资质证明材料' : '请登记相对方资质情况（如统一社会信用代码、资质等级）';
    },
  },
  LEGAL_BASIS: {
    label: '法律依据',
    missing: (f) => (!blank(f.legalBasis) || f.materialKinds.has(MaterialKind.LEGAL_BASIS_LIST) ? null : '请填写订立合同的法律依据，或上传依据清单'),
  },
  NEGOTIATION_RECORD: { label: '磋商记录', missing: (f) => (f.materialKinds.has(MaterialKind.NEGOTIATION_RECORD) ? null : '请上传合同磋商（谈判）记录') },
  AMOUNT: { label: '合同金额', missing: (f) => (blank(f.amount) ? '请填写合同金额' : null) },
  TERM: { label: '合同期限', missing: (f) => (f.termStartsOn && f.termEndsOn ? null : '请填写合同期限（起止日期）') },
};

/** R-LR-2: one violation per configured package item still missing, all at once. */
export function contractPackageViolations(f: ContractPackageFacts, items: readonly PackageItem<'CONTRACT'>[]): Violation[] {
  return items.flatMap((item) => {
    const todo = CONTRACT_PACKAGE[item].missing(f);
    return todo === null ? [] : [{ rule: 'R-LR-2', code: 'PACKAGE_ITEM_MISSING', message: `合同送审材料缺少「${CONTRACT_PACKAGE[item].label}」：${todo} (R-LR-2)` }];
  });
}

/** BAD_USER_INPUT-worthy: a term that ends before it starts. */
export function termIsOrdered(startsOn: string | null | undefined, endsOn: string | null | undefined): boolean {
  return !startsOn || !endsOn || startsOn <= endsOn;
}
