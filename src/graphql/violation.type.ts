import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A broken rule (不符合的规则): rule id from the rule book, stable code, Chinese message' })
export class ViolationType {
  @Field({ description: 'Rule id, e.g. R-DEC-4' })
  rule!: string;

  @Field({ description: 'Stable machine code, e.g. CONSULTATION_TOO_SHORT' })
  code!: string;

  @Field()
  message!: string;
}
