import compile from 'icu-minify/compile';
import { _createCache, _createIntlFormatters } from 'use-intl/core';
import formatParsed from 'use-intl/format-message';
import formatPrecompiled from 'use-intl/format-message/format-only';
import { describe, expect, it } from 'vitest';
import { locales } from '../config';
import { messagesFor } from './index';

// The build compiles every message with icu-minify (next.config.ts) and pages format them with
// use-intl's format-only; vitest and the scripts parse them at run time with use-intl's default
// formatter. Both must say the same.

type Values = Record<string, string | number | Date>;
const TIME_ZONE = 'Asia/Shanghai';
const SOME_DATE = new Date('2026-11-25T06:07:08Z');

function messageEntries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([key, inner]) =>
    messageEntries(inner, prefix ? `${prefix}.${key}` : key),
  );
}

/** The arguments a compiled message takes, each with the values worth trying. */
function argumentChoices(message: unknown): Map<string, (string | number | Date)[]> {
  const choices = new Map<string, (string | number | Date)[]>();
  const visitAll = (nodes: unknown) => {
    if (Array.isArray(nodes)) for (const node of nodes) visit(node);
    else visit(nodes);
  };
  // A node is text, a pound sign (a number), or [name, type?, options?] for an argument.
  const visit = (node: unknown) => {
    if (!Array.isArray(node)) return;
    const [name, type, options] = node as [string, unknown, Record<string, unknown>];
    if (type === undefined) choices.set(name, choices.get(name) ?? [`‹${name}›`]);
    else if (type === 2 || type === 3 || type === 4) choices.set(name, [0, 1, 2, 5, 12.5, 1234567]);
    else if (type === 5 || type === 6) choices.set(name, [SOME_DATE]);
    else if (type === 1) choices.set(name, Object.keys(options));
    else throw new Error(`Rich-text tag <${name}> in a message: this check does not cover tags`);
    if (type === 1 || type === 2 || type === 3) for (const branch of Object.values(options)) visitAll(branch);
  };
  if (Array.isArray(message)) visitAll(message);
  return choices;
}

/** One value set per choice of each argument in turn, the others at their first choice. */
function valueSets(choices: Map<string, (string | number | Date)[]>): Values[] {
  const base = Object.fromEntries([...choices].map(([name, options]) => [name, options[0]!]));
  return [
    base,
    ...[...choices].flatMap(([name, options]) => options.slice(1).map((option) => ({ ...base, [name]: option }))),
  ];
}

// The formatters and cache use-intl gives either formatter when it renders a page.
const cache = _createCache();
const formatters = _createIntlFormatters(cache);

describe('precompiled messages', () => {
  it.each(locales)('%s: every message reads the same precompiled as parsed, for every plural and select', (locale) => {
    const messages = messagesFor(locale);
    const options = { cache, formatters, locale, timeZone: TIME_ZONE };
    let checked = 0;
    for (const [key, source] of messageEntries(messages)) {
      const compiled = compile(source);
      for (const values of valueSets(argumentChoices(compiled))) {
        const parsed = formatParsed(key, source, values, options);
        const precompiled = formatPrecompiled(key, compiled, values, options);
        expect(precompiled, `${key} ${JSON.stringify(values)}`).toBe(parsed);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
