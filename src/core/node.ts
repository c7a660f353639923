import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The Relay `Node` interface: every object a client may refetch by id alone with `node(id:)`.
 * Ids are UUIDs, unique across the whole database, so an id names one object of one type.
 */
@InterfaceType('Node', { description: 'An object that can be refetched by its id with `node(id:)` (Relay Node)' })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
