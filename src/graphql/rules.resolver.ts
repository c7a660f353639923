import { Arg, Authorized, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { configValue } from '../core/rules/reference';
import { ruleById, RULE_AREA_TITLES, RULES, type RuleArea, type RuleEntry } from '../core/rules/registry';
import { NotFoundError } from '../core/errors';
import type { Context } from './context';
import { ViolationType } from './violation.type';

const RuleAreaEnum = Object.fromEntries(Object.keys(RULE_AREA_TITLES).map((k) => [k, k])) as Record<RuleArea, RuleArea>;
registerEnumType(RuleAreaEnum, {
  name: 'RuleArea',
  description: 'Area of the rule book (规则类别)',
  valuesConfig: Object.fromEntries(Object.entries(RULE_AREA_TITLES).map(([k, v]) => [k, { description: v }])),
});

@ObjectType({ description: 'A configuration key of a rule and its value in this deployment (RULES_FILE)' })
class RuleSetting {
  @Field({ description: 'Key in the rules configuration, e.g. decision.consultationMinDays' })
  key!: string;

  @Field({ description: 'The value in force, as JSON' })
  value!: string;
}

@ObjectType('Rule', { description: 'A rule of the rules registry (规则): what the system enforces, and from which law' })
export class RuleType {
  @Field({ description: 'Rule id, e.g. R-DEC-8' })
  id!: string;

  @Field({ description: 'Short Chinese title (规则名称)' })
  title!: string;

  @Field(() => RuleAreaEnum)
  area!: RuleArea;

  @Field({ description: 'Legal source: law and article (法律依据)' })
  source!: string;

  @Field({ description: 'The rule as the system enforces it' })
  text!: string;

  @Field({ description: 'Kept or offered by the system rather than a refusal' })
  advisory!: boolean;

  @Field(() => [String], { description: 'Configuration keys that set its numbers' })
  configKeys!: string[];
}

function toType(r: RuleEntry): RuleType {
  return { id: r.id, title: r.title, area: r.area, source: r.source, text: r.text, advisory: r.advisory ?? false, configKeys: r.configKeys };
}

@Resolver(() => RuleType)
export class RulesResolver {
  @Authorized()
  @Query(() => [RuleType], { description: 'The rules registry (规则库): every rule id an error or a blocker may cite' })
  rules(): RuleType[] {
    return RULES.map(toType);
  }

  @Authorized()
  @Query(() => RuleType, { description: 'One rule of the registry by id, e.g. R-DEC-8' })
  rule(@Arg('id') id: string): RuleType {
    const r = ruleById(id);
    if (!r) throw new NotFoundError('规则', id.slice(0, 40));
    return toType(r);
  }

  @FieldResolver(() => [RuleSetting], { description: 'The configured values of its keys in this deployment' })
  settings(@Root() r: RuleType, @Ctx() ctx: Context): RuleSetting[] {
    return r.configKeys.map((key) => ({ key, value: JSON.stringify(configValue(ctx.config.rules, key)) }));
  }
}

/** A violation resolves to its registry entry. */
@Resolver(() => ViolationType)
export class ViolationRuleResolver {
  @FieldResolver(() => String, { description: 'Title of the rule (规则名称)' })
  title(@Root() v: ViolationType): string {
    return ruleById(v.rule)?.title ?? v.rule;
  }

  @FieldResolver(() => RuleType, { nullable: true, description: 'The rule’s registry entry' })
  ruleEntry(@Root() v: ViolationType): RuleType | null {
    const r = ruleById(v.rule);
    return r ? toType(r) : null;
  }
}
