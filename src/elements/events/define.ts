import { define } from '../shared/define.js';
import { MobilizonEvents } from './mobilizon-events.js';

define('mobilizon-events', MobilizonEvents);
