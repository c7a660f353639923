import type { AdjustmentKind, DecisionCategory } from './directory.enums';

/** Plain commands the directory service takes; the GraphQL inputs satisfy them. */

export interface CreateDirectoryCommand {
  year: number;
  title: string;
}

/** The content of one directory item (R-DIR-1). */
export interface DirectoryItemCommand {
  title: string;
  category: DecisionCategory;
  sponsorDepartmentId: string;
  legalBasis: string;
  /** Planned quarter, 1–4. */
  plannedQuarter: number;
  reason: string;
}

export interface AddDirectoryItemCommand extends DirectoryItemCommand {
  directoryId: string;
}

export interface UpdateDirectoryItemCommand extends DirectoryItemCommand {
  itemId: string;
  /** The item version the caller read; a stale one is refused with CONFLICT. */
  version: number;
}

export interface DirectoryVersionCommand {
  directoryId: string;
  /** The directory version the caller read; a stale one is refused with CONFLICT. */
  version: number;
}

export interface RecordPartyApprovalCommand extends DirectoryVersionCommand {
  /** YYYY-MM-DD. */
  approvedOn: string;
  reference: string;
}

export type PublishDirectoryCommand = DirectoryVersionCommand;

/** R-DIR-3: ADD takes `newItem`; WITHDRAW and RESCHEDULE take `itemId`, RESCHEDULE also `toQuarter`. */
export interface AdjustDirectoryCommand {
  directoryId: string;
  kind: AdjustmentKind;
  reason: string;
  itemId?: string | null;
  toQuarter?: number | null;
  newItem?: DirectoryItemCommand | null;
}

export interface DirectoryListFilter {
  year?: number | null;
}
