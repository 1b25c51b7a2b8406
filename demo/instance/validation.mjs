// Document validation with Absinthe's wording where it differs from graphql-js, so a client sees the
// same kind of message a real Mobilizon (Absinthe 1.7) sends: no `data`, no `code`, only message and locations.
import { GraphQLError, Kind, ValuesOfCorrectTypeRule, getLocation, isNonNullType, print, specifiedRules, validate, valueFromAST, visit } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';

/** ArgumentsOfCorrectType / ProvidedNonNullArguments for literal argument values. */
function AbsintheArgumentValuesRule(context) {
  return {
    Argument(node) {
      const def = context.getArgument();
      if (!def) return false;
      if (containsVariable(node.value)) return false; // checked when variables are coerced
      if (node.value.kind === Kind.NULL && isNonNullType(def.type)) {
        context.reportError(new GraphQLError(`In argument "${node.name.value}": Expected type "${def.type}", found null.`, { nodes: node }));
      } else if (valueFromAST(node.value, def.type) === undefined) {
        context.reportError(new GraphQLError(`Argument "${node.name.value}" has invalid value ${print(node.value)}.`, { nodes: node }));
      }
      return false;
    },
  };
}

function containsVariable(value) {
  let found = false;
  visit(value, { Variable: () => void (found = true) });
  return found;
}

const RULES = [...specifiedRules.filter((r) => r !== ValuesOfCorrectTypeRule), AbsintheArgumentValuesRule];

/** graphql-js message → Absinthe message (unknown argument, missing required argument). */
function absintheWording(message) {
  let m = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./.exec(message);
  if (m) return `Unknown argument "${m[1]}" on field "${m[3]}" of type "${m[2]}".`;
  m = /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\./.exec(message);
  if (m) return `In argument "${m[2]}": Expected type "${m[3]}", found null.`;
  return message;
}

export function validateDocument(schema, document) {
  return validate(schema, document, RULES).map((e) => ({ locations: e.locations ?? [], message: absintheWording(e.message) }));
}

/**
 * Coerces variables; a bad value is reported on every argument that uses the variable, as Absinthe
 * does ("Argument \"uuid\" has invalid value $uuid."); a missing non-null variable as Absinthe words it.
 */
export function coerceVariables(schema, document, operation, inputs) {
  const result = getVariableValues(schema, operation.variableDefinitions ?? [], inputs ?? {}, { maxErrors: 50 });
  if (!result.errors) return { coerced: result.coerced };
  const errors = [];
  for (const error of result.errors) {
    const name = /^Variable "\$(\w+)"/.exec(error.message)?.[1];
    const def = operation.variableDefinitions.find((d) => d.variable.name.value === name);
    if (def && inputs?.[name] == null && def.type.kind === Kind.NON_NULL_TYPE) {
      errors.push({ locations: error.locations ?? [], message: `Variable "${name}": Expected non-null, found null.` });
      continue;
    }
    const uses = argumentsUsing(document, operation, name);
    if (uses.length === 0) errors.push({ locations: error.locations ?? [], message: error.message });
    for (const arg of uses) {
      errors.push({ locations: [locationOf(document, arg)], message: `Argument "${arg.name.value}" has invalid value $${name}.` });
    }
  }
  return { errors };
}

function argumentsUsing(document, operation, name) {
  const found = [];
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const seen = new Set();
  const scan = (node) =>
    visit(node, {
      Argument(arg) {
        if (containsVariableNamed(arg.value, name)) found.push(arg);
      },
      FragmentSpread(spread) {
        const f = fragments.get(spread.name.value);
        if (f && !seen.has(f)) {
          seen.add(f);
          scan(f);
        }
      },
    });
  scan(operation);
  return found;
}

function containsVariableNamed(value, name) {
  let found = false;
  visit(value, { Variable: (v) => void (v.name.value === name && (found = true)) });
  return found;
}

function locationOf(document, node) {
  const { line, column } = getLocation(document.loc.source, node.loc.start);
  return { line, column };
}
