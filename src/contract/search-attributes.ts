// Typed keys of the custom search attributes (names in ./names.ts, permanent), shared by the
// code that starts workflows and the workflows that upsert them.
import { defineSearchAttributeKey, SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';
import { SEARCH_ATTRIBUTES as N } from './names';

export const searchAttributeKeys = {
  organisation: defineSearchAttributeKey(N.organisation.name, SearchAttributeType.KEYWORD),
  plan: defineSearchAttributeKey(N.plan.name, SearchAttributeType.KEYWORD),
  agency: defineSearchAttributeKey(N.agency.name, SearchAttributeType.KEYWORD),
  period: defineSearchAttributeKey(N.period.name, SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey(N.status.name, SearchAttributeType.KEYWORD),
  due: defineSearchAttributeKey(N.due.name, SearchAttributeType.DATETIME),
};

export function deadlineSearchAttributes(a: { organisation: string; plan: string; agency: string; period: string; due: Date }): TypedSearchAttributes {
  const k = searchAttributeKeys;
  return new TypedSearchAttributes([
    { key: k.organisation, value: a.organisation },
    { key: k.plan, value: a.plan },
    { key: k.agency, value: a.agency },
    { key: k.period, value: a.period },
    { key: k.status, value: 'open' },
    { key: k.due, value: a.due },
  ]);
}
