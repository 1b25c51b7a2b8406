import { define } from '../shared/define.js';
import { MobilizonRegistration } from './mobilizon-registration.js';

define('mobilizon-registration', MobilizonRegistration);
