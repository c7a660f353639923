import type { MaterialInput } from '../content/materials';

/** Plain commands the contract service takes; the GraphQL inputs satisfy them. */

/** The facts a contract's review package reads (R-LR-2), besides its materials. */
export interface ContractFacts {
  counterpartyQualification?: string | null;
  legalBasis?: string | null;
  termStartsOn?: string | null;
  termEndsOn?: string | null;
}

export interface CreateContractCommand extends ContractFacts {
  title: string;
  counterparty: string;
  amount: string;
  text: string;
}

/** Changes the given facts; a field left out stays as it is, a null clears it. */
export interface UpdateContractCommand extends ContractFacts {
  contractId: string;
  /** The version the caller read; a stale one is refused with CONFLICT. */
  version: number;
  counterparty?: string | null;
  amount?: string | null;
}

export interface AddContractDraftCommand {
  contractId: string;
  text: string;
  changeNote: string;
}

export interface AddContractMaterialCommand extends MaterialInput {
  contractId: string;
}

/** The contract list's filter (合同筛选); the list shows only what the user may see. */
export interface ContractListFilter {
  departmentId?: string | null;
  /** Substring of title, code or counterparty. */
  search?: string | null;
}
