// One executable schema per Mobilizon version, derived from schema.graphql (5.1.3) by removing or
// renaming what did not exist yet (lib/graphql/schema/** diffed between tags, see mobilizon-api.md §1g).
import { readFileSync } from 'node:fs';
import { Kind, buildASTSchema, parse, visit } from 'graphql';
import { VERSIONS } from './knobs.mjs';

export const SDL_PATH = new URL('./schema.graphql', import.meta.url);

/** Edits applied when going one version back, newest first. */
const STEPS = [
  {
    to: '5.0.1',
    // 5.1.0 renamed longevents → longEvents and added longEvent / durationOfLongEvent / group sort options.
    renameArgs: { 'RootQueryType.events.longEvents': 'longevents', 'RootQueryType.searchEvents.longEvents': 'longevents' },
    dropFields: ['Event.longEvent', 'EventSearchResult.longEvent', 'EventResult.longEvent', 'Config.durationOfLongEvent'],
    dropValues: ['SearchGroupSortOptions.MEMBER_COUNT_ASC', 'SearchGroupSortOptions.CREATED_AT_ASC', 'SearchGroupSortOptions.CREATED_AT_DESC', 'SearchGroupSortOptions.LAST_EVENT_ACTIVITY'],
  },
  {
    to: '4.0.2',
    // 5.0 added these; SELF came with 4.1.
    dropArgs: ['RootQueryType.events.longevents', 'RootQueryType.searchEvents.longevents', 'RootQueryType.events.location', 'RootQueryType.events.radius'],
    dropFields: ['EventOptions.hideNumberOfParticipants', 'Config.instanceLogo', 'Config.defaultPicture', 'Config.primaryColor', 'Config.secondaryColor', 'Config.longEvents'],
    dropValues: ['SearchTarget.SELF'],
  },
  {
    to: '3.2.0',
    // Before 4.0, leaveEvent answered DeletedObjects for event and actor.
    retypeFields: { 'DeletedParticipant.event': 'DeletedObject', 'DeletedParticipant.actor': 'DeletedObject' },
    addTypes: 'type DeletedObject {\n  id: ID\n}',
  },
];

export function sdlForVersion(version, sdl = readFileSync(SDL_PATH, 'utf8')) {
  if (!VERSIONS.includes(version)) throw new Error(`unknown version ${version}`);
  let doc = parse(sdl);
  for (const step of STEPS) {
    if (VERSIONS.indexOf(version) < VERSIONS.indexOf(step.to)) break;
    doc = applyStep(doc, step);
  }
  return doc;
}

function applyStep(doc, step) {
  let typeName = null;
  let fieldName = null;
  const edited = visit(doc, {
    ObjectTypeDefinition: { enter: (n) => void (typeName = n.name.value) },
    InterfaceTypeDefinition: { enter: (n) => void (typeName = n.name.value) },
    EnumTypeDefinition: { enter: (n) => void (typeName = n.name.value) },
    FieldDefinition: {
      enter(node) {
        fieldName = node.name.value;
        const path = `${typeName}.${fieldName}`;
        if (step.dropFields?.includes(path)) return null;
        const retype = step.retypeFields?.[path];
        if (retype) return { ...node, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: retype } } };
        return undefined;
      },
    },
    InputValueDefinition(node) {
      const path = `${typeName}.${fieldName}.${node.name.value}`;
      if (step.dropArgs?.includes(path)) return null;
      const renamed = step.renameArgs?.[path];
      return renamed ? { ...node, name: { ...node.name, value: renamed } } : undefined;
    },
    EnumValueDefinition(node) {
      return step.dropValues?.includes(`${typeName}.${node.name.value}`) ? null : undefined;
    },
  });
  if (!step.addTypes) return edited;
  return { ...edited, definitions: [...edited.definitions, ...parse(step.addTypes).definitions] };
}

/** Builds the executable schema of a version: SDL edits, then resolvers attached by `attach(schema)`. */
export function buildVersionSchema(version, attach) {
  const schema = buildASTSchema(sdlForVersion(version));
  attach(schema, version);
  return schema;
}
