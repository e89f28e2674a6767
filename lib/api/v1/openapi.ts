import { z } from 'zod';
import { auctionListQuerySchema, pageQuerySchema } from './list-query';
import {
  apiErrorSchema,
  auctionDetailSchema,
  auctionPageSchema,
  auctionSummarySchema,
  idParamSchema,
  lotLiveSchema,
  lotPageSchema,
  lotSummarySchema,
  myLotStateSchema,
  publicBidSchema,
  serverTimeSchema,
  unreadCountSchema,
} from './schemas';

type JsonSchema = Record<string, unknown>;

/** Every response schema is named (`.meta({ id })`), so the document refers to it by $ref. */
const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${z.globalRegistry.get(schema)?.id}` });

const json = (schema: z.ZodType, description: string, cache: string) => ({
  description,
  headers: { 'Cache-Control': { schema: { type: 'string', example: cache } } },
  content: { 'application/json': { schema: ref(schema) } },
});

const refusal = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref(apiErrorSchema) } },
});

function withoutKeys(schema: JsonSchema, keys: string[]): JsonSchema {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));
}

/** A parameter's schema as the caller writes it (input side: before coercion and defaults). */
function parameterSchema(schema: z.ZodType): JsonSchema {
  return withoutKeys(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, ['$schema']);
}

const idParameter = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id`,
  schema: parameterSchema(idParamSchema),
});

const queryParameters = (query: z.ZodObject) =>
  Object.entries(query.shape).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: parameterSchema(schema as z.ZodType),
  }));

function componentSchemas(): Record<string, JsonSchema> {
  // Every named schema is registered, so nested ones are referenced rather than inlined.
  const named = [
    apiErrorSchema,
    auctionSummarySchema,
    auctionPageSchema,
    lotSummarySchema,
    lotPageSchema,
    auctionDetailSchema,
    publicBidSchema,
    lotLiveSchema,
    myLotStateSchema,
    unreadCountSchema,
    serverTimeSchema,
  ];
  const registry = z.registry<{ id: string }>();
  for (const schema of named) registry.add(schema, { id: z.globalRegistry.get(schema)!.id! });
  const { schemas } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    metadata: z.globalRegistry,
  }) as { schemas: Record<string, JsonSchema> };
  // Each comes with its own dialect and $id; in the document, jsonSchemaDialect and the key say both.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => [id, withoutKeys(schema, ['$schema', '$id'])]),
  );
}

/** The public read API as OpenAPI 3.1, generated from the zod schemas the routes answer with. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Gavel public read API',
      version: '1.0.0',
      description: 'Auctions, their lots and a lot’s live state. Money is integer fen; times are ISO 8601 UTC.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/v1/auctions': {
        get: {
          summary: 'Published auctions, a page at a time, optionally one group',
          parameters: queryParameters(auctionListQuerySchema),
          responses: {
            '200': json(auctionPageSchema, 'A page of auctions', 'public, s-maxage=30'),
            '400': refusal('A bad group or page'),
          },
        },
      },
      '/api/v1/auctions/{id}': {
        get: {
          summary: 'A published auction with a page of its lots',
          parameters: [idParameter('auction'), ...queryParameters(pageQuerySchema)],
          responses: {
            '200': json(auctionDetailSchema, 'The auction', 'public, s-maxage=5'),
            '400': refusal('The id is not a positive integer, or the page is not one'),
            '404': refusal('No such published auction'),
          },
        },
      },
      '/api/v1/lots/{id}': {
        get: {
          summary: 'A lot’s live state (price, masked leader, bids, end, server time)',
          parameters: [idParameter('lot')],
          responses: {
            '200': json(lotLiveSchema, 'The lot now', 'public, s-maxage=1'),
            '400': refusal('The id is not a positive integer'),
            '404': refusal('No such published lot'),
          },
        },
      },
      '/api/v1/lots/{id}/me': {
        get: {
          summary: 'The caller’s own standing on the lot and their proxy maximum (session cookie)',
          parameters: [idParameter('lot')],
          responses: {
            '200': json(myLotStateSchema, 'The caller’s state; signedIn false without a session', 'private, no-store'),
            '400': refusal('The id is not a positive integer'),
            '404': refusal('No such published lot'),
          },
        },
      },
      '/api/v1/me/unread': {
        get: {
          summary: 'How many of the caller’s notifications are unread (session cookie; buyers only)',
          responses: {
            '200': json(unreadCountSchema, 'The unread count', 'private, no-store'),
            '401': refusal('Not signed in'),
            '403': refusal('Signed in, but not as a buyer'),
          },
        },
      },
      '/api/v1/time': {
        get: {
          summary: 'The server’s clock, never cached: a client measures its offset at the round trip’s midpoint',
          responses: { '200': json(serverTimeSchema, 'The server time now', 'no-store') },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
