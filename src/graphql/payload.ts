import { Field, ObjectType, type ClassType } from 'type-graphql';

/**
 * A mutation's payload type (`XxxPayload`): the changed objects, by name. Every mutation returns one,
 * so a client always gets what changed plus what it needs next, and fields can be added later
 * without breaking anyone.
 */
export function Payload(name: string, description: string, fields: Record<string, { type: () => ClassType | object; nullable?: boolean; description?: string }>) {
  @ObjectType(name, { description })
  class PayloadType {}
  for (const [key, f] of Object.entries(fields)) {
    Field(f.type as () => ClassType, { nullable: f.nullable ?? false, description: f.description })(PayloadType.prototype, key);
  }
  return PayloadType;
}
