import type { Plural } from '../en.js';
import type { ViewKey } from './en.js';

export const messages: Record<ViewKey, string | Plural> = {
  allDay: 'طوال اليوم',
  filterLabel: 'تصفية الأحداث',
  searchLabel: 'بحث',
  searchPlaceholder: 'كلمات، أماكن، وسوم…',
  typeLabel: 'أين',
  typeAny: 'في أي مكان',
  inPerson: 'حضوريًا',
  fromLabel: 'من',
  toLabel: 'إلى',
  tagsLabel: 'الوسوم',
  dateWords: 'يوم شهر سنة',
  dateInvalid: 'اكتب التاريخ بالشكل {pattern}.',
  clearFilters: 'مسح عوامل التصفية',
  close: 'إغلاق',
  previousMonth: 'الشهر السابق',
  nextMonth: 'الشهر التالي',
  today: 'اليوم',
  moreEvents: { zero: '+{count} أخرى', one: '+{count} آخر', two: '+{count} آخران', few: '+{count} أخرى', many: '+{count} أخرى', other: '+{count} أخرى' },
  windowCeiling: 'تُعرض أول {count} فعالية من أصل {total} في هذه الفترة.',
  eventsOn: 'أحداث يوم {date}',
  timesIn: 'الأوقات بتوقيت {zone}',
  showLocalTimes: 'عرض الأوقات حسب منطقتي الزمنية ({zone})',
  showEventTimes: 'عرض الأوقات حسب المنطقة الزمنية لكل حدث',
};
