import type { Plural } from '../en.js';
import type { EventKey } from './en.js';

export const messages: Record<EventKey, string | Plural> = {
  cancelledNotice: 'أُلغي هذا الحدث.',
  tentativeNotice: 'هذا الحدث لم يُؤكَّد بعد.',
  date: 'التاريخ',
  place: 'المكان',
  online: 'عبر الإنترنت',
  organiser: 'المنظِّم',
  tags: 'الوسوم',
  category: 'الفئة',
  language: 'اللغة',
  participants: 'المشاركون',
  price: 'السعر',
  conditions: 'الشروط',
  addToCalendar: 'أضف إلى تقويمي',
  icalFile: 'ملف iCal من الخادم {instance}',
  map: 'عرض على الخريطة',
  joinOnline: 'انضم عبر الإنترنت',
  liveStream: 'بث مباشر',
  videoCall: 'مؤتمر فيديو',
  replay: 'إعادة العرض',
  link: 'رابط',
  free: 'مجاني',
  openOnInstance: 'عرض هذا الحدث على الخادم {instance}',
  phone: 'الهاتف',
  about: 'حول',
};
