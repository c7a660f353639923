/**
 * Does a normative document touch market entities' economic activity, so that it needs a
 * fair-competition review (R-ND-4; 《公平竞争审查条例》)? Suggested from its title and text by a pure
 * scan, like the filing assessment's red flags (R-ND-2): subsidies and incentives, qualifications,
 * market access and exit, tendering and procurement, and who they address. The drafter's flag may
 * depart from the suggestion only with a reason (release.rules.ts `marketEntitiesViolations`).
 */

/** Terms that suggest a measure touches market entities (subsidies, qualifications, access, procurement, addressees). */
export const MARKET_ENTITY_TERMS = [
  '补贴',
  '补助',
  '奖补',
  '扶持资金',
  '资质',
  '准入',
  '招标',
  '投标',
  '采购',
  '特许经营',
  '经营者',
  '市场主体',
  '企业',
  '个体工商户',
  '优惠政策',
] as const;

export interface MarketEntityTerm {
  where: 'TITLE' | 'TEXT';
  term: string;
  /** The text around the first occurrence. */
  excerpt: string;
}

export interface MarketEntitiesSuggestion {
  suggested: boolean;
  terms: MarketEntityTerm[];
}

function excerpt(text: string, index: number, term: string): string {
  const start = Math.max(0, index - 12);
  const end = Math.min(text.length, index + term.length + 12);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/** Every term found, in the title first, then in the text (each term once, where it first appears). */
export function suggestMarketEntities(title: string, text: string): MarketEntitiesSuggestion {
  const terms: MarketEntityTerm[] = [];
  for (const term of MARKET_ENTITY_TERMS) {
    if (title.includes(term)) terms.push({ where: 'TITLE', term, excerpt: title });
    else {
      const i = text.indexOf(term);
      if (i >= 0) terms.push({ where: 'TEXT', term, excerpt: excerpt(text, i, term) });
    }
  }
  return { suggested: terms.length > 0, terms: [...terms.filter((t) => t.where === 'TITLE'), ...terms.filter((t) => t.where === 'TEXT')] };
}
