import { Role } from '../core/roles';

/** Who reads the filing flags (R-ND-8): as the `filingFlags` query. */
export const FLAG_READERS: readonly Role[] = [Role.FILING_OFFICER, Role.ADMIN, Role.LEGAL_ADVISOR, Role.DECISION_MAKER];
