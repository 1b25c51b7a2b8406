// Absinthe's complexity analysis as Mobilizon runs it (analyze_complexity: true, max_complexity: 300,
// no custom complexity functions): every selected field costs 1 + the cost of its selections,
// fragments count where they are spread. Mirrors Absinthe.Phase.Document.Complexity.{Analysis,Result}.
import { Kind, getLocation } from 'graphql';

export const MAX_COMPLEXITY = 300;

export function complexityErrors(document, operation, max = MAX_COMPLEXITY) {
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const memo = new Map();

  const fragmentCost = (name) => {
    if (!memo.has(name)) {
      memo.set(name, 0); // cycles are refused by validation before we get here
      const def = fragments.get(name);
      memo.set(name, def ? selectionsCost(def.selectionSet) : 0);
    }
    return memo.get(name);
  };
  const nodeCost = (node) => {
    if (node.kind === Kind.FIELD) return 1 + selectionsCost(node.selectionSet);
    if (node.kind === Kind.FRAGMENT_SPREAD) return fragmentCost(node.name.value);
    return selectionsCost(node.selectionSet);
  };
  const selectionsCost = (set) => (set ? set.selections.reduce((sum, s) => sum + nodeCost(s), 0) : 0);

  const source = document.loc?.source;
  const at = (node) => (source && node.loc ? [getLocation(source, node.loc.start)] : []);
  const message = (what, cost) => `${what} is too complex: complexity is ${cost} and maximum is ${max}`;
  const errors = [];

  const total = selectionsCost(operation.selectionSet);
  if (total > max) errors.push({ locations: at(operation), message: message(operation.name ? `Operation ${operation.name.value}` : 'Operation', total) });
  // Prewalk: a node over the limit is reported and its children visited; one within the limit stops the walk.
  const walk = (set) => {
    for (const node of set?.selections ?? []) {
      const cost = nodeCost(node);
      if (cost <= max) continue;
      if (node.kind === Kind.FIELD) {
        errors.push({ locations: at(node), message: message(`Field ${node.name.value}`, cost) });
        walk(node.selectionSet);
      } else if (node.kind === Kind.FRAGMENT_SPREAD) {
        errors.push({ locations: at(node), message: message(`Spread ${node.name.value}`, cost) });
      } else {
        errors.push({ locations: at(node), message: message('Inline Fragment', cost) });
        walk(node.selectionSet);
      }
    }
  };
  if (total > max) walk(operation.selectionSet);
  // Absinthe accumulates with [error | errors], so the last one found comes first.
  return { total, errors: errors.reverse() };
}
