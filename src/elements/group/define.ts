import { define } from '../shared/define.js';
import { MobilizonGroup } from './mobilizon-group.js';

define('mobilizon-group', MobilizonGroup);
