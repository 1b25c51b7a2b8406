import type { ErrorKey } from './en.js';

export const messages: Record<ErrorKey, string> = {
  errorNetwork: 'تعذّر الوصول إلى الخادم {instance}. تحقّق من الاتصال ثم أعد المحاولة.',
  errorTimeout: 'استغرق الخادم {instance} وقتًا أطول من اللازم للرد.',
  errorHttp: 'ردّ الخادم {instance} بخطأ (HTTP {status}).',
  errorInvalid: 'أرسل الخادم {instance} ردًّا ليس ردًّا من Mobilizon.',
  errorGraphql: 'أبلغ الخادم {instance} عن خطأ: {message}',
  errorGroupNotFound: 'المجموعة «{group}» غير موجودة على {instance}.',
  errorLimitReached: 'يرفض الخادم {instance} عرض هذا العدد الكبير من الأحداث دفعة واحدة.',
  errorNoInstance: 'تحتاج هذه الأداة إلى عنوان خادم Mobilizon، مثل instance="mobilizon.fr".',
  errorBadInstance: 'العنوان «{instance}» ليس عنوان خادم Mobilizon.',
  errorBadValue: 'القيمة «{value}» غير معروفة للسمة {name}. استخدم إحدى القيم التالية: {values}.',
  errorBadDate: 'القيمة {name}="{value}" ليست تاريخًا؛ اكتبها بالصيغة YYYY-MM-DD.',
  errorFromAfterTo: 'اليوم الأول ({from}) يقع بعد اليوم الأخير ({to}).',
  errorBadFeed: 'العنوان «{url}» ليس عنوان موجز iCal.',
  errorFeedNetwork: 'تعذّر الوصول إلى التقويم {feed} (أو أنه لا يسمح للمواقع الأخرى بقراءته).',
  errorFeedHttp: 'ردّ التقويم {feed} بخطأ (HTTP {status}).',
  errorFeedNotIcs: 'التقويم {feed} ليس موجز iCal.',
  errorFeedMalformed: 'تعذّرت قراءة التقويم {feed}: بيانات iCal الخاصة به تالفة.',
  errorEventNotFound: 'هذا الحدث غير موجود على الخادم {instance}، أو أنه ليس عامًّا.',
  errorNoEvent: 'حدِّد حدثًا: uuid="…" مع خادم، أو url="https://…/events/…".',
};
