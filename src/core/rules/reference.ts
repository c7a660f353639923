import { DEFAULT_RULES, type RulesConfig } from '../config';
import { RULE_AREA_TITLES, RULES, type RuleArea, type RuleEntry } from './registry';

/** The current value of a rules-configuration key such as `decision.consultationMinDays`. */
export function configValue(rules: RulesConfig, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), rules);
}

/**
 * The repository's own rule reference (docs/rules.md), generated from the registry: every rule
 * with its title, legal source, configuration keys and defaults, and the files that enforce it.
 * `citedIn` maps rule ids to the source files citing them (computed by the generator script);
 * `dateChecks` maps rule ids to the date constraints the areas' date tables check under them.
 */
export function rulesReference(citedIn: Map<string, string[]>, dateChecks: Map<string, string[]> = new Map()): string {
  const lines: string[] = [
    '# Rule reference (规则参考)',
    '',
    'Generated from `src/core/rules/registry.ts` by `npm run docs:rules`; a test fails when this file is stale.',
    'Every error of code `RULE_VIOLATION` lists violations whose `rule` is one of the ids below (the `rules`',
    'query returns the same registry). Numbers marked with a configuration key are defaults: a deployment',
    'changes them in the JSON file named by `RULES_FILE` (see the README).',
    '',
    '| id | title | where it is enforced |',
    '|---|---|---|',
    ...RULES.map((r) => `| [${r.id}](#${r.id.toLowerCase()}) | ${r.title} | ${(citedIn.get(r.id) ?? []).map((f) => `\`${f}\``).join(', ') || (r.advisory ? '_advisory_' : '')} |`),
    '',
  ];
  const areas = [...new Set(RULES.map((r) => r.area))] as RuleArea[];
  for (const area of areas) {
    lines.push(`## ${RULE_AREA_TITLES[area]}`, '');
    for (const r of RULES.filter((x) => x.area === area)) lines.push(...section(r, citedIn.get(r.id) ?? [], dateChecks.get(r.id) ?? []), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function section(r: RuleEntry, files: string[], dates: string[]): string[] {
  const out = [`### ${r.id}`, '', `**${r.title}**${r.advisory ? ' (advisory: kept or offered by the system, not a refusal)' : ''}`, '', r.text, '', `- Source: ${r.source}`];
  if (r.configKeys.length) {
    out.push(`- Configuration: ${r.configKeys.map((k) => `\`${k}\` (default ${JSON.stringify(configValue(DEFAULT_RULES, k))})`).join(', ')}`);
  }
  if (files.length) out.push(`- Enforced in: ${files.map((f) => `\`${f}\``).join(', ')}`);
  if (dates.length) out.push('- Dates checked (日期一致性, refused when broken):', ...dates.map((d) => `  - ${d}`));
  return out;
}
