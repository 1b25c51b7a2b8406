import { define } from '../shared/define.js';
import { MobilizonEvent } from './mobilizon-event.js';

define('mobilizon-event', MobilizonEvent);
