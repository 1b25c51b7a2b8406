// Entry point: registers <mobilizon-group> (and the <mobilizon-events> lists it embeds).
import './elements/group/define.js';

export { MobilizonGroup } from './elements/group/mobilizon-group.js';
export type { Group, Openness, Post, PostPage } from './model/group.js';
export type * from './elements/shared/dom-events.js';
